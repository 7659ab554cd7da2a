import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveRecord } from '$lib/analytics/records';
import { exportBundle } from '$lib/results/export';
import { importBundle } from '$lib/results/import';
import { LOGS, choose, freshStore, mini, play, resolverFor, tick } from '$lib/results/test-support';
import { loadRecords } from './records';

async function pcWithThreeAttempts() {
	const store = freshStore('records');
	const m = await mini();
	const wang = await store.createProfile({ name: '王芳', employeeNo: 'E1', cohort: 'K1' });
	const li = await store.createProfile({ name: 'Li Lei', employeeNo: 'E2', cohort: 'K1' });
	const ids = {
		stopped: await play(store, m, wang.id, LOGS.stopped, { seed: 3 }),
		lost: await play(store, m, li.id, LOGS.lost, { seed: 4, mode: 'assessment' }),
		unfinished: await play(store, m, li.id, LOGS.unfinished, { seed: 5 })
	};
	return { store, m, ids, known: [{ scenario: m.scenario, hash: m.hash, scoring: m.scoring }] };
}

/** The truth: every attempt replayed from its stored log. */
async function replayedFromLogs(store: Awaited<ReturnType<typeof pcWithThreeAttempts>>['store'], m: Awaited<ReturnType<typeof mini>>) {
	const rows = await store.readRows({ kind: 'all' });
	return rows.attempts.map((a) =>
		deriveRecord(
			m.scenario,
			m.scoring,
			rows.profiles.find((p) => p.id === a.profileId)!,
			a,
			rows.events.filter((e) => e.attemptId === a.id)
		)
	);
}

describe('loadRecords', () => {
	it('replays every attempt once, then reads the kept records, which equal a fresh replay', async () => {
		const { store, m, known } = await pcWithThreeAttempts();
		const first = await loadRecords(store, known);
		expect(first.replayed).toBe(3);
		expect(first.records).toEqual(await replayedFromLogs(store, m));
		await first.saved;
		expect(await store.db.records.count()).toBe(3);

		const second = await loadRecords(store, known);
		expect(second.replayed).toBe(0);
		expect(second.records).toEqual(first.records);
	});

	it('replays again an attempt that took a step or finished since, and only that one', async () => {
		const { store, m, ids, known } = await pcWithThreeAttempts();
		await (await loadRecords(store, known)).saved;
		await play(store, m, '', [...LOGS.unfinished, tick(4), choose('call-110')], { attemptId: ids.unfinished });
		expect(await store.db.records.get(ids.unfinished)).toBeUndefined();

		const after = await loadRecords(store, known);
		expect(after.replayed).toBe(1);
		expect(after.records).toEqual(await replayedFromLogs(store, m));
		expect(after.records.find((r) => r.attemptId === ids.unfinished)!.finished).toBe(true);
	});

	it('replays everything when the scenario document differs from the one the records came from', async () => {
		const { store, known } = await pcWithThreeAttempts();
		await (await loadRecords(store, known)).saved;
		const other = await loadRecords(store, [{ ...known[0]!, hash: 'f'.repeat(64) }]);
		expect(other.replayed).toBe(3);
	});

	it('does not trust a kept record that belongs to another attempt', async () => {
		const { store, ids, known } = await pcWithThreeAttempts();
		await (await loadRecords(store, known)).saved;
		const kept = (await store.db.records.get(ids.lost))!;
		await store.db.records.put({ ...kept, attemptId: ids.stopped });
		const again = await loadRecords(store, known);
		expect(again.replayed).toBe(1);
		expect(again.records.find((r) => r.attemptId === ids.stopped)!.outcome).toBe('fraud-stopped');
	});

	it('takes trainee details from the profile, not from the kept record', async () => {
		const { store, ids, known } = await pcWithThreeAttempts();
		await (await loadRecords(store, known)).saved;
		const stopped = (await store.db.attempts.get(ids.stopped))!;
		await store.db.profiles.update(stopped.profileId, { cohort: 'K2' });
		const again = await loadRecords(store, known);
		expect(again.replayed).toBe(0);
		expect(again.records.find((r) => r.attemptId === ids.stopped)!.cohort).toBe('K2');
	});

	it('counts attempts on scenarios this PC does not know, and keeps nothing for them', async () => {
		const { store } = await pcWithThreeAttempts();
		const none = await loadRecords(store, []);
		expect(none).toMatchObject({ records: [], unknownScenario: 3, replayed: 0 });
		await none.saved;
		expect(await store.db.records.count()).toBe(0);
	});

	it('an import keeps the records of the attempts it adds, and replaces them when it extends one', async () => {
		const { store: trainee, m, ids, known } = await pcWithThreeAttempts();
		const trainer = freshStore('trainer');
		await importBundle(trainer, await exportBundle(trainee, { kind: 'all' }), resolverFor(m), 'k1.json');
		const loaded = await loadRecords(trainer, known);
		expect(loaded.replayed).toBe(0);
		expect(loaded.records).toEqual(await replayedFromLogs(trainer, m));

		// The trainee finishes the unfinished attempt and sends the file again.
		await play(trainee, m, '', [...LOGS.unfinished, tick(4), choose('call-110')], { attemptId: ids.unfinished });
		await importBundle(trainer, await exportBundle(trainee, { kind: 'all' }), resolverFor(m), 'k1-again.json');
		const again = await loadRecords(trainer, known);
		expect(again.replayed).toBe(0);
		expect(again.records).toEqual(await replayedFromLogs(trainer, m));
		expect(again.records.find((r) => r.attemptId === ids.unfinished)!.finished).toBe(true);
	});
});
