import {useEffect, useEffectEvent, useRef, useState} from 'react';
import {useApp} from 'ink';
import {watchShelf, type Watcher} from '../../core/index/index.js';
import {editorInvocation, runEditor, type EditorResult} from '../../core/system/index.js';
import {fileLineAt} from '../../core/render/index.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {formatCount} from '../../core/plural.js';
import type {ShelfSource} from '../../core/index/index.js';
import type {Action, AppState, Group} from '../../core/state/index.js';
import type {Article} from '../../core/shelf/index.js';

/**
 * The shelf as it is on disk now. The folder is watched; whenever it changes
 * (or `r` asks), the index walks it again and, if articles were added,
 * changed, renamed or deleted, new groups come out. `version` goes up on
 * every reload, so the open article is read again even when its file looks
 * the same. `e` runs the editor here: Ink hands the terminal over and takes
 * it back, then the shelf is reloaded.
 */
export function useLiveShelf(source: ShelfSource | undefined, initial: Group[], regroup: (() => Group[]) | undefined, state: AppState, dispatch: (a: Action) => void, opened: {readonly current: Article | null}): {groups: Group[]; version: number} {
	const [groups, setGroups] = useState(initial);
	const [given, setGiven] = useState(initial);
	// New groups given from outside (a test re-rendering the app) replace the live ones.
	if (given !== initial) {
		setGiven(initial);
		setGroups(initial);
	}
	const [version, setVersion] = useState(0);
	const {suspendTerminal} = useApp();
	const busy = useRef<Promise<void> | null>(null);
	const watcher = useRef<Watcher | null>(null);
	const refresh = useEffectEvent(async () => {
		if (!source || !regroup) return;
		// One walk at a time; a change during a walk is caught by the walk after it.
		while (busy.current) await busy.current;
		busy.current = source.sync().then(changed => {
			watcher.current?.update(source.folders);
			if (changed) setGroups(regroup());
		}, () => {}).finally(() => {
			busy.current = null;
		});
		await busy.current;
	});

	useEffect(() => {
		if (!source || !regroup) return;
		const w = watchShelf(source.shelf.root, source.folders, () => void refresh(), {current: () => opened.current?.path ?? null});
		watcher.current = w;
		// The index's last shelf is on screen: the walk that confirms or corrects it runs now.
		if (source.unwalked) void refresh();
		return () => w.close();
	}, [source, regroup, opened]);

	// Reads the state when the request comes (the editor's line), not on every frame.
	const carryOut = useEffectEvent(async (request: NonNullable<AppState['fileRequest']>, isLive: () => boolean) => {
		const live = isLive;
		{
			if (request.kind === 'edit') {
				const now = state;
				const open = opened.current;
				const entry = (now.groups[0]?.articles ?? []).find(a => a.slug === request.slug);
				if (!entry) return;
				const r = now.reader;
				const line = r && open && open.slug === entry.slug ? fileLineAt(open.body, open.bodyLine, r.layout.headings, r.top, r.layout.lineCount) : 1;
				const invocation = editorInvocation(entry.path, line);
				const outcome: {result: EditorResult} = {result: {ok: true}};
				await suspendTerminal(async () => {
					outcome.result = await runEditor(invocation);
				});
				const result = outcome.result;
				if (!result.ok && live()) dispatch({type: 'status', status: {text: sanitizeLine(result.message), kind: 'error'}});
			}
			await refresh();
			if (!live()) return;
			setVersion(v => v + 1);
			if (request.kind === 'reload' && state.screen === 'library') {
				dispatch({type: 'status', status: {text: `Reloaded: ${formatCount(source?.shelf.articles.length ?? 0)} articles`, kind: 'success'}});
			}
		}
	});
	const request = state.fileRequest;
	useEffect(() => {
		if (!request) return;
		let live = true;
		// After this render: the editor takes the terminal only once the frame that asked for it is drawn.
		const timer = setTimeout(() => void carryOut(request, () => live), 0);
		return () => {
			clearTimeout(timer);
			live = false;
		};
	}, [request?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps -- one run per request
	return {groups, version};
}
