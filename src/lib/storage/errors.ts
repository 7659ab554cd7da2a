/**
 * What can go wrong with browser storage, as one error type the pages can show and act on. Free
 * of Dexie, so a page can recognise a storage error without loading the database code.
 */

export type StorageProblem = 'quota' | 'closed' | 'conflict' | 'blocked' | 'unavailable' | 'unknown';

export class StorageError extends Error {
	constructor(
		readonly problem: StorageProblem,
		message: string,
		readonly cause?: unknown
	) {
		super(message);
		this.name = 'StorageError';
	}
}

function errorName(e: unknown): string {
	return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

/** The names of an error and of every error it wraps (Dexie's inner, cause, bulk failures). */
function errorNames(e: unknown): string[] {
	const names: string[] = [];
	let level: unknown[] = [e];
	for (let depth = 0; depth < 5 && level.length; depth++) {
		const next: unknown[] = [];
		for (const err of level) {
			if (!err || typeof err !== 'object') continue;
			names.push(errorName(err));
			const { inner, cause, failures, failuresByPos } = err as {
				inner?: unknown;
				cause?: unknown;
				failures?: unknown;
				failuresByPos?: unknown;
			};
			next.push(inner, cause);
			if (Array.isArray(failures)) next.push(...failures.slice(0, 10));
			if (failuresByPos && typeof failuresByPos === 'object') next.push(...Object.values(failuresByPos).slice(0, 10));
		}
		level = next;
	}
	return names;
}

/**
 * Dexie and browsers report a full disk in several ways: a QuotaExceededError, one wrapped in an
 * AbortError, or (when the browser aborts the transaction at commit) AbortErrors on the requests
 * and the QuotaExceededError only on the transaction, which is why that can be passed too.
 */
export function classifyError(e: unknown, transactionError?: unknown): StorageProblem {
	const names = [...errorNames(e), ...errorNames(transactionError)];
	const message = e instanceof Error ? e.message : String(e);
	if (names.some((n) => n === 'QuotaExceededError') || /quota/i.test(message)) return 'quota';
	if (names.some((n) => n === 'ConstraintError')) return 'conflict';
	if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError')) return 'closed';
	if (names.some((n) => n === 'BlockedError' || n === 'VersionChangeError')) return 'blocked';
	if (names.some((n) => n === 'MissingAPIError' || n === 'OpenFailedError')) return 'unavailable';
	return 'unknown';
}
