import {describe, expect, it} from 'vitest';
import {decodeEntities} from '../../src/core/entities.js';
import {errorCode} from '../../src/core/system/errors.js';

describe('decodeEntities', () => {
	it.each([
		['a &amp; b', 'a & b'],
		['&lt;tag&gt;', '<tag>'],
		['&quot;q&quot; &#39;s&#39; &#x27;t&#x27; &apos;u&apos;', `"q" 's' 't' 'u'`],
		['&amp;lt;', '&lt;'],
		['&copy; &#169; &constructor;', '&copy; &#169; &constructor;'],
	])('%j → %j', (input, out) => {
		expect(decodeEntities(input)).toBe(out);
	});
	it('keeps a no-break space unless told what to draw instead', () => {
		expect(decodeEntities('a&nbsp;b')).toBe('a\u00a0b');
		expect(decodeEntities('a&nbsp;b', ' ')).toBe('a b');
	});
});

describe('errorCode', () => {
	it('reads the code of a system error and nothing else', () => {
		expect(errorCode(Object.assign(new Error('x'), {code: 'ENOENT'}))).toBe('ENOENT');
		expect(errorCode({code: 'EACCES'})).toBe('EACCES');
		expect(errorCode(new Error('plain'))).toBeUndefined();
		expect(errorCode('ENOENT')).toBeUndefined();
		expect(errorCode(null)).toBeUndefined();
		expect(errorCode({code: {}})).toBeUndefined();
	});
});
