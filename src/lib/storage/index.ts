import { Store } from './store';

export { Store, StorageError, type StorageProblem } from './store';
export type { AttemptRow, ProfileRow, AttemptMode, AttemptSummary } from './db';

let store: Store | null = null;

/** The app's store (browser only; opened on first use). */
export function getStore(): Store {
	store ??= new Store();
	return store;
}
