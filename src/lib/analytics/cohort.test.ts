import { describe, expect, it } from 'vitest';
import { quantile as d3Quantile } from 'd3-array';
import { createRandom } from '../attempt/random';
import type { Competency } from '../scenario/schema';
import {
	analyseCohort,
	cohortsOf,
	competencyProfile,
	localDay,
	overInterventionRate,
	progressOverTime,
	quantile,
	redFlagMissRates,
	roster,
	rosterTrainees,
	scoreDistribution,
	selectRecords,
	summary,
	timeToFirstIntervention,
	type CohortFilter
} from './cohort';
import type { AttemptRecord, DecisionRecord, RedFlagRecord } from './records';

type Comp = [number | null, number | null, number | null, number | null, number | null, number | null];
const COMP_KEYS: Competency[] = ['detect', 'verify', 'intervene', 'communicate', 'comply', 'timeliness'];

const trainees = {
	t1: { traineeId: 't1', traineeName: '张三', employeeNo: 'E003', branch: '城东支行', cohort: 'A' },
	t2: { traineeId: 't2', traineeName: '李四', employeeNo: 'E002', branch: '城西支行', cohort: 'A' },
	t3: { traineeId: 't3', traineeName: '王五', employeeNo: 'E001', branch: '城东支行', cohort: 'B' }
};
const scenarios = {
	a: { scenarioId: 'a', scamType: 'fake-police', audience: 'teller' },
	b: { scenarioId: 'b', scamType: 'legitimate', audience: 'teller' },
	c: { scenarioId: 'c', scamType: 'investment', audience: 'teller' }
} as const;

const flag = (clue: string, state: 'found' | 'missed' | 'hidden', timeToMark = 10): RedFlagRecord => ({
	clue,
	shown: state !== 'hidden',
	found: state === 'found',
	timeToMark: state === 'found' ? timeToMark : null
});
const decided = (...verdicts: DecisionRecord['verdict'][]): DecisionRecord[] =>
	verdicts.map((verdict, i) => ({ beat: 'b1', action: `x${i}`, verdict, at: i * 30 }));

function rec(
	id: string,
	trainee: keyof typeof trainees,
	scenario: keyof typeof scenarios,
	fields: Partial<AttemptRecord> & { comp?: Comp; day?: [number, number, number] }
): AttemptRecord {
	const { comp = [null, null, null, null, null, null], day = [3, 10, 0], ...rest } = fields;
	return {
		attemptId: id,
		seed: 1,
		rules: 2,
		...trainees[trainee],
		...scenarios[scenario],
		scenarioVersion: 1,
		mode: 'assessment',
		startedAt: Date.UTC(2025, 2, day[0], day[1], day[2]),
		finished: true,
		outcome: 'fraud-stopped',
		ending: 'end',
		overall: 0,
		passed: false,
		competencies: Object.fromEntries(COMP_KEYS.map((k, i) => [k, comp[i]])) as AttemptRecord['competencies'],
		moneyProtected: 0,
		moneyLost: 0,
		redFlags: [],
		falseAlarms: 0,
		decisions: [],
		path: ['b1'],
		firstInterventionAt: null,
		durationSeconds: 300,
		ignoredEvents: 0,
		summaryAgrees: true,
		...rest
	};
}

