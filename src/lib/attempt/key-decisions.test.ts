import { describe, expect, it } from 'vitest';
import { heaviest, keyDecisions, weighAttempt, weighDecisions } from './key-decisions';
import { replay } from './replay';
import { HARMFUL_CHOICE_COST } from './score';
import { analyseScenario } from '../scenario/analyse';
import type { AttemptEvent } from '../scenario/compile';
import { miniScenario } from '../../../tests/unit/fixtures';
import { allScenarios } from '../../../tests/unit/scenario-files';

const choose = (action: string): AttemptEvent => ({
	type: 'trainee.choose',
	action
});
const tick = (seconds: number): AttemptEvent => ({
	type: 'clock.tick',
	seconds
});

describe('keyDecisions', () => {
	const scenario = miniScenario();
	const { maxPoints } = analyseScenario(scenario);
	// mini: 9 points in all (verify 2, intervene 3, comply 2, detect 2 for its red flag).

	it('weighs each decision by the money it moved and the process points it earned or cost', () => {
		const all = weighDecisions(scenario, 11, [tick(3), choose('ask-purpose'), choose('process')], maxPoints);
		expect(all.map((d) => d.action)).toEqual(['ask-purpose', 'process']);
		const [ask, pay] = all;
		expect(ask).toMatchObject({
			verdict: 'good',
			protected: 0,
			lost: 0,
			process: Math.round((100 * 2) / 9),
			at: 3
		});
		// The harmful choice led to the "lost" ending: all the money went with it.
		expect(pay!.verdict).toBe('harmful');
		expect(pay!.lost).toBeGreaterThan(0);
		expect(pay!.process).toBe(Math.round((100 * -2) / 9 - HARMFUL_CHOICE_COST));
		expect(pay!.weight).toBeCloseTo(100 + (200 / 9 + HARMFUL_CHOICE_COST), 5);
	});

	it('puts what decided the attempt first, and keeps at most n', () => {
		const lost = keyDecisions(scenario, 11, [choose('ask-purpose'), choose('process')], maxPoints);
		expect(lost.map((d) => d.action)).toEqual(['process', 'ask-purpose']);
		const stopped = keyDecisions(scenario, 11, [choose('ask-purpose'), choose('call-110')], maxPoints, 1);
		expect(stopped.map((d) => d.action)).toEqual(['call-110']);
		// The money the good ending keeps safe is the whole course's work, not credited to its last step.
		expect(stopped[0]!.protected).toBe(0);
	});

	it('ignores events the replay ignores (a choice not on offer is not a decision)', () => {
		const all = weighDecisions(scenario, 11, [choose('no-such-option'), choose('ask-purpose'), choose('ask-purpose')], maxPoints);
		expect(all.map((d) => d.action)).toEqual(['ask-purpose']);
	});

	it('on a real scenario, the naive path is summed up by its mistakes and the best path by its good decisions', () => {
		const real = allScenarios().find((x) => x.file === 'payroll-detail-change.json')!.scenario;
		const analysis = analyseScenario(real);
		const naive = keyDecisions(real, 1, analysis.naive.events, analysis.maxPoints);
		expect(naive.length).toBe(3);
		expect(naive[0]!.verdict === 'harmful' || naive[0]!.verdict === 'poor', JSON.stringify(naive)).toBe(true);
		expect(naive[0]!.lost).toBeGreaterThan(0);
		const best = keyDecisions(real, 1, analysis.best.events, analysis.maxPoints);
		expect(
			best.every((d) => d.verdict === 'good'),
			JSON.stringify(best)
		).toBe(true);
		expect(
			best.every((d) => d.lost === 0 && d.process > 0),
			JSON.stringify(best)
		).toBe(true);
	});
});

describe('weighAttempt: the debrief replays an attempt once', () => {
	it('gives the same final context as the machine replay and the same decisions as weighDecisions', () => {
		for (const { scenario } of allScenarios().filter((x) => ['payroll-detail-change.json'].includes(x.file))) {
			const analysis = analyseScenario(scenario);
			for (const path of [analysis.best, analysis.naive]) {
				const events = path.events as AttemptEvent[];
				const once = weighAttempt(scenario, 5, events, analysis.maxPoints);
				expect(once.context, scenario.id).toEqual(replay(scenario, 5, events).snapshot.context);
				expect(once.setup).toEqual(replay(scenario, 5, events).setup);
				expect(once.decisions).toEqual(weighDecisions(scenario, 5, events, analysis.maxPoints));
				expect(heaviest(once.decisions)).toEqual(keyDecisions(scenario, 5, events, analysis.maxPoints));
			}
		}
	});
});
