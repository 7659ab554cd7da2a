/**
 * Persistent storage: without it a browser may clear the database when the disk runs low.
 * Every function is safe where the Storage API is missing (old browsers, some intranet setups):
 * it then reports `supported: false` instead of throwing.
 */

/** The part of `navigator.storage` used here (tests pass their own). */
export type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

export interface StorageStatus {
	/** Whether the browser can be asked to keep the data (persist/persisted exist). */
	supported: boolean;
	/** True once the browser has agreed not to clear this site's data on its own. */
	persisted: boolean;
	/** Bytes used and available to this site, when the browser says. */
	usage: number | null;
	quota: number | null;
}

function defaultManager(): StorageManagerLike | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

async function quietly<T>(run: (() => Promise<T>) | undefined, fallback: T): Promise<T> {
	if (!run) return fallback;
	try {
		return await run();
	} catch {
		return fallback;
	}
}

export async function storageStatus(
	manager: StorageManagerLike | undefined = defaultManager()
): Promise<StorageStatus> {
	const supported = typeof manager?.persisted === 'function' && typeof manager.persist === 'function';
	const persisted = await quietly(supported ? () => manager!.persisted!() : undefined, false);
	const estimate = await quietly(
		typeof manager?.estimate === 'function' ? () => manager.estimate!() : undefined,
		{} as StorageEstimate
	);
	const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : null);
	return {
		supported,
		persisted: persisted === true,
		usage: finite(estimate.usage),
		quota: finite(estimate.quota)
	};
}

/**
 * Asks the browser to keep this site's data (call after the first completed attempt; asking
 * again once granted does nothing). Returns whether storage is persistent now.
 */
export async function requestPersistentStorage(
	manager: StorageManagerLike | undefined = defaultManager()
): Promise<boolean> {
	if (typeof manager?.persist !== 'function') return false;
	if (typeof manager.persisted === 'function' && (await quietly(() => manager.persisted!(), false))) return true;
	return (await quietly(() => manager.persist!(), false)) === true;
}
