/**
 * The generated cohort (tests/fixtures/cohort.ts) is what a real one would be: every attempt's
 * stored events replay, through the compiled machine, to its stored summary.
 */
import { describe, expect, it } from 'vitest';
import { generateCohort } from '../fixtures/cohort';
import { allScenarios } from './scenario-files';
import { scoringFacts } from '$lib/scenario/analyse';
import { replay } from '$lib/attempt/replay';
import { scoreAttempt } from '$lib/attempt/score';
import { deriveRecord } from '$lib/analytics/records';
import { analyseCohort } from '$lib/analytics/cohort';
import type { EventRow } from '$lib/storage/db';

const wanted = ['mini', 'fake-refund-screen-share', 'otp-code-at-counter'];
const scenarios = allScenarios()
	.map((s) => s.scenario)
	.filter((s) => wanted.includes(s.id));
const facts = Object.fromEntries(scenarios.map((s) => [s.id, scoringFacts(s)]));
const options = { trainees: 12, scenarios, seed: 2025, facts };
const cohort = generateCohort(options);

const eventsByAttempt = new Map<string, EventRow[]>();
for (const e of cohort.events) {
	const list = eventsByAttempt.get(e.attemptId) ?? [];
	list.push(e);
	eventsByAttempt.set(e.attemptId, list);
}

describe('generateCohort', () => {
	it('is reproducible from its seed, and another seed gives another cohort', () => {
		expect(scenarios.map((s) => s.id).sort()).toEqual([...wanted].sort());
		expect(generateCohort(options)).toEqual(cohort);
		const other = generateCohort({ ...options, seed: 2026 });
		expect(other.attempts.map((a) => a.seed)).not.toEqual(cohort.attempts.map((a) => a.seed));
	});

	it('gives unique ids and employee numbers, and every trainee plays every scenario', () => {
		const unique = (values: string[]) => new Set(values).size === values.length;
		expect(cohort.profiles).toHaveLength(12);
		expect(unique(cohort.profiles.map((p) => p.id))).toBe(true);
		expect(unique(cohort.profiles.map((p) => p.employeeNo))).toBe(true);
		expect(unique(cohort.attempts.map((a) => a.id))).toBe(true);
		expect(unique(cohort.events.map((e) => `${e.attemptId}/${e.seq}`))).toBe(true);
		for (const id of [...cohort.profiles.map((p) => p.id), ...cohort.attempts.map((a) => a.id)])
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		const profileIds = new Set(cohort.profiles.map((p) => p.id));
		expect(cohort.attempts.every((a) => profileIds.has(a.profileId))).toBe(true);
		const pairs = new Set(cohort.attempts.map((a) => `${a.profileId}/${a.scenarioId}`));
		expect(pairs.size).toBe(12 * scenarios.length);
		expect(cohort.profiles.every((p) => /\p{Script=Han}/u.test(p.name) && p.branch && p.cohort)).toBe(true);
	});

	it('stores each log in order, timestamped inside its attempt, with ticks the play page would log', () => {
		for (const attempt of cohort.attempts) {
			const rows = eventsByAttempt.get(attempt.id) ?? [];
			expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i));
			rows.forEach((r, i) => {
				expect(r.at).toBeGreaterThanOrEqual(i ? rows[i - 1]!.at : attempt.startedAt);
				expect(r.at).toBeLessThanOrEqual(attempt.updatedAt);
				if (r.event.type === 'clock.tick') {
					expect(r.event.seconds).toBeGreaterThanOrEqual(1);
					expect(r.event.seconds).toBeLessThanOrEqual(15);
				}
			});
		}
		const types = new Set(cohort.events.map((e) => e.event.type));
		expect([...types].sort()).toEqual(expect.arrayContaining(['clock.tick', 'trainee.choose', 'trainee.flag']));
	});

	it('ends every attempt, and its events replay through the machine to its stored summary', () => {
		const byId = new Map(scenarios.map((s) => [s.id, s]));
		for (const attempt of cohort.attempts) {
			const scenario = byId.get(attempt.scenarioId)!;
			const events = (eventsByAttempt.get(attempt.id) ?? []).map((r) => r.event);
			const replayed = replay(scenario, attempt.seed, events);
			expect(replayed.snapshot.status, attempt.id).toBe('done');
			expect(replayed.applied, `${attempt.id}: every stored event is accepted`).toBe(events.length);
			const score = scoreAttempt(scenario, replayed.snapshot.context, facts[scenario.id]!.maxPoints);
			expect(attempt.status).toBe('finished');
			expect(attempt.summary).toEqual({
				overall: score.overall,
				passed: score.passed,
				outcome: score.outcome,
				ending: score.ending
			});
		}
	});

	it('derives records that agree with the stored summaries, and a cohort worth charting', () => {
		const byId = new Map(scenarios.map((s) => [s.id, s]));
		const profiles = new Map(cohort.profiles.map((p) => [p.id, p]));
		const records = cohort.attempts.map((a) =>
			deriveRecord(byId.get(a.scenarioId)!, facts[a.scenarioId]!, profiles.get(a.profileId)!, a, eventsByAttempt.get(a.id) ?? [])
		);
		expect(records.every((r) => r.summaryAgrees === true && r.ignoredEvents === 0 && r.finished)).toBe(true);
		// A mix of good and naive play: passes and failures, red flags found and missed.
		const passes = records.filter((r) => r.passed).length;
		expect(passes).toBeGreaterThan(0);
		expect(passes).toBeLessThan(records.length);
		const flags = records.flatMap((r) => r.redFlags).filter((f) => f.shown);
		expect(flags.some((f) => f.found && f.timeToMark! > 0)).toBe(true);
		expect(flags.some((f) => !f.found)).toBe(true);
		expect(new Set(records.map((r) => r.outcome)).size).toBeGreaterThan(1);
		const dashboard = analyseCohort(records);
		expect(dashboard.summary.attempts).toBe(cohort.attempts.length);
		expect(dashboard.summary.trainees).toBe(12);
		expect(dashboard.interventions.some((d) => d.values.length > 0)).toBe(true);
	});

	it('honours the mode share and retries', () => {
		const practice = generateCohort({ ...options, trainees: 3, practice: 1, retries: 0 });
		expect(practice.attempts.every((a) => a.mode === 'practice')).toBe(true);
		expect(practice.attempts).toHaveLength(3 * scenarios.length);
		const retried = generateCohort({ ...options, trainees: 3, retries: 1 });
		expect(retried.attempts).toHaveLength(2 * 3 * scenarios.length);
	});
});
