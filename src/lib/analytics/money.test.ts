import { describe, expect, it } from 'vitest';
import { moneyAndOutcomes, outcomeShares } from './money';
import { record } from './test-records';

// A cohort with known answers: two branches, a scam scenario, a second scam, an honest customer.
const records = [
	record({ attemptId: 'r1', traineeId: 't1', branch: '城东支行', scenarioId: 'police', moneyProtected: 300_000, outcome: 'fraud-stopped' }),
	record({ attemptId: 'r2', traineeId: 't2', branch: '城西支行', scenarioId: 'police', moneyLost: 300_000, outcome: 'money-lost' }),
	record({
		attemptId: 'r3',
		traineeId: 't2',
		branch: '城西支行',
		scenarioId: 'invest',
		scamType: 'investment',
		moneyProtected: 50_000,
		moneyLost: 150_000,
		outcome: 'partial-loss'
	}),
	record({ attemptId: 'r4', traineeId: 't1', branch: '城东支行', scenarioId: 'honest', scamType: 'legitimate', outcome: 'honest-served' }),
	record({ attemptId: 'r5', traineeId: 't2', branch: '城西支行', scenarioId: 'honest', scamType: 'legitimate', outcome: 'complaint', mode: 'practice' }),
	// Unfinished: counts nowhere.
	record({ attemptId: 'r6', traineeId: 't1', scenarioId: 'police', finished: false, outcome: null, moneyLost: 999 }),
	// Another cohort.
	record({ attemptId: 'r7', traineeId: 't9', cohort: 'B', scenarioId: 'police', moneyProtected: 80_000, outcome: 'customer-decided' })
];

describe('moneyAndOutcomes', () => {
	it('adds up the money protected and lost over the cohort', () => {
		const { total } = moneyAndOutcomes(records, { cohorts: ['A'] });
		expect(total).toMatchObject({ attempts: 5, scamAttempts: 3, protected: 350_000, lost: 450_000, atStake: 800_000 });
		expect(total.protectedShare).toBeCloseTo(350 / 800, 10);
		expect(total.outcomes).toEqual({
			'fraud-stopped': 1,
			'partial-loss': 1,
			'money-lost': 1,
			'honest-served': 1,
			'honest-refused': 0,
			complaint: 1,
			'customer-decided': 0
		});
	});

	it('per scenario, sorted by id; an honest scenario has nothing at stake', () => {
		const rows = moneyAndOutcomes(records, { cohorts: ['A'] }).byScenario;
		expect(rows.map((r) => [r.key, r.protected, r.lost, r.attempts])).toEqual([
			['honest', 0, 0, 2],
			['invest', 50_000, 150_000, 1],
			['police', 300_000, 300_000, 2]
		]);
		expect(rows[0]!.protectedShare).toBeNull();
		expect(rows[1]!.protectedShare).toBe(0.25);
	});

	it('per branch, most money lost first', () => {
		const rows = moneyAndOutcomes(records, { cohorts: ['A'] }).byBranch;
		expect(rows.map((r) => [r.key, r.protected, r.lost])).toEqual([
			['城西支行', 50_000, 450_000],
			['城东支行', 300_000, 0]
		]);
	});

	it('follows the filter (mode, cohort)', () => {
		expect(moneyAndOutcomes(records, { modes: ['practice'] }).total.outcomes.complaint).toBe(1);
		expect(moneyAndOutcomes(records, { modes: ['practice'] }).total.attempts).toBe(1);
		expect(moneyAndOutcomes(records).total).toMatchObject({ attempts: 6, protected: 430_000, lost: 450_000 });
		expect(moneyAndOutcomes(records).total.outcomes['customer-decided']).toBe(1);
	});

	it('gives outcome shares of the finished attempts', () => {
		const shares = outcomeShares(moneyAndOutcomes(records, { cohorts: ['A'] }).total);
		expect(shares['fraud-stopped']).toBe(0.2);
		expect(shares.complaint).toBe(0.2);
		expect(shares['honest-refused']).toBe(0);
		expect(outcomeShares(moneyAndOutcomes([]).total)['fraud-stopped']).toBeNull();
	});
});
