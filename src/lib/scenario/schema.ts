/**
 * The scenario format: one zod schema, used by the build-time check, the tests and the trainer's
 * import at run time. `static/scenario.schema.json` is generated from it (`npm run schema`).
 * Cross-references (a `next` that names a beat, a clue that names a detail…) are checked in
 * `validate.ts`, which also turns every problem into a sentence a trainer can act on.
 */
import { z } from 'zod';
import { AUDIENCES, CHANNELS, CITATIONS, COMPETENCIES, ITEM_KINDS, OUTCOMES, SCAM_TYPES, VERDICTS } from './vocabulary';

/** The words of the format, for code that validates or generates documents. */
export * from './vocabulary';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, like "call-110"');
const varName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be letters and digits, like "amount"');
/** Control characters (other than tab and newline) and bidi overrides can hide or reorder text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const nonEmpty = z
	.string()
	.trim()
	.min(1, 'is empty')
	.max(4000, 'is longer than 4,000 characters')
	.refine((s) => !INVISIBLE.test(s), 'contains invisible control or text-direction characters');

/** Every string a trainee sees exists in both languages. */
export const text = z.strictObject({ zh: nonEmpty, en: nonEmpty });
export type Text = z.infer<typeof text>;

/** A number of simulated seconds, fixed or drawn from a range by the attempt's seed. */
const seconds = z.union([
	z.number().int().min(0),
	z.strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
]);
export type Seconds = z.infer<typeof seconds>;

const variable = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('name'),
		gender: z.enum(['f', 'm']),
		/** Family name only, with a title ("王阿姨" / "Mrs Wang") in a separate variable if needed. */
		style: z.enum(['full', 'company']).default('full')
	}),
	z.strictObject({
		kind: z.literal('amount'),
		min: z.number().positive(),
		max: z.number().positive(),
		step: z.number().positive().default(1000)
	}),
	z.strictObject({
		kind: z.literal('digits'),
		/** `#` is replaced by a random digit: "6217 0012 #### #### ###". */
		pattern: z.string().regex(/#/, 'needs at least one # to replace by a digit')
	}),
	z.strictObject({ kind: z.literal('int'), min: z.number().int(), max: z.number().int() }),
	z.strictObject({ kind: z.literal('pick'), options: z.array(text).min(2, 'needs at least two options') })
]);
export type VariableSpec = z.infer<typeof variable>;

export const condition = z.strictObject({
	/** Every fact listed has been set. */
	all: z.array(id).optional(),
	/** At least one fact listed has been set. */
	any: z.array(id).optional(),
	/** No fact listed has been set. */
	none: z.array(id).optional(),
	/** The customer's trust is below this value. */
	trustBelow: z.number().int().optional(),
	/** The customer's trust is at least this value. */
	trustAtLeast: z.number().int().optional(),
	/** For timers: the story is at one of these beats. */
	beats: z.array(id).optional()
});
export type Condition = z.infer<typeof condition>;

const points = z.partialRecord(z.enum(COMPETENCIES), z.number().int().min(-10).max(10));

export const effects = z.strictObject({
	points: points.optional(),
	/** Change of the customer's trust in the trainee (negative: irritated, offended). */
	trust: z.number().int().min(-5).max(5).optional(),
	/** Facts this establishes (guards of later actions and timers read them). */
	set: z.array(id).optional(),
	/** Share of the money still at risk that is now safe / now gone. */
	protect: z.number().min(0).max(1).optional(),
	lose: z.number().min(0).max(1).optional()
});
export type Effects = z.infer<typeof effects>;

export const item = z.strictObject({
	/** Unique in the scenario; red flags point at it and the trainee marks it. */
	id,
	channel: z.enum(CHANNELS),
	kind: z.enum(ITEM_KINDS),
	/** A cast id, or "system" for the bank's own system. */
	from: id.optional(),
	/** Which conversation, form or document on the channel ("transfer-form", "mgmt-group"). */
	thread: id.optional(),
	/** A field or row label, an e-mail subject, a caller ID line. */
	label: text.optional(),
	text
});
export type Item = z.infer<typeof item>;

