/**
 * Every shipped scenario passes the whole check (the assessment rules included), ranks its endings
 * by outcome first (table-driven over each ending, from the graph's best and worst path to it),
 * and a model-based walk reaches every beat and every ending: XState's graph utilities find the
 * shortest path to each, and the path is replayed as a stored log through the compiled machine,
 * exactly as the app replays attempts.
 *
 * The whole check of 25 scenarios takes minutes, and a test file runs on one core: the scenarios
 * are dealt into shards (`scenarios.N.test.ts`), one test file each, so the runner's workers share them.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { getShortestPaths } from '@xstate/graph';
import { checkScenarioFile } from '$lib/library/check';
import { attemptLogic, controlKey, eventsAt, inputFor } from '$lib/scenario/analyse';
import type { AttemptContext, AttemptEvent } from '$lib/scenario/compile';
import { startWith, step } from '$lib/attempt/replay';
import { resolveSetup } from '$lib/attempt/setup';
import { OUTCOME_BANDS, outcomeBand, rate } from '$lib/attempt/score';
import { HARMFUL_OUTCOMES } from '$lib/scenario/vocabulary';
import { speedDecidedPartial } from '$lib/library/coverage';

/** Shard `shard` (from 1) of `shards`: the files dealt largest first to the lightest shard so far. */
export function shardFiles(shard: number, shards: number): string[] {
	const files = readdirSync('scenarios')
		.filter((f) => f.endsWith('.json'))
		.map((file) => ({ file, size: statSync(`scenarios/${file}`).size }))
		.sort((a, b) => b.size - a.size || a.file.localeCompare(b.file));
	const dealt = Array.from({ length: shards }, () => ({ size: 0, files: [] as string[] }));
	for (const f of files) {
		const lightest = dealt.reduce((a, b) => (b.size < a.size ? b : a));
		lightest.size += f.size;
		lightest.files.push(f.file);
	}
	return dealt[shard - 1]!.files.sort();
}

export const SHARDS = 4;

export function scenarioSuite(shard: number) {
	describe.each(shardFiles(shard, SHARDS))('%s', (file) => suite(file));
}

function suite(file: string) {
	const report = checkScenarioFile(file, readFileSync(`scenarios/${file}`, 'utf8'));

	it('passes the scenario check', () => {
		expect(report.problems).toEqual([]);
	});

	it('a scam has money at risk and a partial loss whose size the trainee\'s speed decides', () => {
		const speed = speedDecidedPartial(report.scenario!);
		if (speed.applies) expect(speed, speed.reason).toMatchObject({ holds: true });
		else expect(report.scenario!.meta.scamType).toBe('legitimate');
	});

	it('reaches every beat and ending by its shortest path, replayed through the machine', () => {
		const scenario = report.scenario!;
		const input = inputFor(scenario, 'min');
		type State = { context: AttemptContext };
		const paths = getShortestPaths(attemptLogic(scenario, input), {
			events: (s: State) => eventsAt(scenario, s),
			serializeState: (s: State) => controlKey(scenario, s)
		} as never);
		const reached = new Set<string>();
		for (const path of paths) {
			const target = (path.state as State).context.beat;
			if (reached.has(target)) continue;
			reached.add(target);
			const events = path.steps.map((s) => s.event as AttemptEvent).filter((e) => e.type !== ('xstate.init' as string));
			let state = startWith(scenario, { ...resolveSetup(scenario, 1), ...input });
			for (const e of events) state = step(scenario, state, e);
			expect(state.snapshot.context.beat, `path to ${target}`).toBe(target);
			expect(state.applied, `every event on the path to ${target} is accepted`).toBe(events.length);
		}
		const all = [...scenario.beats.map((b) => b.id), ...scenario.endings.map((e) => e.id)];
		expect([...reached].sort()).toEqual(all.sort());
	});

	describe('endings ranked by outcome', () => {
		const scenario = report.scenario!;
		const analysis = report.analysis!;
		const flags = scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);
		// Each ending: the best score any path to it can reach (every red flag found) and the worst
		// (no flag found, and as many wrong marks as it takes to reach zero).
		const rows = analysis.endingRanges.map((r) => {
			const outcome = scenario.endings.find((e) => e.id === r.ending)!.outcome;
			const score = (points: typeof r.best.points, flagPoints: number, harmful: number) =>
				rate({ points, flagPoints, maxPoints: analysis.maxPoints, outcome, harmful }).overall;
			return {
				ending: r.ending,
				outcome,
				best: score(r.best.points, flags, r.best.harmful),
				worst: score(r.worst.points, -999, r.worst.harmful + 9)
			};
		});
		const harmed = rows.filter((r) => HARMFUL_OUTCOMES.includes(r.outcome));
		const partial = rows.filter((r) => r.outcome === 'partial-loss');
		const unharmed = rows.filter((r) => !HARMFUL_OUTCOMES.includes(r.outcome) && r.outcome !== 'partial-loss');

		it('reaches at least one ending that harms nobody and one that harms', () => {
			expect(unharmed.length).toBeGreaterThan(0);
			expect(harmed.length).toBeGreaterThan(0);
		});

		it.each(rows)('$ending ($outcome) scores within its band: $worst–$best', (row) => {
			const [lo, hi] = outcomeBand(row.outcome);
			expect(row.worst).toBeGreaterThanOrEqual(lo);
			expect(row.best).toBeLessThanOrEqual(hi);
		});

		it('scores every ending that harms below every ending that does not, a partial loss between', () => {
			const worstUnharmed = Math.min(...unharmed.map((r) => r.worst));
			for (const r of [...harmed, ...partial]) expect(r.best, r.ending).toBeLessThan(worstUnharmed);
			for (const p of partial)
				for (const h of harmed) expect(h.best, `${h.ending} < ${p.ending}`).toBeLessThan(p.worst);
		});

		it('gives the best path an ending that harms nobody, and a pass', () => {
			const outcome = scenario.endings.find((e) => e.id === analysis.best.ending)!.outcome;
			expect(HARMFUL_OUTCOMES).not.toContain(outcome);
			const { overall } = rate({
				points: analysis.best.points,
				flagPoints: flags,
				maxPoints: analysis.maxPoints,
				outcome,
				harmful: 0
			});
			expect(overall).toBeGreaterThanOrEqual(scenario.meta.passMark);
			expect(overall).toBeGreaterThanOrEqual(OUTCOME_BANDS.unharmed[0]);
		});
	});
}
