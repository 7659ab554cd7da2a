/**
 * The results file: profiles, attempts and their event logs, enough for any PC to replay and
 * verify every attempt. The schema is strict (unknown fields, odd ids, over-long text and
 * non-finite numbers are refused), because the file comes from outside.
 */
import { z } from 'zod';
import { OUTCOMES } from '../scenario/vocabulary';
import { CURRENT_RULES } from '../attempt/rules';
import { FORMAT, FORMAT_VERSION, LIMITS } from './format';

export * from './format';

/** Ids made on a PC (UUIDs) or by an author (kebab-case): no spaces, quotes or markup. */
const ref = z
	.string()
	.max(LIMITS.id)
	.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'must be letters, digits, "-", "_", "." or ":"');
// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const plain = (max: number) => z.string().max(max).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');
const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** Epoch milliseconds (up to the largest date JavaScript can show). */
const epochMs = int(0, 8.64e15);
const hash = z
	.string()
	.max(LIMITS.hash)
	.regex(/^[0-9a-f]*$/, 'must be lower-case hexadecimal');

const summary = z.strictObject({
	overall: int(0, 100),
	passed: z.boolean(),
	outcome: z.enum(OUTCOMES).nullable(),
	ending: ref.nullable()
});

export const attemptEventSchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('trainee.choose'), action: ref }),
	z.strictObject({ type: z.literal('trainee.flag'), item: ref }),
	z.strictObject({ type: z.literal('trainee.unflag'), item: ref }),
	z.strictObject({
		type: z.literal('clock.tick'),
		seconds: int(0, LIMITS.tickSeconds)
	})
]);

const profile = z.strictObject({
	id: ref,
	name: plain(LIMITS.name).min(1),
	employeeNo: plain(LIMITS.employeeNo),
	branch: plain(LIMITS.branch),
	cohort: plain(LIMITS.cohort),
	createdAt: epochMs
});

const attempt = z.strictObject({
	id: ref,
	profileId: ref,
	scenarioId: ref,
	scenarioVersion: int(1, 1_000_000),
	scenarioHash: hash,
	seed: int(0, 0xffff_ffff),
	/** Absent: played under rules 1, before rules were recorded. */
	rules: int(1, CURRENT_RULES).optional(),
	mode: z.enum(['practice', 'assessment']),
	status: z.enum(['active', 'finished']),
	startedAt: epochMs,
	updatedAt: epochMs,
	summary: summary.nullable()
});

const eventRow = z.strictObject({
	attemptId: ref,
	seq: int(0, LIMITS.events),
	event: attemptEventSchema,
	at: epochMs
});

const scenarioRow = z.strictObject({
	id: ref,
	version: int(1, 1_000_000),
	hash,
	doc: z.record(z.string(), z.unknown()),
	importedAt: epochMs
});

const scope = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('trainee'), value: ref }),
	z.strictObject({
		kind: z.literal('cohort'),
		value: plain(LIMITS.cohort).min(1)
	}),
	z.strictObject({ kind: z.literal('all') }),
	z.strictObject({ kind: z.literal('backup') })
]);

export const bundleSchema = z.strictObject({
	format: z.literal(FORMAT),
	formatVersion: z.literal(FORMAT_VERSION),
	appVersion: plain(LIMITS.appVersion),
	exportedAt: z.iso.datetime(),
	scope,
	profiles: z.array(profile).max(LIMITS.profiles),
	attempts: z.array(attempt).max(LIMITS.attempts),
	events: z.array(eventRow).max(LIMITS.events),
	scenarios: z.array(scenarioRow).max(LIMITS.scenarios).optional()
});
