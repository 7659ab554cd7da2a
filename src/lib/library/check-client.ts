/**
 * Runs the scenario check of one document in a Web Worker (`check.worker.ts`): the page never
 * waits on the graph exploration, gets progress, and can cancel at any moment.
 */
import type { CheckReport } from './check';
import type { CheckMessage, CheckRequest } from './check.worker';

/** The check's report; with the document as written and its content hash when it passed. */
export interface CheckResult {
	report: CheckReport;
	doc?: unknown;
	hash?: string;
}

export interface RunningCheck {
	result: Promise<CheckResult | 'cancelled'>;
	cancel(): void;
}

export function checkInWorker(
	file: string,
	bytes: ArrayBuffer,
	onProgress: (states: number, phase: 'graph' | 'strategies') => void
): RunningCheck {
	const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
	let settle: (r: CheckResult | 'cancelled') => void = () => {};
	let fail: (e: Error) => void = () => {};
	const result = new Promise<CheckResult | 'cancelled'>((resolve, reject) => {
		settle = resolve;
		fail = reject;
	});
	const end = () => worker.terminate();
	worker.onmessage = (e: MessageEvent<CheckMessage>) => {
		const m = e.data;
		if (m.type === 'progress') onProgress(m.states, m.phase);
		else if (m.type === 'done') {
			end();
			settle({ report: m.report, doc: m.doc, hash: m.hash });
		} else {
			end();
			fail(new Error(m.message));
		}
	};
	worker.onerror = (e) => {
		end();
		fail(new Error(e.message || 'the check stopped unexpectedly'));
	};
	worker.postMessage({ file, bytes } satisfies CheckRequest, [bytes]);
	return {
		result,
		cancel() {
			end();
			settle('cancelled');
		}
	};
}
