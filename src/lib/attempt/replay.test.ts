import { describe, expect, it } from 'vitest';
import { replay, replaySteps } from './replay';
import { resolveSetup } from './setup';
import type { AttemptEvent } from '../scenario/compile';
import { miniScenario } from '../../../tests/unit/fixtures';

const choose = (action: string): AttemptEvent => ({ type: 'trainee.choose', action });
const tick = (seconds: number): AttemptEvent => ({ type: 'clock.tick', seconds });
const flag = (item: string): AttemptEvent => ({ type: 'trainee.flag', item });

describe('replay', () => {
	const scenario = miniScenario();
	const log: AttemptEvent[] = [tick(12), flag('on-phone'), choose('ask-purpose'), tick(5), choose('call-110')];

	it('gives the same beat, clock, points and outcome every time', () => {
		const a = replay(scenario, 7, log);
		const b = replay(scenario, 7, log);
		expect(a.snapshot.context).toEqual(b.snapshot.context);
		expect(a.snapshot.status).toBe('done');
		expect(a.snapshot.context.ending).toBe('stopped');
		expect(a.snapshot.context.time).toBe(12 + 60 + 5 + 120);
	});

	it('draws the same surface details from the same seed, and others from another', () => {
		expect(resolveSetup(scenario, 7)).toEqual(resolveSetup(scenario, 7));
		const values = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(resolveSetup(scenario, seed).values)));
		expect(values.size).toBeGreaterThan(15);
		const amount = resolveSetup(scenario, 3).values.amount as number;
		expect(amount).toBeGreaterThanOrEqual(100000);
		expect(amount).toBeLessThanOrEqual(300000);
		expect(amount % 10000).toBe(0);
	});

	it('moves simulated time only through logged events', () => {
		const start = replay(scenario, 1, []);
		expect(start.snapshot.context.time).toBe(0);
		expect(replay(scenario, 1, [tick(30), tick(15)]).snapshot.context.time).toBe(45);
	});

	it('ignores an action that is not available yet, and offers each action once', () => {
		const early = replay(scenario, 1, [choose('call-110')]);
		expect(early.applied).toBe(0);
		expect(early.snapshot.context.beat).toBe('counter');
		const twice = replay(scenario, 1, [choose('ask-purpose'), choose('ask-purpose')]);
		expect(twice.applied).toBe(1); // the second choice of the same action is ignored
		expect(twice.snapshot.context.points.verify).toBe(2);
		expect(twice.snapshot.context.taken).toEqual(['counter/ask-purpose']);
	});

	it('fires a timer when simulated time reaches it, if its condition holds', () => {
		const at = resolveSetup(scenario, 5).timing['timer:leaves']!;
		const before = replay(scenario, 5, [tick(at - 1)]);
		expect(before.snapshot.context.ending).toBeNull();
		const after = replay(scenario, 5, [tick(at - 1), tick(1)]);
		expect(after.snapshot.context.ending).toBe('lost');
		expect(after.snapshot.context.shown.map((s) => s.item)).toContain('gone');
		expect(after.snapshot.context.money.lost).toBe(resolveSetup(scenario, 5).values.amount);
	});

	it('awards a milestone only within its time', () => {
		const fast = replay(scenario, 5, [choose('ask-purpose'), choose('call-110')]);
		expect(fast.snapshot.context.points.timeliness).toBe(2);
		const slow = miniScenario((d) => (d.milestones[0].within = 100));
		expect(replay(slow, 5, [choose('ask-purpose'), choose('call-110')]).snapshot.context.points.timeliness).toBe(0);
	});

	it('lets the trainee mark only what has been shown, and stops everything at the end', () => {
		expect(replay(scenario, 1, [flag('gone')]).applied).toBe(0);
		const marked = replay(scenario, 1, [tick(4), flag('on-phone')]);
		expect(marked.snapshot.context.flags).toEqual([{ item: 'on-phone', at: 4 }]);
		const ended = replay(scenario, 1, [choose('process'), flag('on-phone'), tick(30)]);
		expect(ended.snapshot.context.flags).toEqual([]);
		expect(ended.snapshot.context.time).toBe(30);
		expect(ended.applied).toBe(1);
	});

	it('gives every intermediate state for step-by-step replay', () => {
		const steps = replaySteps(scenario, 7, log);
		expect(steps).toHaveLength(log.length + 1);
		expect(steps[3]!.snapshot.context.taken).toEqual(['counter/ask-purpose']);
		expect(steps.at(-1)!.snapshot.context).toEqual(replay(scenario, 7, log).snapshot.context);
	});
});
