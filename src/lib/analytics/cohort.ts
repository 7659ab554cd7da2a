/**
 * What the trainer dashboard shows, as pure functions of attempt records. Each takes a filter;
 * by default it reads finished attempts in both modes. Rates are shares in [0, 1] and means are
 * left unrounded: charts and exports round for display. Scenarios come out sorted by id.
 */
import { COMPETENCIES, OUTCOMES, type Competency, type Outcome } from '../scenario/vocabulary';
import type { AttemptMode, AttemptRecord, TraineeInfo } from './records';

export interface CohortFilter {
	/** Default: both. */
	modes?: readonly AttemptMode[];
	/** Default: every scenario. */
	scenarioIds?: readonly string[];
	/** Cohort codes of the trainees; default: every cohort. */
	cohorts?: readonly string[];
}

export const ALL_MODES: readonly AttemptMode[] = ['assessment', 'practice'];

/** Whether a record matches the filter, the finished requirement aside. */
function matches(r: AttemptRecord, filter: CohortFilter): boolean {
	return (
		(filter.modes ?? ALL_MODES).includes(r.mode) &&
		(!filter.scenarioIds || filter.scenarioIds.includes(r.scenarioId)) &&
		(!filter.cohorts || filter.cohorts.includes(r.cohort))
	);
}

/** The finished attempts the filter selects. */
export function selectRecords(records: readonly AttemptRecord[], filter: CohortFilter = {}): AttemptRecord[] {
	return records.filter((r) => r.finished && matches(r, filter));
}

// ---------------------------------------------------------------------------------------------
// Small statistics