// The hand-computed answers below all refer to this cohort.
const records: AttemptRecord[] = [
	rec('r1', 't1', 'a', {
		overall: 85,
		passed: true,
		comp: [80, 100, 50, null, 60, null],
		redFlags: [flag('x', 'found'), flag('y', 'missed')],
		falseAlarms: 1,
		firstInterventionAt: 120,
		moneyProtected: 100_000,
		decisions: decided('good', 'good')
	}),
	rec('r2', 't2', 'a', {
		mode: 'practice',
		overall: 40,
		outcome: 'money-lost',
		day: [3, 11, 0],
		comp: [20, 0, 0, null, 20, null],
		redFlags: [flag('x', 'missed'), flag('y', 'hidden')],
		firstInterventionAt: 300,
		moneyLost: 50_000,
		// A harmful decision outside an honest-customer scenario is not over-intervention.
		decisions: decided('harmful')
	}),
	rec('r3', 't1', 'a', {
		overall: 100,
		passed: true,
		day: [4, 9, 0],
		comp: [100, 100, 100, null, 100, null],
		redFlags: [flag('x', 'found'), flag('y', 'found')],
		firstInterventionAt: 60,
		moneyProtected: 200_000
	}),
	rec('r4', 't2', 'b', {
		overall: 70,
		passed: true,
		outcome: 'honest-served',
		day: [4, 10, 0],
		comp: [null, 50, null, 100, 80, null],
		decisions: decided('good', 'poor')
	}),
	rec('r5', 't3', 'b', {
		overall: 20,
		outcome: 'honest-refused',
		day: [4, 11, 0],
		comp: [null, 0, null, 20, 40, null],
		decisions: decided('harmful'),
		firstInterventionAt: 90
	}),
	rec('r6', 't3', 'b', {
		mode: 'practice',
		overall: 0,
		outcome: 'complaint',
		day: [4, 12, 0],
		comp: [null, 0, null, 0, 0, null],
		decisions: decided('acceptable')
	}),
	rec('r7', 't3', 'a', { finished: false, overall: 10, outcome: null, ending: null, day: [4, 13, 0], firstInterventionAt: 5 }),
	rec('r8', 't1', 'c', {
		mode: 'practice',
		overall: 59,
		day: [6, 9, 30],
		comp: [50, 70, null, null, 30, null],
		redFlags: [flag('y', 'missed'), flag('z', 'hidden')],
		firstInterventionAt: 200
	})
];

const ASSESSMENT: CohortFilter = { modes: ['assessment'] };
const PRACTICE: CohortFilter = { modes: ['practice'] };
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Ten bin counts with `count` at the given bin indexes. */
const bins = (...indexes: number[]) => {
	const counts = Array(10).fill(0) as number[];
	indexes.forEach((i) => counts[i]!++);
	return counts;
};

describe('selectRecords', () => {
	it.each([
		['the default: finished, both modes', {}, ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r8']],
		['assessments', ASSESSMENT, ['r1', 'r3', 'r4', 'r5']],
		['practice', PRACTICE, ['r2', 'r6', 'r8']],
		['one scenario', { scenarioIds: ['b'] }, ['r4', 'r5', 'r6']],
		['one cohort', { cohorts: ['B'] }, ['r5', 'r6']],
		['no mode at all', { modes: [] }, []]
	] as [string, CohortFilter, string[]][])('%s', (_, filter, ids) => {
		expect(selectRecords(records, filter).map((r) => r.attemptId)).toEqual(ids);
	});
});

describe('scoreDistribution', () => {
	it.each([
		[
			'default',
			{},
			[
				{ scenarioId: 'a', n: 3, mean: 75, passRate: 2 / 3, counts: bins(4, 8, 9) },
				{ scenarioId: 'b', n: 3, mean: 30, passRate: 1 / 3, counts: bins(0, 2, 7) },
				{ scenarioId: 'c', n: 1, mean: 59, passRate: 0, counts: bins(5) }
			]
		],
		[
			'assessments',
			ASSESSMENT,
			[
				{ scenarioId: 'a', n: 2, mean: 92.5, passRate: 1, counts: bins(8, 9) },
				{ scenarioId: 'b', n: 2, mean: 45, passRate: 0.5, counts: bins(2, 7) }
			]
		],
		['cohort B', { cohorts: ['B'] }, [{ scenarioId: 'b', n: 2, mean: 10, passRate: 0, counts: bins(0, 2) }]]
	] as const)('%s', (_, filter, expected) => {
		const result = scoreDistribution(records, filter);
		expect(
			result.map((d) => ({
				scenarioId: d.scenarioId,
				n: d.n,
				mean: d.mean,
				passRate: d.passRate,
				counts: d.bins.map((b) => b.count)
			}))
		).toEqual(expected);
	});

	it('bins by tens, 100 in the last bin, every attempt in exactly one bin', () => {
		const scores = [0, 9, 10, 49, 50, 89, 90, 99, 100];
		const list = scores.map((overall, i) => rec(`s${i}`, 't1', 'a', { overall }));
		const [d] = scoreDistribution(list);
		expect(d!.bins.map((b) => [b.from, b.to])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 10, i * 10 + 10]));
		expect(d!.bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 1, 3]);
		expect(d!.bins.reduce((s, b) => s + b.count, 0)).toBe(scores.length);
	});
});

