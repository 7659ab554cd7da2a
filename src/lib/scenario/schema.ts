/**
 * The scenario format: one zod schema, used by the build-time check, the tests and the trainer's
 * import at run time. `static/scenario.schema.json` is generated from it (`npm run schema`).
 * Cross-references (a `next` that names a beat, a clue that names a detail…) are checked in
 * `validate.ts`, which also turns every problem into a sentence a trainer can act on.
 */
import { z } from 'zod';
import {
	ARTIFACT_KINDS,
	AUDIENCES,
	CHANNELS,
	CITATIONS,
	COMPETENCIES,
	DETAIL_ROLES,
	ITEM_KINDS,
	OUTCOMES,
	SCAM_TYPES,
	VERDICTS
} from './vocabulary';

/** The words of the format, for code that validates or generates documents. */
export * from './vocabulary';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, like "call-110"');
const varName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be letters and digits, like "amount"');
/**
 * Characters that hide, reorder or fake text: controls (other than tab and newline), zero-width and
 * joiner characters, direction marks and overrides, invisible fillers and tag characters. A label
 * made of them would be an option the trainee cannot see; in the middle of a text they can make
 * it read differently from what the check saw.
 */
const INVISIBLE =
	// eslint-disable-next-line no-control-regex, no-misleading-character-class -- invisible, joining and control characters are the point
	/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufffb\u{e0000}-\u{e007f}\u{1d173}-\u{1d17a}]/u;

/** The problem with a string's characters, or null: names the first hidden character and where it is. */
export function invisibleCharacter(value: string): string | null {
	const m = INVISIBLE.exec(value);
	if (!m) return null;
	const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return `contains an invisible or text-direction character (U+${code}) at character ${[...value.slice(0, m.index)].length + 1}; delete it`;
}

const visible = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'is empty')
		.max(max, `is longer than ${max.toLocaleString('en')} characters`)
		.superRefine((value, ctx) => {
			const problem = invisibleCharacter(value);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		});
const nonEmpty = visible(4000);

/** A list of at most `max`: documents stay small enough to check and to play. */
const list = <T extends z.ZodType>(of: T, max: number, noun: string) =>
	z.array(of).max(max, `has more than ${max} ${noun}; a scenario can have at most ${max}`);

/** What the check says where a text in both languages is expected and something else is found. */
export const TEXT_EXPECTED = 'should be a text in both languages, {"zh": "…", "en": "…"}';

/** Every string a trainee sees exists in both languages. */
export const text = z.strictObject(
	{ zh: nonEmpty, en: nonEmpty },
	{ error: (issue) => (issue.code === 'invalid_type' ? TEXT_EXPECTED : undefined) }
);
export type Text = z.infer<typeof text>;

/** The longest simulated time anything can wait for: four hours (a scenario lasts minutes). */
export const MAX_SECONDS = 4 * 3600;
const second = (least: number) =>
	z
		.number()
		.int()
		.min(least, least ? `must be at least ${least} second` : 'cannot be negative')
		.max(MAX_SECONDS, `must be at most ${MAX_SECONDS} seconds (four hours)`);
/** A number of simulated seconds, fixed or drawn from a range by the attempt's seed. */
const secondsFrom = (least: number) =>
	z.union([second(least), z.strictObject({ min: second(least), max: second(least) })]);
const seconds = secondsFrom(0);
export type Seconds = z.infer<typeof seconds>;

const money = z
	.number()
	.int('must be whole yuan')
	.min(1, 'must be at least 1')
	.max(10_000_000_000, 'must be at most 10,000,000,000');
const smallInt = z
	.number()
	.int()
	.min(-1_000_000_000, 'must be at least -1,000,000,000')
	.max(1_000_000_000, 'must be at most 1,000,000,000');

const variable = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('name'),
		gender: z.enum(['f', 'm']),
		/** Family name only, with a title ("王阿姨" / "Mrs Wang") in a separate variable if needed. */
		style: z.enum(['full', 'company']).default('full')
	}),
	z.strictObject({
		kind: z.literal('amount'),
		/** Whole yuan, up to ¥10 billion. */
		min: money,
		max: money,
		step: money.default(1000)
	}),
	z.strictObject({
		kind: z.literal('digits'),
		/** `#` is replaced by a random digit: "6217 0012 #### #### ###". */
		pattern: visible(40).pipe(z.string().regex(/#/, 'needs at least one # to replace by a digit'))
	}),
	z.strictObject({ kind: z.literal('int'), min: smallInt, max: smallInt }),
	z.strictObject({
		kind: z.literal('pick'),
		options: z.array(text).min(2, 'needs at least two options').max(30, 'can have at most 30 options')
	})
]);
export type VariableSpec = z.infer<typeof variable>;

export const condition = z.strictObject({
	/** Every fact listed has been set. */
	all: list(id, 30, 'facts').optional(),
	/** At least one fact listed has been set. */
	any: list(id, 30, 'facts').optional(),
	/** No fact listed has been set. */
	none: list(id, 30, 'facts').optional(),
	/** The customer's trust is below this value. */
	trustBelow: z.number().int().min(-10).max(10).optional(),
	/** The customer's trust is at least this value. */
	trustAtLeast: z.number().int().min(-10).max(10).optional(),
	/** For timers: the story is at one of these beats. */
	beats: list(id, 120, 'beats').optional()
});
export type Condition = z.infer<typeof condition>;

