/**
 * The CPU work of importing a results file, off the trainer's page: reading the file, parsing and
 * checking it, and verifying every attempt by replaying it (`prepareBundle`). The page stays
 * responsive and shows how many attempts are checked; it then stores what this worker prepared
 * (`storePrepared`), in one transaction.
 */
import { both, type Words } from './words';
import { parseBundle, prepareBundle, scenarioResolver, type PreparedImport, type ResolvedScenario } from './import';

export interface ImportRequest {
	file: File;
	maxBytes: number;
	/** The scenarios the page knows (built in, imported on this PC), with their content hashes. */
	known: { scenario: ResolvedScenario['scenario']; hash: string; scoring: ResolvedScenario['scoring'] }[];
}

export type ImportMessage =
	| { type: 'progress'; checked: number; total: number }
	/** The file itself refused: nothing to store. */
	| { type: 'refused'; problems: Words[] }
	| { type: 'prepared'; prepared: PreparedImport }
	| { type: 'failed'; message: string };

const post = (m: ImportMessage) => postMessage(m);

onmessage = async (e: MessageEvent<ImportRequest>) => {
	const { file, maxBytes, known } = e.data;
	try {
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
		const parsed = parseBundle(text, { maxBytes });
		if (!parsed.ok) return post({ type: 'refused', problems: parsed.problems });
		post({ type: 'progress', checked: 0, total: parsed.bundle.attempts.length });
		const prepared = await prepareBundle(parsed.bundle, scenarioResolver(known), file.name, (checked, total) =>
			post({ type: 'progress', checked, total })
		);
		post({ type: 'prepared', prepared });
	} catch (err) {
		post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
	}
};
