import { describe, expect, it } from 'vitest';
import { analyseItems, firstAttempts, pointBiserial, scoreGroups } from './items';
import { itemsCsv, itemsCsvFileName } from './items-csv';
import { deriveRecord, type AttemptRecord } from './records';
import { scoringFacts } from '../scenario/analyse';
import { plantedCohort, plantedScenario, PLANTED_GROUPS } from '../../../tests/fixtures/planted';

function plantedRecords(): AttemptRecord[] {
	const cohort = plantedCohort();
	const facts = scoringFacts(plantedScenario);
	const profiles = new Map(cohort.profiles.map((p) => [p.id, p]));
	return cohort.attempts.map((a) =>
		deriveRecord(plantedScenario, facts, profiles.get(a.profileId)!, a, cohort.events.filter((e) => e.attemptId === a.id))
	);
}
const records = plantedRecords();
const byName = (prefix: string) => records.filter((r) => r.traineeName.startsWith(prefix));

describe('the planted cohort', () => {
	it('scores as planted: strong above middling above weak', () => {
		const strong = byName('强').map((r) => r.overall);
		const middle = byName('中').map((r) => r.overall);
		const weak = byName('弱').map((r) => r.overall);
		expect(strong).toHaveLength(5);
		expect(Math.min(...strong)).toBeGreaterThan(Math.max(...middle));
		expect(Math.min(...middle)).toBeGreaterThan(Math.max(...weak));
		expect(byName('强')[0]!.path).toEqual(['counter', 'check']);
		expect(byName('弱')[0]!.path).toEqual(['counter']);
	});

	it('puts the 5 strong in the upper 27 % and the 5 weak in the lower', () => {
		const { upper, lower } = scoreGroups(records);
		expect(upper.map((r) => r.traineeName).sort()).toEqual(byName('强').map((r) => r.traineeName).sort());
		expect(lower.map((r) => r.traineeName).sort()).toEqual(byName('弱').map((r) => r.traineeName).sort());
	});

	it('gives exactly the planted reach, facility, discrimination and flags', () => {
		const a = analyseItems(plantedScenario, records);
		expect(a).toMatchObject({ n: 20, upperSize: 5, lowerSize: 5, otherVersions: 0 });
		const [counter, check, manager] = a.items;
		expect(counter).toMatchObject({
			beat: 'counter',
			reached: 20,
			reachShare: 1,
			upperReached: 5,
			lowerReached: 5,
			handled: 10,
			facility: 0.5,
			upperFacility: 0,
			lowerFacility: 0,
			discrimination: 0,
			warning: null,
			flagged: 1
		});
		const option = (id: string) => counter!.options.find((o) => o.action === id)!;
		expect(option('trust-id')).toEqual({
			action: 'trust-id',
			verdict: 'poor',
			chosen: 5,
			share: 0.25,
			upperShare: 1,
			lowerShare: 0,
			discrimination: 1,
			flag: 'strong-choose-weak'
		});
		expect(option('process')).toMatchObject({ chosen: 5, upperShare: 0, lowerShare: 1, discrimination: -1, flag: null });
		expect(option('ask-purpose')).toMatchObject({ chosen: 15, discrimination: 1, flag: null });
		expect(option('to-check')).toMatchObject({ chosen: 15, discrimination: 1, flag: null });

		expect(check).toMatchObject({
			beat: 'check',
			reached: 15,
			reachShare: 0.75,
			upperReached: 5,
			lowerReached: 0,
			handled: 15,
			facility: 1,
			upperFacility: 1,
			lowerFacility: null,
			discrimination: null,
			pointBiserial: null,
			warning: 'too-few',
			flagged: 0
		});
		expect(check!.options.find((o) => o.action === 'escalate')).toMatchObject({ chosen: 0, share: 0 });

		expect(manager).toMatchObject({
			beat: 'manager',
			reached: 0,
			reachShare: 0,
			facility: null,
			discrimination: null,
			warning: 'none-reached',
			flagged: 0
		});
		expect(manager!.options.every((o) => o.chosen === 0 && o.share === null)).toBe(true);
	});

	it('point-biserial at the counter: the middling handled it well, strong and weak did not', () => {
		const a = analyseItems(plantedScenario, records);
		const want = pointBiserial(records.map((r) => ({ x: r.traineeName.startsWith('中'), y: r.overall })));
		expect(a.items[0]!.pointBiserial).toBeCloseTo(want!, 12);
		expect(PLANTED_GROUPS).toHaveLength(20);
	});
});

