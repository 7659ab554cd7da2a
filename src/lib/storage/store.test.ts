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

	it('saves a decision and the seconds before it in one write: both or neither', async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: 'A' });
		const a = await store.startAttempt(newAttempt(p.id));
		const tick = { type: 'clock.tick' as const, seconds: 7 };
		const choose = { type: 'trainee.choose' as const, action: 'ask-purpose' };
		await store.appendEvents(a.id, 0, [tick, choose]);
		expect((await store.loadAttempt(a.id))?.events).toEqual([tick, choose]);
		// Another tab wrote step 3 meanwhile: the pair 2–3 is refused whole, step 2 is not kept alone.
		await store.appendEvent(a.id, 3, { type: 'trainee.flag', item: 'on-phone' });
		const error = await store.appendEvents(a.id, 2, [tick, choose]).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.problem).toBe('conflict');
		const events = (await store.readLogs([a.id])).get(a.id)!;
		expect(events.map((e) => [e.seq, e.event.type])).toEqual([[0, 'clock.tick'], [1, 'trainee.choose'], [3, 'trainee.flag']]);
	});

	it("moves an attempt's updatedAt strictly forward on every write, so a kept record is never taken for current", async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: 'A' });
		const a = await store.startAttempt(newAttempt(p.id));
		const seen = [(await store.loadAttempt(a.id))!.attempt.updatedAt];
		for (let seq = 0; seq < 5; seq++) {
			await store.appendEvent(a.id, seq, { type: 'clock.tick', seconds: 1 });
			seen.push((await store.loadAttempt(a.id))!.attempt.updatedAt);
		}
		for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
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

describe('reading rows for a results file', () => {
	it('reads one trainee, one cohort or everything, with whole logs in order', async () => {
		const store = freshStore();
		const a = await store.createProfile({ name: 'A', cohort: 'K1' });
		const b = await store.createProfile({ name: 'B', cohort: 'K1' });
		const c = await store.createProfile({ name: 'C', cohort: 'K2' });
		await store.createProfile({ name: 'D' });
		const attempts = [];
		for (const p of [a, b, c]) {
			const row = await store.startAttempt(newAttempt(p.id));
			for (let seq = 0; seq < 3; seq++) await store.appendEvent(row.id, seq, { type: 'clock.tick', seconds: seq + 1 });
			attempts.push(row);
		}
		expect(await store.listCohorts()).toEqual(['K1', 'K2']);

		const one = await store.readRows({ kind: 'trainee', profileId: a.id });
		expect(one.profiles.map((p) => p.name)).toEqual(['A']);
		expect(one.attempts.map((x) => x.id)).toEqual([attempts[0]!.id]);
		expect(one.events.map((e) => e.seq)).toEqual([0, 1, 2]);
		expect(one.scenarios).toEqual([]);

		const cohort = await store.readRows({ kind: 'cohort', cohort: 'K1' });
		expect(cohort.profiles.map((p) => p.name)).toEqual(['A', 'B']);
		expect(cohort.events).toHaveLength(6);

		const all = await store.readRows({ kind: 'all' }, true);
		expect(all.profiles).toHaveLength(4);
		expect(all.attempts.every((x) => x.origin === 'local' && x.verification === null)).toBe(true);
		expect(await store.listAttempts()).toHaveLength(3);
	});
});