describe('competencyProfile', () => {
	it.each([
		['default', {}, [[62.5, 4], [320 / 7, 7], [50, 3], [40, 3], [330 / 7, 7], [null, 0]]],
		['assessments', ASSESSMENT, [[90, 2], [62.5, 4], [75, 2], [60, 2], [70, 4], [null, 0]]],
		['nothing selected', { scenarioIds: ['none'] }, COMP_KEYS.map(() => [null, 0])]
	] as [string, CohortFilter, [number | null, number][]][])('%s', (_, filter, expected) => {
		const result = competencyProfile(records, filter);
		expect(result.map((c) => c.competency)).toEqual(COMP_KEYS);
		result.forEach((c, i) => {
			const [mean, n] = expected[i]!;
			expect(c.n, c.competency).toBe(n);
			if (mean === null) expect(c.mean).toBeNull();
			else expect(c.mean, c.competency).toBeCloseTo(mean, 10);
		});
	});
});

describe('redFlagMissRates', () => {
	it.each([
		[
			'default',
			{},
			['a', 'c'],
			['x', 'y', 'z'],
			[
				['a', 'x', 3, 1, 1 / 3],
				['a', 'y', 2, 1, 0.5],
				['c', 'y', 1, 1, 1],
				['c', 'z', 0, 0, null]
			]
		],
		[
			'practice',
			PRACTICE,
			['a', 'c'],
			['x', 'y', 'z'],
			[
				['a', 'x', 1, 1, 1],
				['a', 'y', 0, 0, null],
				['c', 'y', 1, 1, 1],
				['c', 'z', 0, 0, null]
			]
		],
		['honest customers only (no red flags)', { scenarioIds: ['b'] }, [], [], []]
	] as [string, CohortFilter, string[], string[], [string, string, number, number, number | null][]][])(
		'%s',
		(_, filter, scenarioIds, clues, cells) => {
			const result = redFlagMissRates(records, filter);
			expect(result.scenarios).toEqual(scenarioIds);
			expect(result.clues).toEqual(clues);
			expect(result.cells.map((c) => [c.scenarioId, c.clue, c.n, c.missed, c.rate])).toEqual(cells);
		}
	);
});

describe('quantile', () => {
	it.each([
		[[], 0.5, null],
		[[5], 0.25, 5],
		[[1, 2, 3, 4], 0, 1],
		[[1, 2, 3, 4], 0.25, 1.75],
		[[1, 2, 3, 4], 0.5, 2.5],
		[[1, 2, 3, 4], 0.75, 3.25],
		[[1, 2, 3, 4], 1, 4],
		[[60, 120, 300], 0.25, 90],
		[[60, 120, 300], 0.75, 210]
	] as [number[], number, number | null][])('of %j at %d is %s', (values, p, expected) => {
		expect(quantile(values, p)).toBe(expected);
	});

	it("agrees with d3-array's quantile", () => {
		const random = createRandom(42);
		for (let trial = 0; trial < 50; trial++) {
			const values = Array.from({ length: random.int(1, 40) }, () => random.int(0, 900)).sort((a, b) => a - b);
			for (const p of [0.1, 0.25, 0.5, 0.75, 0.9]) expect(quantile(values, p)).toBeCloseTo(d3Quantile(values, p)!, 9);
		}
	});
});

