/**
 * Assignments with a due date: a cohort's scenarios (often a curriculum track) to pass by a local
 * calendar day. Pure functions; days are "YYYY-MM-DD" in the trainer's time zone, as the app's
 * other dates (`localDay`).
 *
 * Definitions (the help text on the pages says the same):
 * - An assigned scenario is done when the trainee has a finished attempt there that passed, in
 *   either mode (practice passes count: the assignment asks for the skill, an assessment is a
 *   separate decision of the trainer). It was done on the local day that attempt started.
 * - A trainee is **overdue** when the due date is behind us (today is after it) and at least one
 *   assigned scenario is not done; **done late** when all are done but one only after the due
 *   date; **done** when all were done by the due date; **open** while the due date is today or
 *   later and something is still to do. Without a due date nobody is overdue or late.
 */
import { localDay } from './cohort';
import type { AttemptRecord } from './records';

export type DueDateProblem = 'invalid' | 'past';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar day "YYYY-MM-DD" (no 2025-02-30). */
export function isDay(text: string): boolean {
	const m = DAY.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return y >= 2000 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A due date as the trainer enters it: empty for none; otherwise a real day, not before today.
 * A date kept unchanged on an existing cohort is accepted even once it has passed (the trainer is
 * editing something else; the cohort stays overdue).
 */
export function checkDueDate(
	input: string,
	today: string,
	unchanged: string | null = null
): { ok: true; value: string | null } | { ok: false; problem: DueDateProblem } {
	const text = input.trim();
	if (!text) return { ok: true, value: null };
	if (!isDay(text)) return { ok: false, problem: 'invalid' };
	if (text < today && text !== unchanged) return { ok: false, problem: 'past' };
	return { ok: true, value: text };
}

export type AssignmentState = 'done' | 'late' | 'overdue' | 'open';

export interface AssignmentStatus {
	traineeId: string;
	assigned: number;
	/** Assigned scenarios passed (at any time). */
	done: number;
	/** Assigned scenarios not passed yet, in the assignment's order. */
	missing: string[];
	/** Passed only after the due date. */
	lateScenarios: string[];
	state: AssignmentState;
}

/**
 * One trainee's standing on an assignment. `records`: their attempts (others are ignored);
 * `today` and the due date are local days.
 */
export function assignmentStatus(
	traineeId: string,
	records: readonly AttemptRecord[],
	scenarioIds: readonly string[],
	dueDate: string | null,
	today: string,
	dayOf: (ms: number) => string = localDay
): AssignmentStatus {
	const firstPass = new Map<string, string>();
	for (const r of records) {
		if (r.traineeId !== traineeId || !r.finished || !r.passed) continue;
		const day = dayOf(r.startedAt);
		const seen = firstPass.get(r.scenarioId);
		if (!seen || day < seen) firstPass.set(r.scenarioId, day);
	}
	const missing = scenarioIds.filter((id) => !firstPass.has(id));
	const lateScenarios = dueDate ? scenarioIds.filter((id) => (firstPass.get(id) ?? '') > dueDate) : [];
	const state: AssignmentState = missing.length
		? dueDate && today > dueDate
			? 'overdue'
			: 'open'
		: lateScenarios.length
			? 'late'
			: 'done';
	return { traineeId, assigned: scenarioIds.length, done: scenarioIds.length - missing.length, missing, lateScenarios, state };
}

/** Every listed trainee's standing, in one pass over the records. */
export function assignmentStatuses(
	traineeIds: readonly string[],
	records: readonly AttemptRecord[],
	scenarioIds: readonly string[],
	dueDate: string | null,
	today: string,
	dayOf: (ms: number) => string = localDay
): Map<string, AssignmentStatus> {
	const wanted = new Set(scenarioIds);
	const byTrainee = new Map<string, AttemptRecord[]>(traineeIds.map((id) => [id, []]));
	for (const r of records) if (wanted.has(r.scenarioId)) byTrainee.get(r.traineeId)?.push(r);
	return new Map(
		[...byTrainee].map(([id, list]) => [id, assignmentStatus(id, list, scenarioIds, dueDate, today, dayOf)])
	);
}