describe('logs that came from a file', () => {
	const tick = (seconds: number) => ({ type: 'clock.tick' as const, seconds });
	const rows = (attemptId: string, from: number, to: number) =>
		Array.from({ length: to - from }, (_, i) => ({ attemptId, seq: from + i, event: tick(from + i + 1), at: 1000 + from + i }));

	it('are kept as one row; steps taken here after them join them in order', async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: 'Moved PC' });
		const row = { ...(await store.startAttempt(newAttempt(p.id))), origin: 'imported' as const };
		await store.db.attempts.delete(row.id);
		const outcome = await store.importRows({ profiles: [], attempts: [{ row, events: rows(row.id, 0, 3) }], scenarios: [] });
		expect(outcome.attempts).toEqual([{ id: row.id, decision: 'added' }]);
		expect(await store.db.logs.count()).toBe(1);
		expect(await store.db.events.count()).toBe(0);

		// Resumed on this PC (a backup restored on a new one): steps 3 and 4 are written as they happen.
		await store.appendEvent(row.id, 3, tick(4));
		await store.appendEvent(row.id, 4, tick(5));
		await expect(store.appendEvent(row.id, 4, tick(9))).rejects.toMatchObject({ problem: 'conflict' });
		const expected = [1, 2, 3, 4, 5].map(tick);
		expect((await store.loadAttempt(row.id))?.events).toEqual(expected);
		expect((await store.readRows({ kind: 'all' })).events.map((e) => e.event)).toEqual(expected);
		expect((await store.readLogs([row.id])).get(row.id)!.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
	});

	it('replace the steps that were here when a file brings more of the same attempt', async () => {
		const store = freshStore();
		const p = await store.createProfile({ name: 'Played here' });
		const row = await store.startAttempt(newAttempt(p.id));
		for (const e of rows(row.id, 0, 2)) await store.appendEvent(row.id, e.seq, e.event);
		const outcome = await store.importRows({
			profiles: [],
			attempts: [{ row: { ...row, origin: 'imported' }, events: rows(row.id, 0, 4) }],
			scenarios: []
		});
		expect(outcome.attempts).toEqual([{ id: row.id, decision: 'extended', stepsBefore: 2 }]);
		expect(await store.db.events.count()).toBe(0);
		expect((await store.loadAttempt(row.id))?.events).toEqual([1, 2, 3, 4].map(tick));

		// The same file again changes nothing.
		const again = await store.importRows({
			profiles: [],
			attempts: [{ row: { ...row, origin: 'imported' }, events: rows(row.id, 0, 4) }],
			scenarios: []
		});
		expect(again.attempts).toEqual([{ id: row.id, decision: 'duplicate', stepsBefore: 4 }]);
	});
});

describe('cohorts', () => {
	it('are saved by code, keep their creation time and assigned scenarios once each', async () => {
		const store = new Store(new FraudDrillDB(`cohort-${Date.now()}`));
		const first = await store.saveCohort({ code: ' 2026-HZ-01 ', name: '杭州分行柜员班', scenarioIds: ['a', 'b', 'a'] });
		expect(first).toMatchObject({ code: '2026-HZ-01', scenarioIds: ['a', 'b'] });
		const again = await store.saveCohort({ code: '2026-HZ-01', name: '', scenarioIds: ['c'] });
		expect(again).toMatchObject({ name: '2026-HZ-01', scenarioIds: ['c'], createdAt: first.createdAt });
		expect(await store.cohortDefinitions()).toHaveLength(1);
		await expect(store.saveCohort({ code: '  ', name: 'x', scenarioIds: [] })).rejects.toThrow(/code/);
	});
});

describe('imported scenarios', () => {
	it('are kept by id and version; other content under the same version is refused', async () => {
		const store = new Store(new FraudDrillDB(`scenarios-${Date.now()}`));
		const row = { id: 'mini', version: 1, hash: 'aa', doc: { id: 'mini' }, importedAt: 1 };
		expect(await store.saveScenario(row)).toBe('added');
		expect(await store.saveScenario({ ...row, importedAt: 2 })).toBe('unchanged');
		const error = await store.saveScenario({ ...row, hash: 'bb' }).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.message).toMatch(/higher version/);
		expect(await store.saveScenario({ ...row, version: 2, hash: 'bb' })).toBe('added');
		expect((await store.listScenarios()).map((s) => [s.version, s.hash])).toEqual([
			[1, 'aa'],
			[2, 'bb']
		]);
	});
});