describe('timeToFirstIntervention', () => {
	it.each([
		[
			'default',
			{},
			[
				// b is a genuine customer's scenario: not intervening there is right, and it is left out.
				['a', 3, [60, 120, 300], 0, 60, 90, 120, 210, 300],
				['c', 1, [200], 0, 200, 200, 200, 200, 200]
			]
		],
		['practice', PRACTICE, [['a', 1, [300], 0, 300, 300, 300, 300, 300], ['c', 1, [200], 0, 200, 200, 200, 200, 200]]]
	] as [string, CohortFilter, [string, number, number[], number, ...(number | null)[]][]][])(
		'%s',
		(_, filter, expected) => {
			expect(
				timeToFirstIntervention(records, filter).map((d) => [d.scenarioId, d.n, d.values, d.never, d.min, d.p25, d.p50, d.p75, d.max])
			).toEqual(expected);
		}
	);
});

describe('overInterventionRate', () => {
	it.each([
		['default', {}, [['b', 3, 2, 2 / 3, 2, 2 / 3]], [null, 3, 2, 2 / 3, 2, 2 / 3]],
		['assessments', ASSESSMENT, [['b', 2, 1, 0.5, 2, 1]], [null, 2, 1, 0.5, 2, 1]],
		['no honest-customer scenario selected', { scenarioIds: ['a'] }, [], [null, 0, 0, null, 0, null]]
	] as [string, CohortFilter, unknown[][], unknown[]][])('%s', (_, filter, rows, total) => {
		const result = overInterventionRate(records, filter);
		const flat = (r: typeof result.total) => [r.scenarioId, r.n, r.refused, r.refusedRate, r.harsh, r.harshRate];
		expect(result.rows.map(flat)).toEqual(rows);
		expect(flat(result.total)).toEqual(total);
	});
});

describe('progressOverTime', () => {
	it.each([
		[
			'default',
			{},
			[
				['2025-03-03', 2, 62.5, 0.5],
				['2025-03-04', 4, 47.5, 0.5],
				['2025-03-06', 1, 59, 0]
			]
		],
		[
			'assessments',
			ASSESSMENT,
			[
				['2025-03-03', 1, 85, 1],
				['2025-03-04', 3, 190 / 3, 2 / 3]
			]
		]
	] as [string, CohortFilter, [string, number, number, number][]][])('%s', (_, filter, expected) => {
		const result = progressOverTime(records, filter, utcDay);
		expect(result.map((d) => d.day)).toEqual(expected.map((e) => e[0]));
		result.forEach((d, i) => {
			const [, attempts, mean, pass] = expected[i]!;
			expect(d.attempts).toBe(attempts);
			expect(d.meanScore).toBeCloseTo(mean, 10);
			expect(d.passRate).toBeCloseTo(pass, 10);
		});
	});

	it('groups by the local calendar day by default', () => {
		const late = new Date(2025, 2, 3, 23, 59).getTime();
		const early = new Date(2025, 2, 4, 0, 1).getTime();
		expect([localDay(late), localDay(early)]).toEqual(['2025-03-03', '2025-03-04']);
		const list = [rec('l1', 't1', 'a', { overall: 50 }), rec('l2', 't1', 'a', { overall: 70 })];
		list[0]!.startedAt = late;
		list[1]!.startedAt = early;
		expect(progressOverTime(list).map((d) => [d.day, d.meanScore])).toEqual([
			['2025-03-03', 50],
			['2025-03-04', 70]
		]);
	});
});

