import { describe, expect, it } from 'vitest';
import { assignmentStatus, assignmentStatuses, checkDueDate, isDay } from './assignments';
import { record } from './test-records';

/** Days as UTC dates, so that the test does not depend on the machine's time zone. */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (day: number) => Date.UTC(2025, 2, day, 2);

describe('due dates as entered', () => {
	it('knows a real calendar day', () => {
		expect(isDay('2025-03-10')).toBe(true);
		expect(isDay('2024-02-29')).toBe(true);
		expect(isDay('2025-02-29')).toBe(false);
		expect(isDay('2025-13-01')).toBe(false);
		expect(isDay('10/03/2025')).toBe(false);
		expect(isDay('')).toBe(false);
	});

	it('accepts none, today and later; refuses a past or invalid date', () => {
		expect(checkDueDate('', '2025-03-05')).toEqual({ ok: true, value: null });
		expect(checkDueDate(' 2025-03-05 ', '2025-03-05')).toEqual({ ok: true, value: '2025-03-05' });
		expect(checkDueDate('2025-04-01', '2025-03-05')).toEqual({ ok: true, value: '2025-04-01' });
		expect(checkDueDate('2025-03-04', '2025-03-05')).toEqual({ ok: false, problem: 'past' });
		expect(checkDueDate('2025-02-30', '2025-03-05')).toEqual({ ok: false, problem: 'invalid' });
		expect(checkDueDate('next week', '2025-03-05')).toEqual({ ok: false, problem: 'invalid' });
	});

	it('keeps a past date the cohort already had', () => {
		expect(checkDueDate('2025-03-01', '2025-03-05', '2025-03-01')).toEqual({ ok: true, value: '2025-03-01' });
	});
});

describe('assignment status', () => {
	const assigned = ['a', 'b'];
	const records = [
		// t1 passes both by the 5th.
		record({ attemptId: '1', traineeId: 't1', scenarioId: 'a', passed: true, startedAt: at(3) }),
		record({ attemptId: '2', traineeId: 't1', scenarioId: 'b', passed: true, startedAt: at(5) }),
		// t2 fails b, passes a; a practice pass of an unassigned scenario does not count.
		record({ attemptId: '3', traineeId: 't2', scenarioId: 'a', passed: true, startedAt: at(4), mode: 'practice' }),
		record({ attemptId: '4', traineeId: 't2', scenarioId: 'b', passed: false, startedAt: at(4) }),
		record({ attemptId: '5', traineeId: 't2', scenarioId: 'c', passed: true, startedAt: at(4) }),
		// t3 passes b only on the 7th, after failing it on the 4th; an unfinished "pass" does not count.
		record({ attemptId: '6', traineeId: 't3', scenarioId: 'a', passed: true, startedAt: at(2) }),
		record({ attemptId: '7', traineeId: 't3', scenarioId: 'b', passed: false, startedAt: at(4) }),
		record({ attemptId: '8', traineeId: 't3', scenarioId: 'b', passed: true, startedAt: at(7) }),
		record({ attemptId: '9', traineeId: 't4', scenarioId: 'a', passed: true, finished: false, startedAt: at(2) })
	];
	const status = (id: string, due: string | null, today: string) => assignmentStatus(id, records, assigned, due, today, utcDay);

	it('done on time, overdue, done late', () => {
		expect(status('t1', '2025-03-05', '2025-03-08')).toMatchObject({ state: 'done', done: 2, missing: [], lateScenarios: [] });
		expect(status('t2', '2025-03-05', '2025-03-08')).toMatchObject({ state: 'overdue', done: 1, missing: ['b'] });
		expect(status('t3', '2025-03-05', '2025-03-08')).toMatchObject({ state: 'late', done: 2, lateScenarios: ['b'] });
		expect(status('t4', '2025-03-05', '2025-03-08')).toMatchObject({ state: 'overdue', done: 0, missing: ['a', 'b'] });
	});

	it('is open up to and including the due day, and without a due date', () => {
		expect(status('t2', '2025-03-05', '2025-03-05').state).toBe('open');
		expect(status('t2', '2025-03-05', '2025-03-06').state).toBe('overdue');
		expect(status('t2', null, '2030-01-01').state).toBe('open');
		expect(status('t3', null, '2030-01-01')).toMatchObject({ state: 'done', lateScenarios: [] });
	});

	it('for a whole roster, including a trainee who has played nothing', () => {
		const all = assignmentStatuses(['t1', 't2', 't5'], records, assigned, '2025-03-05', '2025-03-08', utcDay);
		expect([...all].map(([id, s]) => [id, s.state, s.done])).toEqual([
			['t1', 'done', 2],
			['t2', 'overdue', 1],
			['t5', 'overdue', 0]
		]);
	});
});
