/**
 * The scenario check off the main thread: the trainer's page stays responsive while a document's
 * graph is explored, shows how far the check has got, and can stop it (by ending this worker).
 */
import { CHECK_BUDGET } from '../scenario/analyse';
import { contentHash } from '../scenario/hash';
import { readScenarioDocument } from '../scenario/reader';
import { checkScenario, type CheckReport } from './check';

export interface CheckRequest {
	file: string;
	bytes: ArrayBuffer;
}

export type CheckMessage =
	| { type: 'progress'; states: number; phase: 'graph' | 'strategies' }
	/** `doc` and `hash`: the document as written, for storing, when it passed. */
	| { type: 'done'; report: CheckReport; doc?: unknown; hash?: string }
	| { type: 'failed'; message: string };

const post = (m: CheckMessage) => postMessage(m);

onmessage = async (e: MessageEvent<CheckRequest>) => {
	const { file, bytes } = e.data;
	try {
		const read = readScenarioDocument(new Uint8Array(bytes));
		if (!read.ok) return post({ type: 'done', report: { file, problems: [`${file}: ${read.message}`], warnings: [] } });
		const report = checkScenario(file, read.value, false, {
			...CHECK_BUDGET,
			onProgress: (states, phase = 'graph') => post({ type: 'progress', states, phase })
		});
		if (report.problems.length || !report.scenario) return post({ type: 'done', report });
		post({ type: 'done', report, doc: read.value, hash: await contentHash(read.value) });
	} catch (err) {
		post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
	}
};
