import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FraudDrillDB } from './db';
import { injectFaults, type Fault } from './faults';
import { Store, StorageError } from './store';

let n = 0;

async function setup() {
	const db = new FraudDrillDB(`faults-${++n}-${Date.now()}`);
	const faults = injectFaults(db);
	const store = new Store(db);
	const profile = await store.createProfile({ name: 'A' });
	const attempt = await store.startAttempt({
		profileId: profile.id,
		scenarioId: 'mini',
		scenarioVersion: 1,
		scenarioHash: 'ab',
		seed: 42,
		mode: 'practice'
	});
	await store.appendEvent(attempt.id, 0, { type: 'clock.tick', seconds: 5 });
	return { db, faults, store, profile, attempt };
}

/** Every row of every table, to compare before and after a failure. */
async function snapshot(db: FraudDrillDB) {
	return {
		profiles: await db.profiles.toArray(),
		attempts: await db.attempts.toArray(),
		events: await db.events.toArray(),
		logs: await db.logs.toArray(),
		records: await db.records.toArray(),
		scenarios: await db.scenarios.toArray()
	};
}

const expectStorageError = async (promise: Promise<unknown>) => {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(StorageError);
	return error as StorageError;
};

describe('a full disk', () => {
	it.each<[string, Fault]>([
		['the write itself fails with QuotaExceededError', 'quota'],
		[
			'the browser aborts the transaction (AbortError on the request, QuotaExceededError on the transaction)',
			'quota-abort'
		]
	])('is reported as "quota" when %s, and leaves nothing half-written', async (_name, fault) => {
		const { db, faults, store, attempt } = await setup();
		const before = await snapshot(db);
		// The event is written first, then the attempt's time: fail the second write.
		faults.fail(fault, 1);
		const error = await expectStorageError(
			store.appendEvent(attempt.id, 1, { type: 'trainee.flag', item: 'on-phone' })
		);
		expect(error.problem).toBe('quota');
		expect(error.message).toMatch(/out of storage space/);
		faults.heal();
		expect(await snapshot(db)).toEqual(before);
		// Once there is space again, the same step saves normally.
		await store.appendEvent(attempt.id, 1, { type: 'trainee.flag', item: 'on-phone' });
		expect((await store.loadAttempt(attempt.id))?.events).toHaveLength(2);
	});

	it('fails profile and result writes cleanly too', async () => {
		const { db, faults, store, attempt } = await setup();
		const before = await snapshot(db);
		faults.fail('quota');
		expect((await expectStorageError(store.createProfile({ name: 'B' }))).problem).toBe('quota');
		expect(
			(
				await expectStorageError(
					store.finishAttempt(attempt.id, { overall: 1, passed: false, outcome: null, ending: null })
				)
			).problem
		).toBe('quota');
		faults.heal();
		expect(await snapshot(db)).toEqual(before);
	});

	it('aborts a whole import when its last write fails', async () => {
		const { db, faults, store, profile } = await setup();
		const before = await snapshot(db);
		const row = {
			id: 'imported-1',
			profileId: profile.id,
			scenarioId: 'mini',
			scenarioVersion: 1,
			scenarioHash: 'ab',
			seed: 1,
			mode: 'practice' as const,
			status: 'active' as const,
			startedAt: 1,
			updatedAt: 1,
			summary: null,
			origin: 'imported' as const,
			verification: 'unverifiable' as const
		};
		const plan = {
			profiles: [{ id: 'p-new', name: 'New', employeeNo: '', branch: '', cohort: '', createdAt: 1 }],
			attempts: [
				{ row, events: [{ attemptId: row.id, seq: 0, event: { type: 'clock.tick' as const, seconds: 1 }, at: 1 }] }
			],
			scenarios: []
		};
		// Writes: profiles, scenarios (none), attempts, events: fail the events.
		faults.fail('quota-abort', 2);
		expect((await expectStorageError(store.importRows(plan))).problem).toBe('quota');
		// The profile and the attempt had been written inside the transaction before it failed.
		expect(faults.writes).toBeGreaterThanOrEqual(3);
		faults.heal();
		expect(await snapshot(db)).toEqual(before);
		await store.importRows(plan);
		expect(await db.attempts.get('imported-1')).toMatchObject({ origin: 'imported' });
	});
});

describe('a closed connection', () => {
	it('refuses writes with a "closed" error that says to reload', async () => {
		const { db, store, attempt } = await setup();
		db.close();
		const error = await expectStorageError(store.appendEvent(attempt.id, 1, { type: 'clock.tick', seconds: 1 }));
		expect(error.problem).toBe('closed');
		expect(error.message).toMatch(/^Saving your last step failed: .*closed.*Reload this page/);
		expect((await expectStorageError(store.listProfiles())).problem).toBe('closed');
	});

	it('leaves nothing half-written when the connection closes during a write', async () => {
		const { db, faults, store, attempt } = await setup();
		const before = await snapshot(db);
		faults.fail('closed', 1);
		expect(
			(await expectStorageError(store.appendEvent(attempt.id, 1, { type: 'clock.tick', seconds: 1 }))).problem
		).toBe('closed');
		faults.heal();
		const reopened = new FraudDrillDB(db.name);
		expect(await snapshot(reopened)).toEqual(before);
		reopened.close();
	});
});
