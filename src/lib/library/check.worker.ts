/**
 * The scenario check off the main thread: the trainer's page stays responsive while a document's
 * graph is explored, shows how far the check has got, and can stop it (by ending this worker).
 *
 * In two steps, so that what is cheap to decide is shown at once: `read` parses and validates every
 * file of a batch (and hashes the valid ones), and reports each; the page then refuses at once what
 * it can (a built-in id, a version already stored) and asks for the expensive graph `check` only of
 * the documents that are left, one at a time.
 */
import { CHECK_BUDGET, factsOf, type ScoringFacts } from '../scenario/analyse';
import { contentHash } from '../scenario/hash';
import { readScenarioDocument } from '../scenario/reader';
import { validateScenario, formatProblem } from '../scenario/validate';
import { checkScenario, type CheckReport } from './check';

export type CheckRequest =
	| { type: 'read'; files: { file: string; bytes: ArrayBuffer }[] }
	| { type: 'check'; index: number };

export type CheckMessage =
	/** A file read and validated: its problems, or the id, version and hash of a valid document. */
	| { type: 'read'; index: number; report: CheckReport; id?: string; version?: number; hash?: string }
	| { type: 'progress'; index: number; states: number; phase: 'graph' | 'strategies' }
	/**
	 * `doc`, `hash` and `facts`: the document as written and what scoring needs of its analysis, for
	 * storing, when it passed. The report comes without the analysis itself: copying that graph
	 * summary to the page blocked its main thread for a quarter of a second on a large document.
	 */
	| { type: 'done'; index: number; report: CheckReport; doc?: unknown; hash?: string; facts?: ScoringFacts }
	| { type: 'failed'; index: number; message: string };

const post = (m: CheckMessage) => postMessage(m);
/** The valid documents of the batch, by index, until they are checked. */
const valid = new Map<number, { file: string; doc: unknown; hash: string }>();

onmessage = async (e: MessageEvent<CheckRequest>) => {
	const req = e.data;
	if (req.type === 'read') {
		for (const [index, { file, bytes }] of req.files.entries()) {
			try {
				const read = readScenarioDocument(new Uint8Array(bytes));
				if (!read.ok) {
					post({ type: 'read', index, report: { file, problems: [`${file}: ${read.message}`], warnings: [] } });
					continue;
				}
				const validation = validateScenario(read.value);
				if (!validation.ok) {
					const problems = validation.problems.map((p) => `${file}: ${formatProblem(p)}`);
					post({ type: 'read', index, report: { file, problems, warnings: [] } });
					continue;
				}
				const hash = await contentHash(read.value);
				valid.set(index, { file, doc: read.value, hash });
				const { id, version } = validation.scenario;
				post({ type: 'read', index, report: { file, problems: [], warnings: [], scenario: validation.scenario }, id, version, hash });
			} catch (err) {
				post({ type: 'failed', index, message: err instanceof Error ? err.message : String(err) });
			}
		}
		return;
	}
	const { index } = req;
	const entry = valid.get(index);
	valid.delete(index);
	if (!entry) return post({ type: 'failed', index, message: 'the document was not read first' });
	try {
		const report = checkScenario(entry.file, entry.doc, false, {
			...CHECK_BUDGET,
			onProgress: (states, phase = 'graph') => post({ type: 'progress', index, states, phase })
		});
		const { analysis, ...slim } = report;
		if (report.problems.length || !report.scenario || !analysis) return post({ type: 'done', index, report: slim });
		post({ type: 'done', index, report: slim, doc: entry.doc, hash: entry.hash, facts: factsOf(analysis) });
	} catch (err) {
		post({ type: 'failed', index, message: err instanceof Error ? err.message : String(err) });
	}
};
