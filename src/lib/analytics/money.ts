/**
 * Money and outcomes: how much money the cohort kept from fraudsters and how much it let go, per
 * cohort, branch and scenario, and how its attempts ended. Pure functions of attempt records.
 *
 * Where the amounts come from: each scam scenario names the variable holding the money at risk
 * (`moneyAtRisk`, a seeded amount); choices and timers move shares of what is still at risk to
 * "protected" or "lost", and the ending settles the rest (`ending.money`). Replaying the log gives
 * each attempt's `moneyProtected` and `moneyLost` (`records.ts`), which this module only adds up.
 * "At stake" is their sum: the money a finished scam attempt put on the counter. Attempts with an
 * honest customer have no money at risk; they count in the outcome shares, not in the sums.
 * Unfinished attempts count nowhere (their money is still moving).
 */
import { OUTCOMES, type Outcome } from '../scenario/vocabulary';
import { selectRecords, type CohortFilter } from './cohort';
import type { AttemptRecord } from './records';

export interface MoneyRow {
	/** Scenario id, branch name, or null for the whole selection. */
	key: string | null;
	/** Finished attempts. */
	attempts: number;
	/** Of those, attempts on a scam scenario (money at risk). */
	scamAttempts: number;
	/** Yuan kept from the fraudsters. */
	protected: number;
	/** Yuan gone to the fraudsters. */
	lost: number;
	/** protected + lost. */
	atStake: number;
	/** protected / atStake, or null with nothing at stake. */
	protectedShare: number | null;
	/** Attempts per ending kind. */
	outcomes: Record<Outcome, number>;
}

export interface MoneyOutcomes {
	total: MoneyRow;
	/** Sorted by id. */
	byScenario: MoneyRow[];
	/** Sorted by money lost (most first), then name: where to look first. */
	byBranch: MoneyRow[];
}

/** The ending kinds in the order a trainer reads them: the scam endings, then the honest ones. */
export const OUTCOME_ORDER: readonly Outcome[] = [
	'fraud-stopped',
	'customer-decided',
	'partial-loss',
	'money-lost',
	'honest-served',
	'honest-refused',
	'complaint'
];

function moneyRow(key: string | null, list: readonly AttemptRecord[]): MoneyRow {
	const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
	let prot = 0;
	let lost = 0;
	let scamAttempts = 0;
	for (const r of list) {
		if (r.outcome) outcomes[r.outcome]++;
		if (r.scamType !== 'legitimate') scamAttempts++;
		prot += r.moneyProtected;
		lost += r.moneyLost;
	}
	const atStake = prot + lost;
	return {
		key,
		attempts: list.length,
		scamAttempts,
		protected: prot,
		lost,
		atStake,
		protectedShare: atStake > 0 ? prot / atStake : null,
		outcomes
	};
}

function grouped(list: readonly AttemptRecord[], key: (r: AttemptRecord) => string): Map<string, AttemptRecord[]> {
	const groups = new Map<string, AttemptRecord[]>();
	for (const r of list) {
		const k = key(r);
		const g = groups.get(k);
		if (g) g.push(r);
		else groups.set(k, [r]);
	}
	return groups;
}

const byText = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

export function moneyAndOutcomes(records: readonly AttemptRecord[], filter: CohortFilter = {}): MoneyOutcomes {
	const selected = selectRecords(records, filter);
	return {
		total: moneyRow(null, selected),
		byScenario: [...grouped(selected, (r) => r.scenarioId)]
			.map(([k, list]) => moneyRow(k, list))
			.sort((a, b) => byText(a.key, b.key)),
		byBranch: [...grouped(selected, (r) => r.branch)]
			.map(([k, list]) => moneyRow(k, list))
			.sort((a, b) => b.lost - a.lost || byText(a.key, b.key))
	};
}

/** Each ending kind's share of a row's finished attempts (null with none). */
export function outcomeShares(row: MoneyRow): Record<Outcome, number | null> {
	return Object.fromEntries(
		OUTCOMES.map((o) => [o, row.attempts ? row.outcomes[o] / row.attempts : null])
	) as Record<Outcome, number | null>;
}
