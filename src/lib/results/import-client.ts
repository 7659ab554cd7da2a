/**
 * Runs the CPU work of a results import in a Web Worker (`import.worker.ts`), one worker per file:
 * the page only stores what comes back, and paints the number of attempts checked meanwhile.
 */
import type { ImportMessage, ImportRequest } from './import.worker';

export type PrepareOutcome = Exclude<ImportMessage, { type: 'progress' }>;

export function prepareInWorker(
	request: ImportRequest,
	onProgress: (checked: number, total: number) => void
): Promise<PrepareOutcome> {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<PrepareOutcome>((resolve) => {
		worker.onmessage = (e: MessageEvent<ImportMessage>) => {
			const m = e.data;
			if (m.type === 'progress') return onProgress(m.checked, m.total);
			worker.terminate();
			resolve(m);
		};
		worker.onerror = (e) => {
			worker.terminate();
			resolve({ type: 'failed', message: e.message || 'the import stopped unexpectedly' });
		};
		worker.postMessage(request);
	}).finally(() => worker.terminate());
}
