import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { analyseCohort } from '$lib/analytics/cohort';
import { chartLabels } from '$lib/analytics/labels';
import { moneyAndOutcomes } from '$lib/analytics/money';
import { exportBundle } from '$lib/results/export';
import { importBundle } from '$lib/results/import';
import { LOGS, choose, freshStore, mini, play, resolverFor, tick } from '$lib/results/test-support';
import type { Store } from '$lib/storage';
import { dashboardView, keepDashboard, keptDashboard } from './dashboard-view';
import { loadRecords } from './records';

async function pcWithAttempts() {
	const store = freshStore('view');
	const m = await mini();
	const wang = await store.createProfile({ name: '王芳', employeeNo: 'E1', cohort: 'K1' });
	const li = await store.createProfile({ name: 'Li Lei', employeeNo: 'E2', cohort: 'K2' });
	const ids = {
		stopped: await play(store, m, wang.id, LOGS.stopped, { seed: 3 }),
		unfinished: await play(store, m, li.id, LOGS.unfinished, { seed: 5 })
	};
	const known = [{ scenario: m.scenario, hash: m.hash, scoring: m.scoring }];
	return { store, m, ids, known, wang };
}

/** Reads the records as the dashboard does, and keeps the view of them. */
async function keep(store: Store, known: Awaited<ReturnType<typeof pcWithAttempts>>['known']) {
	const loaded = await loadRecords(store, known);
	const view = dashboardView(loaded.records, chartLabels([known[0]!.scenario]), loaded.unknownScenario);
	await keepDashboard(store, loaded.basis, view);
	return { loaded, view };
}

describe('the dashboard view kept for the next visit', () => {
	it('holds the whole cohort’s charts and money, as worked out from the records, and is found again while nothing changes', async () => {
		const { store, known } = await pcWithAttempts();
		expect(await keptDashboard(store)).toBeNull();
		const { loaded, view } = await keep(store, known);
		const { roster: _roster, ...charts } = analyseCohort(loaded.records);
		expect(view).toMatchObject({ total: 2, unknownScenario: 0, cohorts: ['K1', 'K2'], analytics: charts });
		expect(view.money).toEqual(moneyAndOutcomes(loaded.records));
		expect((await keptDashboard(store))?.view).toEqual(view);
		// Reading the records again changes nothing it depends on.
		await (await loadRecords(store, known)).saved;
		expect((await keptDashboard(store))?.view).toEqual(view);
	});

	it.each<[string, (pc: Awaited<ReturnType<typeof pcWithAttempts>>) => Promise<unknown>]>([
		['a step taken on this PC', ({ store, m, ids }) => play(store, m, '', [...LOGS.unfinished, tick(4)], { attemptId: ids.unfinished })],
		[
			'an attempt finished',
			({ store, m, ids }) => play(store, m, '', [...LOGS.unfinished, tick(4), choose('call-110')], { attemptId: ids.unfinished })
		],
		['an attempt started', ({ store, m, wang }) => play(store, m, wang.id, [], { seed: 9 })],
		['a trainee added', ({ store }) => store.createProfile({ name: '新学员' })],
		[
			'a scenario imported',
			({ store, m }) => store.saveScenario({ id: 'other', version: 1, hash: m.hash, doc: {}, importedAt: Date.now() })
		]
	])('is not used once something changed: %s', async (_what, change) => {
		const pc = await pcWithAttempts();
		await keep(pc.store, pc.known);
		expect(await keptDashboard(pc.store)).not.toBeNull();
		await change(pc);
		expect(await keptDashboard(pc.store)).toBeNull();
	});

	it('is not used after an import extends an attempt, even one whose time is older than every other', async () => {
		const trainee = await pcWithAttempts();
		const trainer = freshStore('trainer-view');
		await importBundle(trainer, await exportBundle(trainee.store, { kind: 'all' }), resolverFor(trainee.m), 'k1.json');
		// The trainee finishes the unfinished attempt; then the trainer plays one, newer than it.
		await play(trainee.store, trainee.m, '', [...LOGS.unfinished, tick(4), choose('call-110')], { attemptId: trainee.ids.unfinished });
		const file = await exportBundle(trainee.store, { kind: 'all' });
		const own = await trainer.createProfile({ name: '培训师' });
		await new Promise((r) => setTimeout(r, 2));
		await play(trainer, trainee.m, own.id, LOGS.stopped, { seed: 11 });
		await keep(trainer, trainee.known);
		expect(await keptDashboard(trainer)).not.toBeNull();

		const newest = Math.max(...(await trainer.db.attempts.toArray()).map((a) => a.updatedAt));
		expect(file.attempts.find((a) => a.id === trainee.ids.unfinished)!.updatedAt).toBeLessThan(newest);
		const result = await importBundle(trainer, file, resolverFor(trainee.m), 'k1-again.json');
		expect(result.counts.imported).toBe(1);
		expect(await keptDashboard(trainer)).toBeNull();
	});

	it('is not used when another build or time zone worked it out', async () => {
		const { store, known } = await pcWithAttempts();
		const { loaded, view } = await keep(store, known);
		await keepDashboard(store, loaded.basis, { ...view, madeBy: 'an older build|-480' });
		expect(await keptDashboard(store)).toBeNull();
	});
});
