/**
 * Runs the scenario check of a batch of documents in one Web Worker (`check.worker.ts`): the page
 * never waits on parsing or on the graph exploration, gets each file's cheap verdict (parse and
 * schema problems, id, version and hash) first, then asks for the graph check of the documents it
 * still wants, with progress, and can cancel at any moment (which ends the worker).
 */
import type { CheckReport } from './check';
import type { ScoringFacts } from '../scenario/analyse';
import type { CheckMessage, CheckRequest } from './check.worker';

/** The check's report; with the document as written and its content hash when it passed. */
export interface CheckResult {
	report: CheckReport;
	doc?: unknown;
	hash?: string;
	/** What scoring needs of the analysis (the report itself comes without it). */
	facts?: ScoringFacts;
}

/** A file read and validated: problems in `report`, or the identity of a valid document. */
export interface ReadResult {
	report: CheckReport;
	id?: string;
	version?: number;
	hash?: string;
}

export interface BatchCheck {
	/** Each file's read result, in the batch's order, as soon as the worker has it. */
	read(index: number): Promise<ReadResult | { failed: string } | 'cancelled'>;
	/** The graph check of one file that was read as valid. */
	check(
		index: number,
		onProgress: (states: number, phase: 'graph' | 'strategies') => void
	): Promise<CheckResult | { failed: string } | 'cancelled'>;
	cancel(): void;
	end(): void;
}

type Waiter<T> = { promise: Promise<T>; resolve: (v: T) => void };
function waiter<T>(): Waiter<T> {
	let resolve: (v: T) => void = () => {};
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

export function checkBatchInWorker(files: { file: string; bytes: ArrayBuffer }[]): BatchCheck {
	const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
	const reads = files.map(() => waiter<ReadResult | { failed: string } | 'cancelled'>());
	const checks = new Map<number, Waiter<CheckResult | { failed: string } | 'cancelled'>>();
	const progress = new Map<number, (states: number, phase: 'graph' | 'strategies') => void>();
	let ended = false;
	const end = () => {
		ended = true;
		worker.terminate();
	};
	/** Everything still open gets `outcome`: the batch is over. */
	const settleAll = (outcome: { failed: string } | 'cancelled') => {
		end();
		for (const r of reads) r.resolve(outcome);
		for (const c of checks.values()) c.resolve(outcome);
	};
	worker.onmessage = (e: MessageEvent<CheckMessage>) => {
		const m = e.data;
		if (m.type === 'read') reads[m.index]?.resolve({ report: m.report, id: m.id, version: m.version, hash: m.hash });
		else if (m.type === 'progress') progress.get(m.index)?.(m.states, m.phase);
		else if (m.type === 'done') checks.get(m.index)?.resolve({ report: m.report, doc: m.doc, hash: m.hash, facts: m.facts });
		else {
			reads[m.index]?.resolve({ failed: m.message });
			checks.get(m.index)?.resolve({ failed: m.message });
		}
	};
	worker.onerror = (e) => settleAll({ failed: e.message || 'the check stopped unexpectedly' });
	worker.postMessage(
		{ type: 'read', files } satisfies CheckRequest,
		files.map((f) => f.bytes)
	);
	return {
		read: (index) => reads[index]!.promise,
		check(index, onProgress) {
			const w = waiter<CheckResult | { failed: string } | 'cancelled'>();
			if (ended) w.resolve('cancelled');
			else {
				checks.set(index, w);
				progress.set(index, onProgress);
				worker.postMessage({ type: 'check', index } satisfies CheckRequest);
			}
			return w.promise;
		},
		cancel: () => settleAll('cancelled'),
		end
	};
}
