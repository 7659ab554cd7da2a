/**
 * The assessment check on small crafted documents: it fails what it must. (That every shipped
 * scenario passes it, and ranks its endings by outcome, is in `scenario-suite.ts`.)
 */
import { describe, expect, it } from 'vitest';
import { analyseScenario } from '$lib/scenario/analyse';
import { assessScenario, playStrategy } from '$lib/library/assessment';
import { replay } from '$lib/attempt/replay';
import { miniScenario } from './fixtures';
import { indexScenario, storyWaits } from '$lib/scenario/compile';

describe('the assessment check', () => {
	// Mini: "ask the purpose" unlocks "call 110"; "process" loses the money.
	it('fails a decision with fewer than three options, and a length cue', () => {
		const s = miniScenario();
		const report = assessScenario(s, analyseScenario(s));
		expect(report.minOptions).toBe(2);
		expect(report.problems.map((p) => p.message).join('\n')).toMatch(/only 2 options/);
		expect(report.problems.map((p) => p.message).join('\n')).toMatch(/longest option \(zh\) is a good one/);
		expect(report.problems.map((p) => p.message).join('\n')).toMatch(/no "situation"/);
	});

	it('fails a strategy that passes where it is the wrong policy', () => {
		// The options a trainee who never intervenes would pick lead to the good ending here.
		const s = miniScenario((d) => {
			const [ask, call, process] = d.beats[0].actions;
			ask.naive = true;
			call.naive = true;
			process.naive = false;
		});
		const report = assessScenario(s, analyseScenario(s));
		const never = report.strategies.find((r) => r.strategy === 'never-intervene')!;
		expect(never).toMatchObject({ mustFail: true, passes: true, passRate: 1 });
		expect(report.problems.some((p) => p.where === 'strategy "never intervene"')).toBe(true);
	});

	it('fails a beat where, while the story waits on time, every option is poor or harmful', () => {
		const s = miniScenario((d) => {
			d.beats[0].actions[0].verdict = 'poor';
			d.beats[0].actions[1].verdict = 'poor';
		});
		const report = assessScenario(s, analyseScenario(s));
		expect(report.problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(
			/beat "counter": while the story waits on time here, every option offered is poor or harmful/
		);
	});

	it('plays a strategy through the engine exactly as a replay of its choices does', () => {
		const s = miniScenario();
		const played = playStrategy(s, 'never-intervene', 5);
		expect(played.ending).toBe('lost');
		const events = played.log
			.filter((e) => e.kind === 'choice')
			.map((e) => ({ type: 'trainee.choose' as const, action: e.action }));
		expect(replay(s, 5, events).snapshot.context.ending).toBe('lost');
	});

	it('knows when the story waits on time: a timer that moves it on is pending', () => {
		const s = miniScenario();
		const ix = indexScenario(s);
		const start = replay(s, 5, []).snapshot.context;
		expect(storyWaits(ix, start)).toBe(true);
		const ended = replay(s, 5, [{ type: 'trainee.choose', action: 'process' }]).snapshot.context;
		expect(storyWaits(ix, ended)).toBe(false);
		const noTimer = miniScenario((d) => (d.timers = []));
		expect(storyWaits(indexScenario(noTimer), replay(noTimer, 5, []).snapshot.context)).toBe(false);
	});
});
