/**
 * An attempt is its event log: `replay` derives beat, clock, score and outcome from the scenario,
 * the seed and the events, the same way every time (resume, trainer replay, import verification).
 */
import { initialTransition, transition } from 'xstate';
import {
	advance,
	indexScenario,
	machineFor,
	startContext,
	type AttemptContext,
	type AttemptEvent,
	type AttemptSnapshot
} from '../scenario/compile';
import type { Scenario } from '../scenario/schema';
import { resolveSetup, type AttemptSetup } from './setup';

export interface Replayed {
	setup: AttemptSetup;
	snapshot: AttemptSnapshot;
	/** How many events the machine accepted (an event it ignores changes nothing). */
	applied: number;
}

export function start(scenario: Scenario, seed: number): Replayed {
	return startWith(scenario, resolveSetup(scenario, seed));
}

/** Starts from a given setup (tests and the graph check fix the timing themselves). */
export function startWith(scenario: Scenario, setup: AttemptSetup): Replayed {
	const [snapshot] = initialTransition(machineFor(scenario), setup);
	return { setup, snapshot, applied: 0 };
}

export function step(scenario: Scenario, state: Replayed, event: AttemptEvent): Replayed {
	const [snapshot] = transition(machineFor(scenario), state.snapshot, event);
	return { ...state, snapshot, applied: state.applied + (snapshot === state.snapshot ? 0 : 1) };
}

export function replay(scenario: Scenario, seed: number, events: readonly AttemptEvent[]): Replayed {
	let state = start(scenario, seed);
	for (const e of events) state = step(scenario, state, e);
	return state;
}

/** Every `from` step of a log, for step-by-step replay (state after 0, 1, … n events). */
export function replaySteps(scenario: Scenario, seed: number, events: readonly AttemptEvent[]): Replayed[] {
	const states = [start(scenario, seed)];
	for (const e of events) states.push(step(scenario, states[states.length - 1]!, e));
	return states;
}

/**
 * The same replay with the pure stepper, for bulk work (verifying an imported cohort, the trainer's
 * records): ~50× faster than machine transitions, and held equal to them by `compile.test.ts`.
 */
export function replayContext(
	scenario: Scenario,
	seed: number,
	events: readonly AttemptEvent[]
): { context: AttemptContext; applied: number; firstIgnored?: number } {
	const ix = indexScenario(scenario);
	let context = startContext(scenario, resolveSetup(scenario, seed));
	let applied = 0;
	let firstIgnored: number | undefined;
	for (let i = 0; i < events.length; i++) {
		const next = advance(ix, context, events[i]!);
		if (next !== context) applied++;
		else firstIgnored ??= i;
		context = next;
	}
	return firstIgnored === undefined ? { context, applied } : { context, applied, firstIgnored };
}
