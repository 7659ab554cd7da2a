import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { FraudDrillDB } from './db';
import { Store, StorageError, classifyError } from './store';

let n = 0;
const freshStore = () => new Store(new FraudDrillDB(`test-${++n}-${Date.now()}`));

const newAttempt = (profileId: string) => ({
	profileId,
	scenarioId: 'mini',
	scenarioVersion: 1,
	scenarioHash: 'abc',
	seed: 42,
	mode: 'practice' as const
});

describe('Store', () => {
	it('keeps profiles, and refuses one without a name', async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: '  李静 ', employeeNo: 'E1024', branch: '西湖支行' });
		expect(p.name).toBe('李静');
		expect(await store.listProfiles()).toEqual([p]);
		await expect(store.createProfile({ name: '   ' })).rejects.toThrow(/name/);
		expect(await store.listProfiles()).toHaveLength(1);
	});

	it('stores every event in order and gives the log back', async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: 'A' });
		const a = await store.startAttempt(newAttempt(p.id));
		await store.appendEvent(a.id, 0, { type: 'clock.tick', seconds: 5 });
		await store.appendEvent(a.id, 1, { type: 'trainee.choose', action: 'ask-purpose' });
		await store.appendEvent(a.id, 2, { type: 'trainee.flag', item: 'on-phone' });
		const loaded = await store.loadAttempt(a.id);
		expect(loaded?.events).toEqual([
			{ type: 'clock.tick', seconds: 5 },
			{ type: 'trainee.choose', action: 'ask-purpose' },
			{ type: 'trainee.flag', item: 'on-phone' }
		]);
		expect(loaded?.attempt.status).toBe('active');
		expect(await store.loadAttempt('nope')).toBeUndefined();
	});

	it('refuses a second write of the same step (another tab) without changing the log', async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: 'A' });
		const a = await store.startAttempt(newAttempt(p.id));
		await store.appendEvent(a.id, 0, { type: 'clock.tick', seconds: 5 });
		const error = await store.appendEvent(a.id, 0, { type: 'clock.tick', seconds: 9 }).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.problem).toBe('conflict');
		expect((await store.loadAttempt(a.id))?.events).toEqual([{ type: 'clock.tick', seconds: 5 }]);
	});

	it("keeps each trainee's attempts apart", async () => {
		const store = freshStore();
		const a = await store.createProfile({ name: 'A' });
		const b = await store.createProfile({ name: 'B' });
		await store.startAttempt(newAttempt(a.id));
		await store.startAttempt(newAttempt(a.id));
		await store.startAttempt(newAttempt(b.id));
		expect(await store.attemptsOf(a.id)).toHaveLength(2);
		expect((await store.attemptsOf(b.id)).every((x) => x.profileId === b.id)).toBe(true);
	});

	it('records the result when an attempt ends', async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: 'A' });
		const a = await store.startAttempt(newAttempt(p.id));
		await store.finishAttempt(a.id, { overall: 88, passed: true, outcome: 'fraud-stopped', ending: 'stopped' });
		const loaded = await store.loadAttempt(a.id);
		expect(loaded?.attempt).toMatchObject({ status: 'finished', summary: { overall: 88, passed: true } });
	});
});

describe('classifyError', () => {
	const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name }, extra);
	it.each([
		[named('QuotaExceededError'), 'quota'],
		[named('AbortError', { inner: named('QuotaExceededError') }), 'quota'],
		[new Dexie.AbortError('Transaction aborted', named('QuotaExceededError')), 'quota'],
		[named('ConstraintError'), 'conflict'],
		[new Dexie.DatabaseClosedError(), 'closed'],
		[named('InvalidStateError'), 'closed'],
		[named('VersionChangeError'), 'blocked'],
		[new Dexie.MissingAPIError(), 'unavailable'],
		[new Error('something else'), 'unknown']
	])('classifies %s', (error, problem) => {
		expect(classifyError(error)).toBe(problem);
	});
});
