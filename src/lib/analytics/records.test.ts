import { describe, expect, it } from 'vitest';
import { deriveRecord, eventsOf, replayContext, type AttemptInfo, type TraineeInfo } from './records';
import { scoringFacts } from '../scenario/analyse';
import type { AttemptEvent } from '../scenario/compile';
import { replay } from '../attempt/replay';
import { resolveSetup } from '../attempt/setup';
import { CURRENT_RULES } from '../attempt/rules';
import { miniScenario } from '../../../tests/unit/fixtures';

const choose = (action: string): AttemptEvent => ({ type: 'trainee.choose', action });
const tick = (seconds: number): AttemptEvent => ({ type: 'clock.tick', seconds });
const flag = (item: string): AttemptEvent => ({ type: 'trainee.flag', item });
const unflag = (item: string): AttemptEvent => ({ type: 'trainee.unflag', item });

const scenario = miniScenario();
const facts = scoringFacts(scenario);
const SEED = 11;
const amount = resolveSetup(scenario, SEED).values.amount as number;

const profile: TraineeInfo = { id: 'p1', name: '王秀兰', employeeNo: 'E0042', branch: '城东支行', cohort: '2025-A' };
const attempt = (fields: Partial<AttemptInfo> = {}): AttemptInfo => ({
	id: 'att-1',
	scenarioId: 'mini',
	scenarioVersion: 1,
	seed: SEED,
	rules: CURRENT_RULES,
	mode: 'assessment',
	startedAt: 1_741_000_000_000,
	summary: null,
	...fields
});

// Mini: a customer on the phone wants to transfer; asking the purpose (60 s, verify +2) unlocks
// calling 110 (120 s, intervene +3, police-called within 600 s: timeliness +2); processing loses it.
// The one red flag is "on-phone" (2 points); marking anything else costs a point.
describe('deriveRecord', () => {
	it.each([
		{
			name: 'the best path, the red flag marked 12 s in, one false alarm',
			events: [tick(12), flag('on-phone'), flag('ask-transfer'), choose('ask-purpose'), tick(5), choose('call-110')],
			expected: {
				finished: true,
				outcome: 'fraud-stopped',
				ending: 'stopped',
				// detect 2 − 1, verify 2, intervene 3, timeliness 2: 8 of 9 (89 %), placed in the
				// band of an ending that harms nobody (40–100): 40 + 60 × 0.89.
				overall: 93,
				passed: true,
				competencies: { detect: 50, verify: 100, intervene: 100, communicate: null, comply: null, timeliness: 100 },
				moneyProtected: amount,
				moneyLost: 0,
				redFlags: [{ clue: 'phone', shown: true, found: true, timeToMark: 12 }],
				falseAlarms: 1,
				decisions: [
					{ beat: 'counter', action: 'ask-purpose', verdict: 'good', at: 12 },
					{ beat: 'counter', action: 'call-110', verdict: 'good', at: 77 }
				],
				firstInterventionAt: 77,
				durationSeconds: 12 + 60 + 5 + 120,
				ignoredEvents: 0
			}
		},
		{
			name: 'the naive path: processed at once, nothing marked',
			events: [tick(30), choose('process')],
			expected: {
				finished: true,
				outcome: 'money-lost',
				overall: 0,
				passed: false,
				competencies: { detect: 0, verify: 0, intervene: 0, communicate: null, comply: null, timeliness: 0 },
				moneyProtected: 0,
				moneyLost: amount,
				redFlags: [{ clue: 'phone', shown: true, found: false, timeToMark: null }],
				falseAlarms: 0,
				decisions: [{ beat: 'counter', action: 'process', verdict: 'harmful', at: 30 }],
				firstInterventionAt: null,
				durationSeconds: 60
			}
		},
		{
			name: 'unfinished, with a mark taken back and an event the machine ignores',
			events: [choose('call-110'), tick(4), flag('ask-transfer'), unflag('ask-transfer'), choose('ask-purpose')],
			expected: {
				finished: false,
				outcome: null,
				ending: null,
				passed: false,
				falseAlarms: 0,
				decisions: [{ beat: 'counter', action: 'ask-purpose', verdict: 'good', at: 4 }],
				firstInterventionAt: null,
				durationSeconds: 64,
				ignoredEvents: 1
			}
		}
	])('$name', ({ events, expected }) => {
		const record = deriveRecord(scenario, facts, profile, attempt(), events);
		expect(record).toMatchObject({
			attemptId: 'att-1',
			seed: SEED,
			traineeId: 'p1',
			traineeName: '王秀兰',
			employeeNo: 'E0042',
			branch: '城东支行',
			cohort: '2025-A',
			scenarioId: 'mini',
			scenarioVersion: 1,
			scamType: 'fake-police',
			audience: 'teller',
			mode: 'assessment',
			startedAt: 1_741_000_000_000,
			summaryAgrees: null,
			...expected
		});
	});

	it('reads stored rows in sequence order, whatever order they come in', () => {
		const events = [tick(12), flag('on-phone'), choose('ask-purpose'), choose('call-110')];
		const rows = events.map((event, seq) => ({ attemptId: 'att-1', seq, event, at: seq * 1000 })).reverse();
		expect(eventsOf(rows)).toEqual(events);
		expect(deriveRecord(scenario, facts, profile, attempt(), rows)).toEqual(
			deriveRecord(scenario, facts, profile, attempt(), events)
		);
	});

	it('checks a stored summary against the replay instead of trusting it', () => {
		const events = [choose('ask-purpose'), choose('call-110')];
		const honest = { overall: 87, passed: true, outcome: 'fraud-stopped' as const, ending: 'stopped' };
		const agrees = deriveRecord(scenario, facts, profile, attempt({ summary: honest }), events);
		expect(agrees.overall).toBe(87);
		expect(agrees.summaryAgrees).toBe(true);
		const inflated = deriveRecord(scenario, facts, profile, attempt({ summary: { ...honest, overall: 100 } }), events);
		expect(inflated.overall).toBe(87);
		expect(inflated.summaryAgrees).toBe(false);
	});

	it('scores an attempt from before rules were recorded as it was scored then', () => {
		const events = [choose('ask-purpose'), choose('call-110')];
		const old = deriveRecord(scenario, facts, profile, attempt({ rules: undefined }), events);
		expect(old).toMatchObject({ rules: 1, overall: 78 });
		expect(deriveRecord(scenario, facts, profile, attempt(), events)).toMatchObject({ rules: 2, overall: 87 });
	});

	it('refuses an attempt played on another scenario or version', () => {
		expect(() => deriveRecord(scenario, facts, profile, attempt({ scenarioVersion: 2 }), [])).toThrow(/version 2/);
		expect(() => deriveRecord(scenario, facts, profile, attempt({ scenarioId: 'other' }), [])).toThrow(/"other"/);
	});
});

describe('replayContext', () => {
	it.each([
		[[tick(12), flag('on-phone'), choose('ask-purpose'), tick(5), choose('call-110')]],
		[[choose('call-110'), flag('gone'), tick(400), flag('on-phone')]],
		[[flag('on-phone'), unflag('on-phone'), tick(3), choose('ask-purpose'), tick(1000), tick(5)]]
	])('derives what the compiled machine derives from %j', (events) => {
		const machine = replay(scenario, SEED, events);
		const pure = replayContext(scenario, SEED, events);
		expect(pure.context).toEqual(machine.snapshot.context);
		expect(pure.applied).toBe(machine.applied);
	});
});
