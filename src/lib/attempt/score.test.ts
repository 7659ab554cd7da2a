import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { FALSE_ALARM_COST, rate, scoreAttempt } from './score';
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
		expect(missedFlag.overall).toBe(78); // 7 of 9 points
		expect(missedFlag.passed).toBe(true);
		const strict = miniScenario((d) => (d.meta.passMark = 80));
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
	it.each([
		[{ detect: 0, verify: 2, intervene: 0, communicate: 2, comply: 2, timeliness: 0 }, 4, 100],
		[{ detect: 0, verify: 1, intervene: 0, communicate: 0, comply: 0, timeliness: 0 }, 0, 10],
		[{ detect: 0, verify: -5, intervene: 0, communicate: -3, comply: 0, timeliness: 0 }, -2, 0],
		[{ detect: 9, verify: 9, intervene: 9, communicate: 9, comply: 9, timeliness: 9 }, 0, 100]
	])('rates %j with %i flag points as %i%%', (points, flags, overall) => {
		const result = rate(points, flags, max);
		expect(result.overall).toBe(overall);
		expect(result.competencies.intervene.percent).toBeNull();
	});
});