describe('units and statistics', () => {
	it('counts each trainee once, by the first finished attempt of this version', () => {
		const [one, two] = records;
		const retry = { ...one!, attemptId: 'retry', startedAt: one!.startedAt + 1000, overall: 0 };
		const older = { ...two!, attemptId: 'old', scenarioVersion: 0 };
		const unfinished = { ...two!, attemptId: 'unfinished', startedAt: 0, finished: false };
		const { units, otherVersions } = firstAttempts([retry, ...records, older, unfinished], plantedScenario);
		expect(units).toHaveLength(20);
		expect(units.find((u) => u.traineeId === one!.traineeId)!.attemptId).toBe(one!.attemptId);
		expect(otherVersions).toBe(1);
	});

	it('filters by cohort and mode like the dashboard', () => {
		expect(analyseItems(plantedScenario, records, { cohorts: ['nobody'] }).n).toBe(0);
		expect(analyseItems(plantedScenario, records, { modes: ['practice'] }).n).toBe(0);
		expect(analyseItems(plantedScenario, records, { cohorts: ['P1'], modes: ['assessment'] }).n).toBe(20);
	});

	it('round(0.27 n) per group; ties broken by attempt id', () => {
		const make = (id: string, overall: number) => ({ ...records[0]!, attemptId: id, overall });
		const { upper, lower } = scoreGroups([make('c', 50), make('a', 50), make('b', 90), make('d', 10)]);
		expect(upper.map((r) => r.attemptId)).toEqual(['b']);
		expect(lower.map((r) => r.attemptId)).toEqual(['d']);
		expect(scoreGroups([make('x', 1)]).upper).toHaveLength(0);
	});

	it('point-biserial matches the textbook formula on a small case', () => {
		// x: 1,1,0,0 with scores 10, 8, 4, 2: M1 = 9, M0 = 3, s = √10, p = q = ½ → 6/√10 · ½.
		const r = pointBiserial([
			{ x: true, y: 10 },
			{ x: true, y: 8 },
			{ x: false, y: 4 },
			{ x: false, y: 2 }
		]);
		expect(r).toBeCloseTo(3 / Math.sqrt(10), 12);
		expect(pointBiserial([{ x: true, y: 1 }, { x: true, y: 2 }])).toBeNull();
		expect(pointBiserial([{ x: true, y: 1 }, { x: false, y: 1 }])).toBeNull();
	});

	it('flags a right option that the weak choose more than the strong', () => {
		// Swap the plays: the strong process at once, the weak check carefully.
		const swapped = records.map((r) => {
			const twin = r.traineeName.startsWith('强')
				? byName('弱')[0]!
				: r.traineeName.startsWith('弱')
					? byName('强')[0]!
					: r;
			return { ...r, decisions: twin.decisions, path: twin.path, ending: twin.ending };
		});
		const counter = analyseItems(plantedScenario, swapped).items[0]!;
		expect(counter.options.find((o) => o.action === 'to-check')).toMatchObject({ discrimination: -1, flag: 'weak-choose-right' });
		expect(counter.options.find((o) => o.action === 'trust-id')).toMatchObject({ discrimination: -1, flag: null });
	});
});

describe('the decision analysis as CSV', () => {
	it('one row per option with the planted figures, BOM and CRLF, in both languages', () => {
		const a = analyseItems(plantedScenario, records);
		const en = itemsCsv(a, plantedScenario, 'en');
		expect(en.startsWith('\uFEFF')).toBe(true);
		const lines = en.slice(1).split('\r\n').filter(Boolean);
		expect(lines).toHaveLength(1 + 4 + 3 + 2);
		expect(lines[0]).toContain('Facility');
		expect(lines).toContain(
			'planted-decisions,1,counter,Counter,20,0.5,0,' +
				`${a.items[0]!.pointBiserial},0,,trust-id,Her ID is in order and the caller says he is police: accept it,Weak,5,0.25,1,0,1,` +
				'"Strong trainees choose this weak or wrong option more than weak ones: review its wording and verdict, or teach it in the debrief"'
		);
		expect(lines).toContain('planted-decisions,1,manager,Manager,0,,,,0,Nobody reached it,call-110,Call 110,Right,0,,,,,');
		const zh = itemsCsv(a, plantedScenario, 'zh');
		expect(zh).toContain('难度系数');
		expect(zh).toContain('无人到达');
	});

	it('names the file by scenario, cohort and local date', () => {
		expect(itemsCsvFileName('planted-decisions', '', new Date(2025, 2, 4, 0, 30))).toBe('fraud-drill-items-planted-decisions-all-2025-03-04.csv');
		expect(itemsCsvFileName('x', '2025A', new Date(2025, 11, 31, 23, 59))).toBe('fraud-drill-items-x-2025A-2025-12-31.csv');
	});
});
