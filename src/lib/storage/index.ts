/**
 * The app's storage, for pages and components. The database code (Dexie and the store) loads on
 * first use rather than with the page, so a page paints before it is parsed; types and the error
 * type are here without it.
 */
import type { Store } from './store';

export type {
	Store,
	StorageProblem,
	RowScope,
	Rows,
	ImportPlan,
	ImportOutcome,
	ImportDecision
} from './store';
export type {
	AttemptRow,
	StoredAttemptRow,
	ProfileRow,
	EventRow,
	ScenarioRow,
	AttemptMode,
	AttemptSummary,
	AttemptOrigin,
	Verification
} from './db';
export { StorageError } from './errors';
export { storageStatus, requestPersistentStorage, type StorageStatus } from './persistence';

let store: Promise<Store> | null = null;

/** The app's store (browser only; the database opens on first use). */
export function getStore(): Promise<Store> {
	store ??= openStore().catch((e: unknown) => {
		store = null; // a failed load (say, a chunk missing after an update) is tried again next time
		throw e;
	});
	return store;
}

/** A connection of its own: for reading when the app's connection was closed under it. */
export async function openStore(): Promise<Store> {
	const { Store } = await import('./store');
	return new Store();
}
