/**
 * A whole results import, off the trainer's page: reading the file, parsing and checking it,
 * verifying every attempt by replaying it (`prepareBundle`), and storing it in one transaction
 * (`storePrepared`) through a database connection of the worker's own. The page stays responsive,
 * shows how many attempts are checked, and receives only the report: the attempts never cross to
 * the page (copying 25 MiB of them there, and from there into the database, took seconds of the
 * page's main thread).
 */
import { both, type Words } from './words';
import { parseBundle, prepareBundle, scenarioResolver, storePrepared, type ImportReport, type ResolvedScenario } from './import';
import { Store, StorageError, type StorageProblem } from '$lib/storage/store';

export interface ImportRequest {
	file: File;
	maxBytes: number;
	/** The scenarios the page knows (built in, imported on this PC), with their content hashes. */
	known: { scenario: ResolvedScenario['scenario']; hash: string; scoring: ResolvedScenario['scoring'] }[];
}

/** Where an import's time went, in ms (for `npm run bench`). */
export interface ImportTimings {
	read: number;
	parse: number;
	verify: number;
	store: number;
}

export type ImportMessage =
	| { type: 'progress'; checked: number; total: number }
	/** The file itself refused: nothing stored. */
	| { type: 'refused'; problems: Words[] }
	| { type: 'stored'; report: Omit<ImportReport, 'storageError'>; timings: ImportTimings }
	/** Storing failed: nothing of the file was stored (the error crosses as its parts). */
	| { type: 'storage-failed'; problem: StorageProblem; message: string }
	| { type: 'failed'; message: string };

const post = (m: ImportMessage) => postMessage(m);

onmessage = async (e: MessageEvent<ImportRequest>) => {
	const { file, maxBytes, known } = e.data;
	let store: Store | null = null;
	try {
		let at = performance.now();
		const lap = () => {
			const now = performance.now();
			const ms = now - at;
			at = now;
			return Math.round(ms);
		};
		let text: string;
		try {
			text = await file.text();
		} catch (err) {
			const message = err instanceof Error ? err.message : String(err);
			return post({
				type: 'refused',
				problems: [both(`无法读取文件：${message}`, `The file could not be read: ${message}`)]
			});
		}
		const read = lap();
		const parsed = parseBundle(text, { maxBytes });
		if (!parsed.ok) return post({ type: 'refused', problems: parsed.problems });
		const parse = lap();
		post({ type: 'progress', checked: 0, total: parsed.bundle.attempts.length });
		const prepared = await prepareBundle(parsed.bundle, scenarioResolver(known), file.name, (checked, total) =>
			post({ type: 'progress', checked, total })
		);
		const verify = lap();
		store = new Store();
		try {
			const { storageError: _none, ...report } = await storePrepared(store, prepared);
			post({ type: 'stored', report, timings: { read, parse, verify, store: lap() } });
		} catch (err) {
			if (!(err instanceof StorageError)) throw err;
			post({ type: 'storage-failed', problem: err.problem, message: err.message });
		}
	} catch (err) {
		post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
	} finally {
		// The connection closes with the import: a newer version of the app opening the database
		// elsewhere is never held up by it.
		store?.db.close();
	}
};