const points = z.partialRecord(z.enum(COMPETENCIES), z.number().int().min(-10).max(10));

export const effects = z.strictObject({
	points: points.optional(),
	/** Change of the customer's trust in the trainee (negative: irritated, offended). */
	trust: z.number().int().min(-5).max(5).optional(),
	/** Facts this establishes (guards of later actions and timers read them). */
	set: list(id, 30, 'facts').optional(),
	/** Share of the money still at risk that is now safe / now gone. */
	protect: z.number().min(0).max(1).optional(),
	lose: z.number().min(0).max(1).optional()
});
export type Effects = z.infer<typeof effects>;

/** One detail of a drawn artifact: marked on its own, where it is drawn. */
export const detail = z.strictObject({
	/** Unique among the scenario's items and details; a clue points at it. */
	id,
	role: z.enum(DETAIL_ROLES).default('line'),
	/** The field's name ("案号", "From"), for `field` details and where a label helps. */
	label: text.optional(),
	text
});
export type Detail = z.infer<typeof detail>;

/**
 * A document, image or screen drawn as what it is: a kind (the frame) and its details, each of
 * which the trainee can mark. The item's `text` is its short description, read by screen readers.
 */
export const artifact = z.strictObject({
	kind: z.enum(ARTIFACT_KINDS),
	details: list(detail, 24, 'details in one artifact').min(1, 'needs at least one detail')
});
export type Artifact = z.infer<typeof artifact>;

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
	/** What is seen; for an artifact, its short description (the text alternative). */
	text,
	/** Drawn as a document, card, screen or note; its details are marked instead of the item. */
	artifact: artifact.optional()
});
export type Item = z.infer<typeof item>;

export const action = z.strictObject({
	id,
	label: text,
	/** Simulated seconds the action takes (talking, typing, waiting on the line). */
	seconds: z.number().int().min(0).max(3600).default(30),
	when: condition.optional(),
	/** What appears right away as the answer to this action. */
	reply: list(item, 60, 'items').default([]),
	effects: effects.default({}),
	/** The next beat or ending; omitted: stay at this beat (the action is then used up). */
	next: id.optional(),
	verdict: z.enum(VERDICTS),
	/** Why the choice was good or bad: shown in the debrief (and at once in practice mode). */
	feedback: text,
	cite: list(z.enum(CITATIONS), 10, 'citations').default([]),
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
	/** Seconds after the beat was entered; at least one, so that timeouts cannot chase each other in no time. */
	after: secondsFrom(1),
	when: condition.optional(),
	items: list(item, 60, 'items').default([]),
	effects: effects.default({}),
	next: id.optional()
});

export const beat = z.strictObject({
	id,
	/** Short name for timelines and the debrief. */
	title: text,
	/** Which channel has the trainee's attention when the beat starts. */
	focus: z.enum(CHANNELS),
	items: list(item, 60, 'items').default([]),
	/** The question put to the trainee ("What do you say?"). */
	prompt: text,
	/** Practice mode only. */
	hint: text.optional(),
	actions: list(action, 24, 'actions in one beat').min(1, 'needs at least one action'),
	timeout: timeout.optional()
});
export type Beat = z.infer<typeof beat>;

export const timer = z.strictObject({
	id,
	/** Seconds since the start of the attempt. */
	at: seconds,
	when: condition.optional(),
	items: list(item, 60, 'items').default([]),
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
	items: list(id, 20, 'items').min(1, 'must point at one or more items'),
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
	within: z.number().int().positive().max(MAX_SECONDS, `must be at most ${MAX_SECONDS} seconds (four hours)`),
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
	cite: list(z.enum(CITATIONS), 10, 'citations').default([])
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
	members: list(id, 40, 'members').default([])
});
export type Thread = z.infer<typeof thread>;

export const provenance = z.strictObject({
	/** Published cases, statistics or rules the story draws on, each with where it was published. */
	sources: list(text, 20, 'sources').min(1, 'name at least one source'),
	/** Sections of the domain brief (../shared/domain/BRIEF.md) the story follows. */
	brief: list(visible(200), 20, 'sections').default([]),
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
	objectives: list(text, 12, 'objectives').min(1, 'needs at least one learning objective'),
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
	version: z.number().int().min(1).max(1_000_000),
	meta,
	variables: z
		.record(varName, variable)
		.refine((v) => Object.keys(v).length <= 100, 'has more than 100 variables; a scenario can have at most 100')
		.default({}),
	/** The variable (of kind "amount") holding the money at risk; none for honest customers. */
	moneyAtRisk: varName.optional(),
	/** The customer's trust at the start (0 = neutral). */
	trust: z.number().int().min(-5).max(5).default(0),
	cast: list(castMember, 40, 'people').min(1, 'needs at least one person'),
	threads: list(thread, 40, 'threads').default([]),
	start: id,
	beats: list(beat, 120, 'beats').min(1, 'needs at least one beat'),
	timers: list(timer, 40, 'timers').default([]),
	clues: list(clue, 200, 'clues').default([]),
	milestones: list(milestone, 40, 'milestones').default([]),
	endings: list(ending, 40, 'endings').min(1, 'needs at least one ending')
});

/** A scenario after validation, with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as an author writes it. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

export function scenarioJsonSchema(): object {
	return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
