/**
 * Runs a results import in a Web Worker (`import.worker.ts`), one worker per file: the page only
 * paints the number of attempts checked meanwhile, and receives the report.
 */
import type { ImportMessage, ImportRequest } from './import.worker';

export type ImportOutcome = Exclude<ImportMessage, { type: 'progress' }>;

export function importInWorker(request: ImportRequest, onProgress: (checked: number, total: number) => void): Promise<ImportOutcome> {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<ImportOutcome>((resolve) => {
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
