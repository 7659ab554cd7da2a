/**
 * Every shipped scenario passes the whole check, and a model-based walk reaches every beat and
 * every ending: XState's graph utilities find the shortest path to each, and the path is replayed
 * as a stored log through the compiled machine, exactly as the app replays attempts.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { getShortestPaths } from '@xstate/graph';
import { checkScenarioFile } from '$lib/library/check';
import { attemptLogic, controlKey, eventsAt, inputFor } from '$lib/scenario/analyse';
import type { AttemptContext, AttemptEvent } from '$lib/scenario/compile';
import { startWith, step } from '$lib/attempt/replay';
import { resolveSetup } from '$lib/attempt/setup';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));

describe.each(files)('%s', (file) => {
	const report = checkScenarioFile(file, readFileSync(`scenarios/${file}`, 'utf8'));

	it('passes the scenario check', () => {
		expect(report.problems).toEqual([]);
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
});
