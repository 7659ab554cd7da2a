import { Store } from './store';

export {
	Store,
	StorageError,
	type StorageProblem,
	type RowScope,
	type Rows,
	type ImportPlan,
	type ImportOutcome,
	type ImportDecision
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
export { storageStatus, requestPersistentStorage, type StorageStatus } from './persistence';

let store: Store | null = null;

/** The app's store (browser only; opened on first use). */
export function getStore(): Store {
	store ??= new Store();
	return store;
}
