import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage, storageStatus, type StorageManagerLike } from './persistence';

const manager = (persisted: boolean, grant: boolean, estimate: StorageEstimate = { usage: 1200, quota: 5000 }) => {
	let state = persisted;
	return {
		persisted: vi.fn(async () => state),
		persist: vi.fn(async () => (state = grant)),
		estimate: vi.fn(async () => estimate)
	} satisfies StorageManagerLike;
};

describe('storageStatus', () => {
	it('reports persistence, usage and quota', async () => {
		expect(await storageStatus(manager(true, true))).toEqual({
			supported: true,
			persisted: true,
			usage: 1200,
			quota: 5000
		});
		expect(await storageStatus(manager(false, false, {}))).toEqual({
			supported: true,
			persisted: false,
			usage: null,
			quota: null
		});
	});

	it('is safe where the Storage API is missing or fails', async () => {
		expect(await storageStatus(undefined)).toEqual({ supported: false, persisted: false, usage: null, quota: null });
		expect(await storageStatus({})).toEqual({ supported: false, persisted: false, usage: null, quota: null });
		const failing = {
			persisted: () => Promise.reject(new Error('denied')),
			persist: () => Promise.reject(new Error('denied')),
			estimate: () => Promise.reject(new Error('denied'))
		};
		expect(await storageStatus(failing)).toEqual({ supported: true, persisted: false, usage: null, quota: null });
		expect(await requestPersistentStorage(failing)).toBe(false);
	});
});

describe('requestPersistentStorage', () => {
	it('asks once, and not again once granted', async () => {
		const m = manager(false, true);
		expect(await requestPersistentStorage(m)).toBe(true);
		expect(await requestPersistentStorage(m)).toBe(true);
		expect(m.persist).toHaveBeenCalledTimes(1);
	});

	it('reports a refusal, and returns false without the API', async () => {
		expect(await requestPersistentStorage(manager(false, false))).toBe(false);
		expect(await requestPersistentStorage(undefined)).toBe(false);
		expect(await requestPersistentStorage({ estimate: async () => ({}) })).toBe(false);
	});
});
