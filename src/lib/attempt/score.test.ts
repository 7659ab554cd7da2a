import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { FALSE_ALARM_COST, HARMFUL_CHOICE_COST, rate, scoreAttempt } from './score';
import type { Outcome } from '../scenario/vocabulary';
import type { AttemptEvent } from '../scenario/compile';
import { miniScenario } from '../../../tests/unit/fixtures';
import { analyseScenario } from '../scenario/analyse';

const choose = (action: string): AttemptEvent => ({ type: 'trainee.choose', action });
const flag = (item: string): AttemptEvent => ({ type: 'trainee.flag', item });
const tick = (seconds: number): AttemptEvent => ({ type: 'clock.tick', seconds });

describe('scoreAttempt', () => {
	const scenario = miniScenario();
	const score = (events: AttemptEvent[]) =>
		scoreAttempt(scenario, replay(scenario, 11, events).snapshot.context, analyseScenario(scenario).maxPoints);

	it('gives full marks for the best path with every red flag found', () => {
		const s = score([tick(3), flag('on-phone'), choose('ask-purpose'), choose('call-110')]);
		expect(s.overall).toBe(100);
		expect(s.passed).toBe(true);
		expect(s.outcome).toBe('fraud-stopped');
		expect(s.redFlags[0]).toMatchObject({ appearedAt: 0, markedAt: 3 });
		expect(s.money.protected).toBeGreaterThan(0);
		expect(s.money.lost).toBe(0);
	});

	it('fails a good ending below the pass mark, and a bad ending whatever the points', () => {
		const missedFlag = score([choose('ask-purpose'), choose('call-110')]);
		expect(missedFlag.process).toBe(78); // 7 of 9 points
		expect(missedFlag.overall).toBe(87); // 40 + 60 × 0.78: the band of an ending that harms nobody
		expect(missedFlag.passed).toBe(true);
		const strict = miniScenario((d) => (d.meta.passMark = 90));
		const strictContext = replay(strict, 11, [choose('ask-purpose'), choose('call-110')]).snapshot.context;
		expect(scoreAttempt(strict, strictContext, analyseScenario(strict).maxPoints).passed).toBe(false);
		const lost = score([flag('on-phone'), choose('ask-purpose'), choose('process')]);
		expect(lost.outcome).toBe('money-lost');
		expect(lost.passed).toBe(false);
		expect(lost.money.protected).toBe(0);
	});

	it('charges a point for each innocent detail marked', () => {
		const clean = score([flag('on-phone'), choose('ask-purpose')]);
		const noisy = score([flag('on-phone'), flag('ask-transfer'), choose('ask-purpose'), flag('purpose')]);
		expect(noisy.falseAlarms).toEqual(['ask-transfer', 'purpose']);
		expect(clean.competencies.detect.earned - noisy.competencies.detect.earned).toBe(2 * FALSE_ALARM_COST);
	});

	it('reports an unfinished attempt as such', () => {
		const s = score([choose('ask-purpose')]);
		expect(s.finished).toBe(false);
		expect(s.passed).toBe(false);
	});
});

describe('rate', () => {
	const max = { detect: 4, verify: 2, intervene: 0, communicate: 2, comply: 2, timeliness: 0 };
	const parts = (points: typeof max, flagPoints: number, outcome: Outcome | null, harmful = 0) => ({
		points,
		flagPoints,
		maxPoints: max,
		outcome,
		harmful
	});

	it.each([
		[{ detect: 0, verify: 2, intervene: 0, communicate: 2, comply: 2, timeliness: 0 }, 4, 100],
		[{ detect: 0, verify: 1, intervene: 0, communicate: 0, comply: 0, timeliness: 0 }, 0, 10],
		[{ detect: 0, verify: -5, intervene: 0, communicate: -3, comply: 0, timeliness: 0 }, -2, 0],
		[{ detect: 9, verify: 9, intervene: 9, communicate: 9, comply: 9, timeliness: 9 }, 0, 100]
	])('under rules 1 rates %j with %i flag points as %i%%, as results from before were scored', (points, flags, overall) => {
		const result = rate(parts(points, flags, 'money-lost', 2), 1);
		expect(result.overall).toBe(overall);
		expect(result.competencies.intervene.percent).toBeNull();
	});

	const some = { detect: 2, verify: 2, intervene: 0, communicate: 1, comply: 0, timeliness: 0 };
	it('places the process score in the band of the ending', () => {
		expect(rate(parts(some, 0, 'fraud-stopped')).process).toBe(50);
		expect(rate(parts(some, 0, 'fraud-stopped')).overall).toBe(70);
		expect(rate(parts(some, 0, 'partial-loss')).overall).toBe(30);
		expect(rate(parts(some, 0, 'money-lost')).overall).toBe(10);
		expect(rate(parts(some, 0, null)).overall).toBe(50);
	});

	it('lets a negative competency count against the others instead of stopping at zero', () => {
		const minus = { ...some, comply: -2 };
		expect(rate(parts(minus, 0, 'fraud-stopped')).competencies.comply.percent).toBe(0);
		expect(rate(parts(minus, 0, 'fraud-stopped')).process).toBe(30);
	});

	it('charges every harmful choice on the whole score', () => {
		const clean = rate(parts(some, 0, 'honest-served'));
		const once = rate(parts(some, 0, 'honest-served', 1));
		expect(clean.process - once.process).toBe(HARMFUL_CHOICE_COST);
		expect(rate(parts(some, 0, 'honest-served', 9)).process).toBe(0);
	});

	it('scores any ending that harms below any ending that does not', () => {
		const perfect = { detect: 0, verify: 2, intervene: 0, communicate: 2, comply: 2, timeliness: 0 };
		const nothing = { detect: 0, verify: 0, intervene: 0, communicate: 0, comply: 0, timeliness: 0 };
		const worstUnharmed = rate(parts(nothing, -9, 'honest-served', 5)).overall;
		for (const harmed of ['money-lost', 'honest-refused', 'complaint'] as const)
			expect(rate(parts(perfect, 4, harmed)).overall).toBeLessThan(worstUnharmed);
		expect(rate(parts(perfect, 4, 'partial-loss')).overall).toBeLessThan(worstUnharmed);
		expect(rate(parts(nothing, -9, 'partial-loss', 5)).overall).toBeGreaterThan(rate(parts(perfect, 4, 'money-lost')).overall);
	});
});