export const action = z.strictObject({
	id,
	label: text,
	/** Simulated seconds the action takes (talking, typing, waiting on the line). */
	seconds: z.number().int().min(0).max(3600).default(30),
	when: condition.optional(),
	/** What appears right away as the answer to this action. */
	reply: z.array(item).default([]),
	effects: effects.default({}),
	/** The next beat or ending; omitted: stay at this beat (the action is then used up). */
	next: id.optional(),
	verdict: z.enum(VERDICTS),
	/** Why the choice was good or bad: shown in the debrief (and at once in practice mode). */
	feedback: text,
	cite: z.array(z.enum(CITATIONS)).default([]),
	/** What a trainee who simply does what the customer asks would pick here (the "never intervene" strategy). */
	naive: z.boolean().default(false),
	/**
	 * What a trainee who treats everyone as a suspect would pick here: refuse, report, call the
	 * police at the first chance (the "most cautious" strategy the check replays).
	 */
	cautious: z.boolean().default(false),
	/**
	 * Options are shown in an order drawn from the attempt's seed; `first` or `last` keeps this one
	 * at the top or the bottom where the order itself matters.
	 */
	pin: z.enum(['first', 'last']).optional()
});
export type Action = z.infer<typeof action>;

const timeout = z.strictObject({
	/** Seconds after the beat was entered. */
	after: seconds,
	when: condition.optional(),
	items: z.array(item).default([]),
	effects: effects.default({}),
	next: id.optional()
});

export const beat = z.strictObject({
	id,
	/** Short name for timelines and the debrief. */
	title: text,
	/** Which channel has the trainee's attention when the beat starts. */
	focus: z.enum(CHANNELS),
	items: z.array(item).default([]),
	/** The question put to the trainee ("What do you say?"). */
	prompt: text,
	/** Practice mode only. */
	hint: text.optional(),
	actions: z.array(action).min(1, 'needs at least one action'),
	timeout: timeout.optional()
});
export type Beat = z.infer<typeof beat>;

export const timer = z.strictObject({
	id,
	/** Seconds since the start of the attempt. */
	at: seconds,
	when: condition.optional(),
	items: z.array(item).default([]),
	effects: effects.default({}),
	next: id.optional(),
	/** Shown on the timeline ("the money moves to a second-layer account"). */
	label: text
});
export type Timer = z.infer<typeof timer>;

export const clue = z.strictObject({
	id,
	/** red-flag: marking it scores; reassuring / decoy: looks odd or reassures, marking it costs. */
	kind: z.enum(['red-flag', 'reassuring', 'decoy']),
	/** Items that show it; marking any one of them finds the clue. */
	items: z.array(id).min(1, 'must point at one or more items'),
	label: text,
	explanation: text,
	points: z.number().int().min(1).max(5).default(2)
});
export type Clue = z.infer<typeof clue>;

export const milestone = z.strictObject({
	id,
	/** The fact that marks the milestone ("police-called"). */
	fact: id,
	/** Simulated seconds from the start within which it earns its timeliness points. */
	within: z.number().int().positive(),
	points: z.number().int().min(1).max(10),
	label: text
});
export type Milestone = z.infer<typeof milestone>;

export const ending = z.strictObject({
	id,
	outcome: z.enum(OUTCOMES),
	title: text,
	summary: text,
	/** What happens to the money still at risk when the story ends here. */
	money: z.enum(['protected', 'lost']).default('protected'),
	effects: effects.default({}),
	cite: z.array(z.enum(CITATIONS)).default([])
});
export type Ending = z.infer<typeof ending>;

