import {describe, it, expect} from 'vitest';
import {currentArticles, initialState, reduce, selectedArticle, type AppState} from '../../src/core/state/reducer.js';
import {sampleGroups} from '../helpers/articles.js';

const command = (state: AppState, c: 'close' | 'back' | 'open'): AppState => reduce(state, {type: 'command', command: c});

describe('q in the article the app started on (inkshelf FILE, inkshelf -)', () => {
	it('quits, as in a pager, while Esc goes to the library', () => {
		const start = initialState(sampleGroups(), {open: 'sql-basics'});
		expect(start.screen).toBe('reader');
		expect(command(start, 'close').quit).toBe(true);
		const library = command(start, 'back');
		expect(library.screen).toBe('library');
		expect(library.quit).toBe(false);
		// The article just read is the one selected there.
		expect(currentArticles(library)[library.articleIndex]?.slug).toBe('sql-basics');
	});

	it('goes back to the library once the library has been seen, or in another article', () => {
		const library = command(initialState(sampleGroups(), {open: 'sql-basics'}), 'back');
		const again = reduce(library, {type: 'open', slug: 'sql-basics'});
		expect(command(again, 'close')).toMatchObject({screen: 'library', quit: false});
		const other = reduce(initialState(sampleGroups(), {open: 'sql-basics'}), {type: 'open', slug: 'python-tips', fromLink: true});
		expect(command(other, 'close')).toMatchObject({screen: 'library', quit: false});
	});

	it('goes back to the library when the app started on the library', () => {
		const opened = reduce(initialState(sampleGroups()), {type: 'open', slug: 'sql-basics'});
		expect(command(opened, 'close')).toMatchObject({screen: 'library', quit: false});
	});
});

describe('new groups (the folder behind a file arrives)', () => {
	it('keep the selected article selected', () => {
		const groups = sampleGroups();
		const all = groups[0]?.articles ?? [];
		const one = all.filter(a => a.slug === 'sql-basics');
		let state = initialState([{kind: 'all', name: 'All', articles: one}], {open: 'sql-basics'});
		state = command(state, 'back');
		expect(selectedArticle(state)?.slug).toBe('sql-basics');
		state = reduce(state, {type: 'groups', groups});
		expect(state.articleIndex).toBe(all.findIndex(a => a.slug === 'sql-basics'));
		expect(selectedArticle(state)?.slug).toBe('sql-basics');
	});
});