export function mean(values: readonly number[]): number | null {
	return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

const share = (count: number, n: number): number | null => (n > 0 ? count / n : null);

/**
 * The p-quantile of sorted values, interpolated linearly between order statistics (R-7, the
 * default of R, numpy, Excel's QUARTILE.INC and d3-array's `quantile`).
 */
export function quantile(sorted: readonly number[], p: number): number | null {
	if (!sorted.length) return null;
	const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
	const lo = Math.floor(h);
	const a = sorted[lo]!;
	const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
	return a + (h - lo) * (b - a);
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

const byScenario = (records: readonly AttemptRecord[]) =>
	[...groupBy(records, (r) => r.scenarioId)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// Score distribution

export interface ScoreBin {
	/** Lower bound, inclusive. */
	from: number;
	/** Upper bound, exclusive, except the last bin (90–100) which holds 100. */
	to: number;
	count: number;
}

export interface ScoreDistribution {
	scenarioId: string;
	n: number;
	mean: number | null;
	passRate: number | null;
	/** Ten bins of ten points. */
	bins: ScoreBin[];
}

export const BIN_WIDTH = 10;

export function scoreDistribution(records: readonly AttemptRecord[], filter: CohortFilter = {}): ScoreDistribution[] {
	return byScenario(selectRecords(records, filter)).map(([scenarioId, list]) => {
		const bins: ScoreBin[] = Array.from({ length: 100 / BIN_WIDTH }, (_, i) => ({
			from: i * BIN_WIDTH,
			to: (i + 1) * BIN_WIDTH,
			count: 0
		}));
		for (const r of list) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(r.overall / BIN_WIDTH)))]!.count++;
		return {
			scenarioId,
			n: list.length,
			mean: mean(list.map((r) => r.overall)),
			passRate: share(list.filter((r) => r.passed).length, list.length),
			bins
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Competency profile

export interface CompetencyMean {
	competency: Competency;
	/** Mean percentage over the attempts whose scenario assesses it; null if none does. */
	mean: number | null;
	n: number;
}

export function competencyProfile(records: readonly AttemptRecord[], filter: CohortFilter = {}): CompetencyMean[] {
	const selected = selectRecords(records, filter);
	return COMPETENCIES.map((competency) => {
		const values = selected.map((r) => r.competencies[competency]).filter((v): v is number => v !== null);
		return { competency, mean: mean(values), n: values.length };
	});
}

// ---------------------------------------------------------------------------------------------
// Red flags missed

export interface MissCell {
	scenarioId: string;
	clue: string;
	/** Attempts in which the clue was shown. */
	n: number;
	/** Of those, attempts in which it was not marked. */
	missed: number;
	/** missed / n, or null if the clue never came up. */
	rate: number | null;
}

export interface MissRates {
	/** Columns: ids of the scenarios that have red flags, sorted. */
	scenarios: string[];
	/** Rows: clue ids, in scenario order and then in each scenario's own order. */
	clues: string[];
	/** One cell per clue a scenario has; a clue id missing from a scenario has no cell there. */
	cells: MissCell[];
}

export function redFlagMissRates(records: readonly AttemptRecord[], filter: CohortFilter = {}): MissRates {
	const scenarios: string[] = [];
	const clues: string[] = [];
	const cells: MissCell[] = [];
	for (const [scenarioId, list] of byScenario(selectRecords(records, filter))) {
		const perClue = new Map<string, MissCell>();
		for (const r of list)
			for (const flag of r.redFlags) {
				let cell = perClue.get(flag.clue);
				if (!cell) perClue.set(flag.clue, (cell = { scenarioId, clue: flag.clue, n: 0, missed: 0, rate: null }));
				if (!flag.shown) continue;
				cell.n++;
				if (!flag.found) cell.missed++;
			}
		// A scenario without red flags (an honest customer, say) gets no column.
		if (perClue.size) scenarios.push(scenarioId);
		for (const cell of perClue.values()) {
			cell.rate = share(cell.missed, cell.n);
			cells.push(cell);
			if (!clues.includes(cell.clue)) clues.push(cell.clue);
		}
	}
	return { scenarios, clues, cells };
}

// ---------------------------------------------------------------------------------------------
// Time to first intervention

export interface InterventionTimes {
	scenarioId: string;
	/** Attempts considered. */
	n: number;
	/** Simulated seconds to the first intervening decision, sorted, one per attempt that intervened. */
	values: number[];
	/** Attempts with no intervening decision at all. */
	never: number;
	min: number | null;
	p25: number | null;
	p50: number | null;
	p75: number | null;
	max: number | null;
}

/**
 * Scam scenarios only: with a genuine customer there is nothing to intervene in, and serving her
 * without intervening is right, not "never intervened" (the over-intervention chart covers them).
 */
export function timeToFirstIntervention(
	records: readonly AttemptRecord[],
	filter: CohortFilter = {}
): InterventionTimes[] {
	const scams = selectRecords(records, filter).filter((r) => r.scamType !== 'legitimate');
	return byScenario(scams).map(([scenarioId, list]) => {
		const values = list
			.map((r) => r.firstInterventionAt)
			.filter((v): v is number => v !== null)
			.sort((a, b) => a - b);
		return {
			scenarioId,
			n: list.length,
			values,
			never: list.length - values.length,
			min: values[0] ?? null,
			p25: quantile(values, 0.25),
			p50: quantile(values, 0.5),
			p75: quantile(values, 0.75),
			max: values.at(-1) ?? null
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Over-intervention with honest customers

export interface OverInterventionRow {
	/** null for the row over all honest-customer scenarios. */
	scenarioId: string | null;
	n: number;
	/** Attempts ending with the customer wrongly refused or complaining. */
	refused: number;
	refusedRate: number | null;
	/** Attempts with at least one decision judged poor or harmful. */
	harsh: number;
	harshRate: number | null;
}

export interface OverIntervention {
	rows: OverInterventionRow[];
	total: OverInterventionRow;
}

const WRONGLY_REFUSED: readonly Outcome[] = ['honest-refused', 'complaint'];

function overInterventionRow(scenarioId: string | null, list: readonly AttemptRecord[]): OverInterventionRow {
	const refused = list.filter((r) => r.outcome !== null && WRONGLY_REFUSED.includes(r.outcome)).length;
	const harsh = list.filter((r) => r.decisions.some((d) => d.verdict === 'poor' || d.verdict === 'harmful')).length;
	return {
		scenarioId,
		n: list.length,
		refused,
		refusedRate: share(refused, list.length),
		harsh,
		harshRate: share(harsh, list.length)
	};
}

/** Only scenarios whose scam type is "legitimate" (an honest customer) count. */
export function overInterventionRate(records: readonly AttemptRecord[], filter: CohortFilter = {}): OverIntervention {
	const honest = selectRecords(records, filter).filter((r) => r.scamType === 'legitimate');
	return {
		rows: byScenario(honest).map(([scenarioId, list]) => overInterventionRow(scenarioId, list)),
		total: overInterventionRow(null, honest)
	};
}

// ---------------------------------------------------------------------------------------------
// Progress over time

export interface DayProgress {
	/** "YYYY-MM-DD". */
	day: string;
	attempts: number;
	meanScore: number;
	passRate: number;
}

/** The local calendar day of a wall-clock time, as "YYYY-MM-DD". */
export function localDay(ms: number): string {
	const d = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function progressOverTime(
	records: readonly AttemptRecord[],
	filter: CohortFilter = {},
	dayOf: (ms: number) => string = localDay
): DayProgress[] {
	return [...groupBy(selectRecords(records, filter), (r) => dayOf(r.startedAt))]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([day, list]) => ({
			day,
			attempts: list.length,
			meanScore: mean(list.map((r) => r.overall))!,
			passRate: list.filter((r) => r.passed).length / list.length
		}));
}

// ---------------------------------------------------------------------------------------------
// Roster

export interface RosterRow {
	traineeId: string;
	traineeName: string;
	employeeNo: string;
	branch: string;
	cohort: string;
	scenarioId: string;
	attempts: number;
	bestScore: number;
	/** Passed at least once. */
	passed: boolean;
	lastStartedAt: number;
}

/** One row per trainee and scenario played, sorted by name (Chinese by pinyin), number, scenario. */
export function roster(records: readonly AttemptRecord[], filter: CohortFilter = {}): RosterRow[] {
	const rows = [...groupBy(selectRecords(records, filter), (r) => `${r.traineeId}\u0000${r.scenarioId}`).values()].map(
		(list): RosterRow => {
			const first = list[0]!;
			return {
				traineeId: first.traineeId,
				traineeName: first.traineeName,
				employeeNo: first.employeeNo,
				branch: first.branch,
				cohort: first.cohort,
				scenarioId: first.scenarioId,
				attempts: list.length,
				bestScore: Math.max(...list.map((r) => r.overall)),
				passed: list.some((r) => r.passed),
				lastStartedAt: Math.max(...list.map((r) => r.startedAt))
			};
		}
	);
	const collator = new Intl.Collator('zh-CN');
	return rows.sort(
		(a, b) =>
			collator.compare(a.traineeName, b.traineeName) ||
			collator.compare(a.employeeNo, b.employeeNo) ||
			(a.traineeId < b.traineeId ? -1 : a.traineeId > b.traineeId ? 1 : 0) ||
			(a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : 0)
	);
}

export interface RosterTrainee {
	traineeId: string;
	traineeName: string;
	employeeNo: string;
	branch: string;
	cohort: string;
	/** Has at least one finished attempt in the selection. */
	started: boolean;
}

/**
 * Who the roster lists: everyone with a row, and every trainee profile of the selected cohorts
 * (all profiles when no cohort is selected) that has not finished anything yet, sorted as the rows.
 */
export function rosterTrainees(
	rows: readonly RosterRow[],
	profiles: readonly TraineeInfo[],
	filter: CohortFilter = {}
): RosterTrainee[] {
	const people = new Map<string, RosterTrainee>();
	for (const r of rows)
		if (!people.has(r.traineeId)) people.set(r.traineeId, { ...r, started: true });
	for (const p of profiles)
		if (!people.has(p.id) && (!filter.cohorts || filter.cohorts.includes(p.cohort)))
			people.set(p.id, {
				traineeId: p.id,
				traineeName: p.name,
				employeeNo: p.employeeNo,
				branch: p.branch,
				cohort: p.cohort,
				started: false
			});
	const collator = new Intl.Collator('zh-CN');
	return [...people.values()]
		.map(({ traineeId, traineeName, employeeNo, branch, cohort, started }) => ({
			traineeId,
			traineeName,
			employeeNo,
			branch,
			cohort,
			started
		}))
		.sort(
			(a, b) =>
				collator.compare(a.traineeName, b.traineeName) ||
				collator.compare(a.employeeNo, b.employeeNo) ||
				(a.traineeId < b.traineeId ? -1 : a.traineeId > b.traineeId ? 1 : 0)
		);
}

// ---------------------------------------------------------------------------------------------
// Summary

export interface CohortSummary {
	/** Finished attempts selected. */
	attempts: number;
	/** Attempts the filter selects that are not finished (not counted anywhere else). */
	unfinished: number;
	trainees: number;
	scenarios: number;
	meanScore: number | null;
	passRate: number | null;
	outcomes: Record<Outcome, number>;
	/** Red flags marked, over red flags shown. */
	redFlagFindRate: number | null;
	falseAlarmsPerAttempt: number | null;
	moneyProtected: number;
	moneyLost: number;
	/** Median over every attempt that intervened. */
	medianFirstIntervention: number | null;
}

export function summary(records: readonly AttemptRecord[], filter: CohortFilter = {}): CohortSummary {
	const selected = selectRecords(records, filter);
	const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
	let shown = 0;
	let found = 0;
	for (const r of selected) {
		if (r.outcome) outcomes[r.outcome]++;
		for (const f of r.redFlags) {
			if (f.shown) shown++;
			if (f.found) found++;
		}
	}
	const interventions = selected
		.map((r) => r.firstInterventionAt)
		.filter((v): v is number => v !== null)
		.sort((a, b) => a - b);
	return {
		attempts: selected.length,
		unfinished: records.filter((r) => !r.finished && matches(r, filter)).length,
		trainees: new Set(selected.map((r) => r.traineeId)).size,
		scenarios: new Set(selected.map((r) => r.scenarioId)).size,
		meanScore: mean(selected.map((r) => r.overall)),
		passRate: share(selected.filter((r) => r.passed).length, selected.length),
		outcomes,
		redFlagFindRate: share(found, shown),
		falseAlarmsPerAttempt: share(
			selected.reduce((s, r) => s + r.falseAlarms, 0),
			selected.length
		),
		moneyProtected: selected.reduce((s, r) => s + r.moneyProtected, 0),
		moneyLost: selected.reduce((s, r) => s + r.moneyLost, 0),
		medianFirstIntervention: quantile(interventions, 0.5)
	};
}

// ---------------------------------------------------------------------------------------------
// Everything at once

export interface CohortAnalytics {
	summary: CohortSummary;
	scores: ScoreDistribution[];
	competencies: CompetencyMean[];
	missRates: MissRates;
	interventions: InterventionTimes[];
	overIntervention: OverIntervention;
	progress: DayProgress[];
	roster: RosterRow[];
}

/** Every view of the dashboard, from one filter. */
export function analyseCohort(
	records: readonly AttemptRecord[],
	filter: CohortFilter = {},
	dayOf: (ms: number) => string = localDay
): CohortAnalytics {
	return {
		summary: summary(records, filter),
		scores: scoreDistribution(records, filter),
		competencies: competencyProfile(records, filter),
		missRates: redFlagMissRates(records, filter),
		interventions: timeToFirstIntervention(records, filter),
		overIntervention: overInterventionRate(records, filter),
		progress: progressOverTime(records, filter, dayOf),
		roster: roster(records, filter)
	};
}

/** Cohort codes present in the records, sorted (for a filter's options). */
export function cohortsOf(records: readonly AttemptRecord[]): string[] {
	return [...new Set(records.map((r) => r.cohort))].sort();
}