export const castMember = z.strictObject({
	id,
	role: text,
	/** A variable of kind "name", or a fixed name. */
	name: z.union([varName, text]),
	age: z.number().int().min(16).max(100).optional(),
	/**
	 * Who they really are (a fraudster, a mule, an honest colleague): shown only in the debrief and
	 * to trainers. `role` and `description` say what the trainee can know while playing.
	 */
	truth: text.optional(),
	/** Drawn portrait, never a photo. */
	avatar: z.enum([
		'elderly-woman',
		'elderly-man',
		'woman',
		'man',
		'young-woman',
		'young-man',
		'official',
		'boss',
		'colleague',
		'system'
	]),
	description: text
});
export type CastMember = z.infer<typeof castMember>;

/** A conversation, form or document on a channel: a chat group, an e-mail thread, a transfer form. */
export const thread = z.strictObject({
	id,
	channel: z.enum(CHANNELS),
	title: text,
	/** A second line: "5 members", a caller's number, a form's reference. */
	subtitle: text.optional(),
	/** Cast ids of the people in a chat group. */
	members: z.array(id).default([])
});
export type Thread = z.infer<typeof thread>;

export const provenance = z.strictObject({
	/** Published cases, statistics or rules the story draws on, each with where it was published. */
	sources: z.array(text).min(1, 'name at least one source'),
	/** Sections of the domain brief (../shared/domain/BRIEF.md) the story follows. */
	brief: z.array(z.string().min(1)).default([]),
	/** What is invented: names, amounts, places, the order of events. */
	invented: text
});
export type Provenance = z.output<typeof provenance>;

export const meta = z.strictObject({
	/** The scenario's real name ("Fake police and the 'safe account'"): practice mode, debrief, trainers. */
	title: text,
	/** What the scenario really is and trains: practice mode, debrief, trainers. */
	summary: text,
	/**
	 * A neutral title and summary that say what the trainee walks into, never whether the customer
	 * is honest or which scam it is ("Window 3: a pensioner wants to break a fixed deposit"). Shown
	 * on the library card, and instead of the title and summary throughout an assessment attempt.
	 */
	situation: z.strictObject({ title: text, summary: text }).optional(),
	/**
	 * What the trainee is told before the first beat: where they are, what their role is, what is
	 * in front of them. Never the procedure or the verdict: those belong in hints and the debrief.
	 */
	briefing: text,
	/**
	 * Where the story comes from, for trainers: the published cases and figures it draws on, the
	 * brief's sections, and what is invented. Shown on the trainer's library and in the debrief.
	 */
	provenance: provenance.optional(),
	audience: z.enum(AUDIENCES),
	scamType: z.enum(SCAM_TYPES),
	difficulty: z.enum(['basic', 'intermediate', 'advanced']),
	minutes: z.number().int().min(1).max(120),
	objectives: z.array(text).min(1, 'needs at least one learning objective'),
	/** Percentage of the achievable score needed to pass (with a good ending). */
	passMark: z.number().int().min(1).max(100).default(70),
	/** Time of day when the story starts, for clocks and message timestamps. */
	clockStart: z
		.string()
		.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time of day like "09:30"')
		.default('09:30')
});

export const scenarioSchema = z.strictObject({
	$schema: z.string().optional(),
	id,
	version: z.number().int().min(1),
	meta,
	variables: z.record(varName, variable).default({}),
	/** The variable (of kind "amount") holding the money at risk; none for honest customers. */
	moneyAtRisk: varName.optional(),
	/** The customer's trust at the start (0 = neutral). */
	trust: z.number().int().min(-5).max(5).default(0),
	cast: z.array(castMember).min(1, 'needs at least one person'),
	threads: z.array(thread).default([]),
	start: id,
	beats: z.array(beat).min(1, 'needs at least one beat'),
	timers: z.array(timer).default([]),
	clues: z.array(clue).default([]),
	milestones: z.array(milestone).default([]),
	endings: z.array(ending).min(1, 'needs at least one ending')
});

/** A scenario after validation, with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as an author writes it. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

export function scenarioJsonSchema(): object {
	return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