describe('roster', () => {
	it('gives one row per trainee and scenario, best score and any pass, sorted by name in pinyin order', () => {
		expect(roster(records).map((r) => [r.traineeName, r.scenarioId, r.attempts, r.bestScore, r.passed])).toEqual([
			['李四', 'a', 1, 40, false],
			['李四', 'b', 1, 70, true],
			['王五', 'b', 2, 20, false],
			['张三', 'a', 2, 100, true],
			['张三', 'c', 1, 59, false]
		]);
		const zhang = roster(records).find((r) => r.traineeId === 't1' && r.scenarioId === 'a')!;
		expect(zhang.lastStartedAt).toBe(Date.UTC(2025, 2, 4, 9, 0));
		expect(zhang).toMatchObject({ employeeNo: 'E003', branch: '城东支行', cohort: 'A' });
	});

	it('lists every profile of the selected cohorts, with or without attempts, in the same order', () => {
		const profiles = [
			{ id: 't1', name: '张三', employeeNo: 'E003', branch: '城东支行', cohort: 'A' },
			{ id: 't2', name: '李四', employeeNo: 'E002', branch: '城西支行', cohort: 'A' },
			{ id: 'n1', name: '赵六', employeeNo: 'E009', branch: '城北支行', cohort: 'A' },
			{ id: 'n2', name: 'Alice', employeeNo: 'E010', branch: '', cohort: 'B' }
		];
		const names = (filter: CohortFilter) =>
			rosterTrainees(roster(records, filter), profiles, filter).map((t) => [t.traineeName, t.started]);
		expect(names({})).toEqual([
			['李四', true],
			['王五', true],
			['张三', true],
			['赵六', false],
			['Alice', false]
		]);
		expect(names({ cohorts: ['A'] })).toEqual([
			['李四', true],
			['张三', true],
			['赵六', false]
		]);
		// A trainee whose only attempts are filtered out is listed as not started.
		expect(names({ cohorts: ['A'], scenarioIds: ['c'] })).toEqual([
			['李四', false],
			['张三', true],
			['赵六', false]
		]);
	});

	it('follows the filter', () => {
		expect(roster(records, ASSESSMENT).map((r) => [r.traineeName, r.scenarioId, r.attempts, r.bestScore])).toEqual([
			['李四', 'b', 1, 70],
			['王五', 'b', 1, 20],
			['张三', 'a', 2, 100]
		]);
	});
});

describe('summary', () => {
	it('counts the whole selection', () => {
		const s = summary(records);
		expect(s).toMatchObject({
			attempts: 7,
			unfinished: 1,
			trainees: 3,
			scenarios: 3,
			passRate: 3 / 7,
			redFlagFindRate: 3 / 6,
			falseAlarmsPerAttempt: 1 / 7,
			moneyProtected: 300_000,
			moneyLost: 50_000,
			medianFirstIntervention: 120
		});
		expect(s.meanScore).toBeCloseTo(374 / 7, 10);
		expect(s.outcomes).toEqual({
			'fraud-stopped': 3,
			'partial-loss': 0,
			'money-lost': 1,
			'honest-served': 1,
			'honest-refused': 1,
			complaint: 1,
			'customer-decided': 0
		});
	});

	it.each([
		['cohort B', { cohorts: ['B'] }, { attempts: 2, unfinished: 1, trainees: 1, scenarios: 1, passRate: 0, meanScore: 10 }],
		['practice', PRACTICE, { attempts: 3, unfinished: 0, trainees: 3, scenarios: 3, passRate: 0 }],
		['nothing', { cohorts: ['Z'] }, { attempts: 0, unfinished: 0, meanScore: null, passRate: null, redFlagFindRate: null }]
	] as [string, CohortFilter, object][])('%s', (_, filter, expected) => {
		expect(summary(records, filter)).toMatchObject(expected);
	});
});

describe('analyseCohort', () => {
	it('bundles every view under the same filter', () => {
		const all = analyseCohort(records, ASSESSMENT, utcDay);
		expect(all.summary).toEqual(summary(records, ASSESSMENT));
		expect(all.scores).toEqual(scoreDistribution(records, ASSESSMENT));
		expect(all.missRates).toEqual(redFlagMissRates(records, ASSESSMENT));
		expect(all.progress).toEqual(progressOverTime(records, ASSESSMENT, utcDay));
		expect(all.roster).toEqual(roster(records, ASSESSMENT));
		expect(cohortsOf(records)).toEqual(['A', 'B']);
	});
});
