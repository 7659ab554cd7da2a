/**
 * The dashboard's charts, kept for the next visit. Reading and analysing 5,000 attempts takes
 * seconds; the charts of the whole cohort (no filter) are kept in the database with the state of
 * the database they were worked out from (`StoreBasis`), and drawn at once the next time the
 * dashboard opens, as long as nothing was added or changed since (one quick transaction says so).
 * The records are read meanwhile as before, and the page moves over to them when they arrive: a
 * filter, the roster, a trainee's attempts and the exports always come from the records themselves.
 */
import { version } from '$app/environment';
import { analyseCohort, cohortsOf, type CohortAnalytics } from '$lib/analytics/cohort';
import { moneyAndOutcomes, type MoneyOutcomes } from '$lib/analytics/money';
import type { ChartLabels } from '$lib/analytics/labels';
import type { AttemptRecord } from '$lib/analytics/records';
import type { Store } from '$lib/storage';
import type { StoreBasis } from '$lib/storage/db';

export interface DashboardView {
	/** The build and time zone that worked it out (the code decides the figures; days are local). */
	madeBy: string;
	/** Every record, whatever its scenario. */
	total: number;
	unknownScenario: number;
	cohorts: string[];
	analytics: Omit<CohortAnalytics, 'roster'>;
	money: MoneyOutcomes;
	labels: ChartLabels;
}

const KEY = 'dashboard';

function madeBy(): string {
	return `${version}|${new Date().getTimezoneOffset()}`;
}

export function sameBasis(a: StoreBasis, b: StoreBasis): boolean {
	return (
		a.attempts === b.attempts &&
		a.steps === b.steps &&
		a.lastLocal === b.lastLocal &&
		a.profiles === b.profiles &&
		a.scenarios === b.scenarios
	);
}

/**
 * The kept view, with the state of the database it holds for, if the database is still in that
 * state (null otherwise, or on any failure).
 */
export async function keptDashboard(store: Store): Promise<{ view: DashboardView; basis: StoreBasis } | null> {
	try {
		const { basis, kept } = await store.readView(KEY);
		if (!kept || !sameBasis(kept.basis, basis)) return null;
		const view = kept.view as DashboardView | null;
		return view && view.madeBy === madeBy() ? { view, basis } : null;
	} catch {
		return null; // the records are read next anyway: a view that cannot be read is only slower
	}
}

/** The view of the whole cohort from every record (`analytics`: the unfiltered ones, if already worked out). */
export function dashboardView(
	records: readonly AttemptRecord[],
	labels: ChartLabels,
	unknownScenario: number,
	analytics: CohortAnalytics = analyseCohort(records)
): DashboardView {
	const { roster: _roster, ...charts } = analytics;
	return {
		madeBy: madeBy(),
		total: records.length,
		unknownScenario,
		cohorts: cohortsOf(records),
		analytics: charts,
		money: moneyAndOutcomes(records),
		labels
	};
}

/** Keeps the view for the next visit. It never rejects: a view not kept only makes the next visit slower. */
export function keepDashboard(store: Store, basis: StoreBasis, view: DashboardView): Promise<void> {
	return store.keepView({ key: KEY, basis, view }).catch(() => undefined);
}
