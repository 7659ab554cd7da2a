import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { FraudDrillDB, SCHEMA_VERSION, restoreAttempt, restoreProfile, type StoredAttemptRow } from './db';
import { Store } from './store';

/** A database as each released version left it: its schema and its rows. */
interface DbFixture {
	version: number;
	schema: Record<string, string>;
	tables: Record<'profiles' | 'attempts' | 'events' | 'scenarios', Record<string, unknown>[]> & {
		cohorts?: Record<string, unknown>[];
		records?: Record<string, unknown>[];
		logs?: Record<string, unknown>[];
	};
}

const fixtures = Object.entries(
	import.meta.glob<DbFixture>('/tests/fixtures/db/v*.json', { eager: true, import: 'default' })
).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));

let n = 0;
const freshName = () => `migration-${++n}-${Date.now()}`;

/** Creates the database exactly as the released version did: only its own schema declared. */
async function createReleased(name: string, fixture: DbFixture) {
	const old = new Dexie(name);
	old.version(fixture.version).stores(fixture.schema);
	await old.open();
	await old.transaction('rw', old.tables, async () => {
		for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
	});
	old.close();
}

describe('schema upgrades', () => {
	it('has a fixture for every released schema version before the current one', () => {
		const versions = fixtures.map(([, f]) => f.version);
		expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
	});

	describe.each(fixtures)('from %s', (_file, fixture) => {
		it('keeps every row and brings it to the current shape', async () => {
			const name = freshName();
			await createReleased(name, fixture);
			const db = new FraudDrillDB(name);
			await db.open();
			expect(db.verno).toBe(SCHEMA_VERSION);

			const profiles = await db.profiles.toArray();
			expect(profiles).toHaveLength(fixture.tables.profiles.length);
			for (const row of fixture.tables.profiles) expect(await db.profiles.get(row.id as string)).toEqual(row);

			const attempts = await db.attempts.toArray();
			expect(attempts).toHaveLength(fixture.tables.attempts.length);
			for (const row of fixture.tables.attempts) {
				const upgraded = await db.attempts.get(row.id as string);
				// Every field it had is kept; what v2 added is filled in for rows played here.
				expect(upgraded).toMatchObject(row);
				expect(upgraded).toMatchObject({ origin: row.origin ?? 'local', verification: row.verification ?? null });
			}
			expect(await db.attempts.where('origin').equals('local').count()).toBe(
				fixture.tables.attempts.filter((a) => (a.origin ?? 'local') === 'local').length
			);

			const events = await db.events.toArray();
			expect(events).toHaveLength(fixture.tables.events.length);
			for (const row of fixture.tables.events)
				expect(await db.events.get([row.attemptId as string, row.seq as number])).toEqual(row);
			expect(await db.scenarios.toArray()).toEqual(fixture.tables.scenarios);
			// v4: cohorts defined before have no due date; everything else they had is kept.
			expect(await db.cohorts.toArray()).toEqual((fixture.tables.cohorts ?? []).map((row) => ({ ...row, dueDate: row.dueDate ?? null })));
			// v5: attempts played here are found by when they last changed; no dashboard view is kept yet.
			expect(await db.attempts.where('[origin+updatedAt]').between(['local', Dexie.minKey], ['local', Dexie.maxKey]).count()).toBe(
				fixture.tables.attempts.filter((a) => (a.origin ?? 'local') === 'local').length
			);
			expect(await db.views.count()).toBe(0);
			// v3's tables start empty from older versions (logs already stored stay one row per step,
			// and the dashboard derives its records when it opens); from v3 on, their rows are kept.
			expect(await db.records.toArray()).toEqual(fixture.tables.records ?? []);
			expect(await db.logs.toArray()).toEqual(fixture.tables.logs ?? []);
			db.close();
		});

		it('serves the upgraded rows through the store, and takes new ones', async () => {
			const name = freshName();
			await createReleased(name, fixture);
			const store = new Store(new FraudDrillDB(name));
			const [first] = fixture.tables.attempts;
			const loaded = await store.loadAttempt(first!.id as string);
			const expected = fixture.tables.events
				.filter((e) => e.attemptId === first!.id)
				.sort((a, b) => (a.seq as number) - (b.seq as number))
				.map((e) => e.event);
			expect(loaded?.events).toEqual(expected);
			expect(loaded?.attempt.origin).toBe('local');
			const profile = await store.createProfile({ name: 'New after upgrade' });
			expect(await store.listProfiles()).toHaveLength(fixture.tables.profiles.length + 1);
			expect((await store.attemptsOf(profile.id)).length).toBe(0);
			// Cohorts read back with their due date (none before v4), and take one.
			const cohorts = await store.cohortDefinitions();
			expect(cohorts.map((c) => c.dueDate)).toEqual((fixture.tables.cohorts ?? []).map((c) => c.dueDate ?? null));
			const saved = await store.saveCohort({ code: 'DUE', name: '', scenarioIds: ['mini'], dueDate: '2026-12-31' });
			expect(saved.dueDate).toBe('2026-12-31');
			// Saved again without a due date given, it keeps it.
			await store.saveCohort({ code: 'DUE', name: 'renamed', scenarioIds: ['mini'] });
			expect((await store.cohortDefinitions()).find((c) => c.code === 'DUE')).toMatchObject({ name: 'renamed', dueDate: '2026-12-31' });
			await expect(store.saveCohort({ code: 'BAD', name: '', scenarioIds: [], dueDate: '2026-02-30' })).rejects.toThrow(/not a calendar day/);
			store.db.close();
		});
	});
});

describe('restoreAttempt', () => {
	const v1 = {
		id: 'a1',
		profileId: 'p1',
		scenarioId: 'mini',
		scenarioVersion: 1,
		scenarioHash: 'ab',
		seed: 5,
		mode: 'assessment',
		status: 'finished',
		startedAt: 10,
		updatedAt: 20,
		summary: { overall: 80, passed: true, outcome: 'fraud-stopped', ending: 'stopped' }
	};
	it.each<[string, Record<string, unknown>, Partial<StoredAttemptRow>]>([
		['a v1 row', v1, { origin: 'local', verification: null, summary: v1.summary as StoredAttemptRow['summary'] }],
		[
			'an imported v2 row',
			{ ...v1, origin: 'imported', verification: 'mismatch' },
			{ origin: 'imported', verification: 'mismatch' }
		],
		[
			'unknown origin and verification',
			{ ...v1, origin: 'cloud', verification: 'maybe' },
			{ origin: 'local', verification: null }
		],
		['no updatedAt', { ...v1, updatedAt: undefined }, { updatedAt: 10 }],
		['a broken summary', { ...v1, summary: { overall: 'x' } }, { summary: null }],
		['an odd mode and status', { ...v1, mode: 'exam', status: 'paused' }, { mode: 'practice', status: 'active' }],
		[
			'a claimed summary',
			{ ...v1, claimedSummary: { overall: 99, passed: true } },
			{ claimedSummary: { overall: 99, passed: true, outcome: null, ending: null } }
		]
	])('fills in %s', (_name, row, expected) => {
		const restored = restoreAttempt(row as never);
		expect(restored).toMatchObject(expected);
		expect(Object.keys(restored)).toEqual(expect.arrayContaining(['origin', 'verification', 'summary', 'status']));
	});

	it('restores a profile with missing text fields', () => {
		expect(restoreProfile({ id: 'p', name: 'A' })).toEqual({
			id: 'p',
			name: 'A',
			employeeNo: '',
			branch: '',
			cohort: '',
			createdAt: 0
		});
	});
});
