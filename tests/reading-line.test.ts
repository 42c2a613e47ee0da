import {describe, expect, it} from 'vitest';
import {readingLine} from '../src/reading-line.js';

describe('the reading line of a first start', () => {
	it('stays quiet for a short read, then says how far it got at most ten times a second, and when it sorts', () => {
		let clock = 0;
		const written: string[] = [];
		const {tell, clear} = readingLine({write: text => written.push(text)}, () => clock);
		for (clock = 0; clock < 300; clock += 50) tell(clock * 10, 20_000);
		expect(written).toEqual([]);
		for (clock = 300; clock < 600; clock += 20) tell(clock * 10, 20_000);
		expect(written).toHaveLength(3);
		expect(written[0]).toBe('\r\x1b[2K Reading 3,000/20,000 files for the shelf index…');
		tell(20_000, 20_000);
		expect(written.at(-1)).toBe('\r\x1b[2K 20,000 files read for the shelf index…');
		clear();
		expect(written.at(-1)).toBe('\r\x1b[2K');
	});

	it('says how the text indexing goes, then clears', () => {
		let clock = 0;
		const written: string[] = [];
		const {indexing, clear} = readingLine({write: text => written.push(text)}, () => clock);
		clock = 400;
		indexing(12_400, 20_000);
		clock += 50;
		indexing(13_000, 20_000);
		clear();
		expect(written).toEqual(['\r\x1b[2K Indexing the text of 12,400/20,000 articles…', '\r\x1b[2K']);
	});

	it('fits a narrow terminal', () => {
		let clock = 0;
		const written: string[] = [];
		const {tell} = readingLine({write: text => written.push(text), columns: 20}, () => clock);
		clock = 400;
		tell(1, 2);
		expect(written).toEqual(['\r\x1b[2K Reading 1/2 files ']);
	});

	it('says nothing at all when a small shelf is read in under 300 ms', () => {
		const written: string[] = [];
		const {tell, clear} = readingLine({write: text => written.push(text)}, () => 120);
		tell(500, 500);
		clear();
		expect(written).toEqual([]);
	});
});
