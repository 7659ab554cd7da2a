/**
 * Turns an unknown value into a Scenario, or into a list of problems a trainer can act on:
 * each names where in the document it is (`beat "counter-2", action "call-110"`) and what is wrong.
 */
import type { z } from 'zod';
import {
	scenarioSchema,
	TEXT_EXPECTED,
	type Condition,
	type Effects,
	type Item,
	type Scenario,
	type Text
} from './schema';

export interface Problem {
	/** Where in the document, in words: `beat "counter-2", action "call-110"`. */
	where: string;
	message: string;
}

export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export function formatProblem(p: Problem): string {
	return p.where ? `${p.where}: ${p.message}` : p.message;
}

export function validateScenario(input: unknown): Validation {
	const parsed = scenarioSchema.safeParse(input);
	if (!parsed.success) {
		return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, input)) };
	}
	const problems = checkReferences(parsed.data);
	return problems.length ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Throws with every problem listed; for code paths where the document is known to be ours. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
	const result = validateScenario(input);
	if (!result.ok) {
		throw new Error(`${source}:\n${result.problems.map((p) => '  ' + formatProblem(p)).join('\n')}`);
	}
	return result.scenario;
}

const NOUNS: Record<string, string> = {
	beats: 'beat',
	actions: 'action',
	items: 'item',
	reply: 'reply item',
	endings: 'ending',
	timers: 'timer',
	clues: 'clue',
	cast: 'cast member',
	milestones: 'milestone',
	objectives: 'objective',
	threads: 'thread',
	details: 'detail',
	options: 'option'
};
const LANGUAGE_NAMES: Record<string, string> = { zh: 'the Chinese text (zh)', en: 'the English text (en)' };

function describePath(
	path: readonly PropertyKey[],
	root: unknown
): { where: string; field: string; missing: boolean } {
	const parts: string[] = [];
	let node: unknown = root;
	let field = '';
	let missing = false;
	for (let i = 0; i < path.length; i++) {
		const key = path[i]!;
		const next = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
		const noun = typeof key === 'string' ? NOUNS[key] : undefined;
		const index = path[i + 1];
		if (noun && typeof index === 'number') {
			const element = Array.isArray(next) ? next[index] : undefined;
			const elementId = isRecord(element) && typeof element.id === 'string' ? element.id : undefined;
			parts.push(elementId ? `${noun} "${elementId}"` : `${noun} #${index + 1}`);
			node = element;
			i++;
			field = '';
			continue;
		}
		if (key === 'variables' && typeof index === 'string') {
			parts.push(`variable "${index}"`);
			node = isRecord(next) ? next[index] : undefined;
			i++;
			continue;
		}
		field = field ? `${field}.${String(key)}` : String(key);
		missing = i === path.length - 1 && (isRecord(node) ? !(String(key) in node) : false);
		node = next;
	}
	return { where: parts.join(', '), field, missing };
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown): Problem {
	const { where, field, missing } = describePath(issue.path, root);
	const last = issue.path[issue.path.length - 1];
	const language = typeof last === 'string' ? LANGUAGE_NAMES[last] : undefined;
	if (language) {
		const owner = field.replace(/\.?(zh|en)$/, '');
		const what = missing ? 'is missing' : issue.code === 'invalid_type' ? 'is not text' : issue.message;
		return { where, message: `${owner ? `"${owner}": ` : ''}${language} ${what}` };
	}
	const subject = field ? `"${field}"` : '';
	if (missing) return { where, message: `${subject || 'a value'} is missing` };
	let message: string;
	switch (issue.code) {
		case 'invalid_type':
			message =
				issue.message === TEXT_EXPECTED
					? `${subject || 'the value'} ${TEXT_EXPECTED}${typeof valueAt(issue.path, root) === 'string' ? ', not a plain string' : ''}`
					: `${subject || 'the value'} should be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
			break;
		case 'unrecognized_keys':
			message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${subject ? ` in ${subject}` : ''}`;
			break;
		case 'invalid_value':
			message = `${subject || 'the value'} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
			break;
		case 'invalid_union':
			message = `${subject || 'the value'} has the wrong shape`;
			break;
		default:
			message = `${subject ? subject + ' ' : ''}${issue.message}`;
	}
	return { where, message };
}

function valueAt(path: readonly PropertyKey[], root: unknown): unknown {
	let node = root;
	for (const key of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
	return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every place a text, item, effect or condition appears, with where it is. */
interface Located<T> {
	where: string;
	value: T;
}

export function eachItem(s: Scenario): Located<Item>[] {
	const out: Located<Item>[] = [];
	for (const b of s.beats) {
		for (const it of b.items) out.push({ where: `beat "${b.id}", item "${it.id}"`, value: it });
		for (const a of b.actions)
			for (const it of a.reply)
				out.push({ where: `beat "${b.id}", action "${a.id}", reply item "${it.id}"`, value: it });
		for (const it of b.timeout?.items ?? [])
			out.push({ where: `beat "${b.id}", timeout, item "${it.id}"`, value: it });
	}
	for (const t of s.timers)
		for (const it of t.items) out.push({ where: `timer "${t.id}", item "${it.id}"`, value: it });
	return out;
}

function eachEffects(s: Scenario): Located<Effects>[] {
	const out: Located<Effects>[] = [];
	for (const b of s.beats) {
		for (const a of b.actions) out.push({ where: `beat "${b.id}", action "${a.id}"`, value: a.effects });
		if (b.timeout) out.push({ where: `beat "${b.id}", timeout`, value: b.timeout.effects });
	}
	for (const t of s.timers) out.push({ where: `timer "${t.id}"`, value: t.effects });
	for (const e of s.endings) out.push({ where: `ending "${e.id}"`, value: e.effects });
	return out;
}

function eachCondition(s: Scenario): Located<Condition>[] {
	const out: Located<Condition>[] = [];
	for (const b of s.beats) {
		for (const a of b.actions)
			if (a.when) out.push({ where: `beat "${b.id}", action "${a.id}"`, value: a.when });
		if (b.timeout?.when) out.push({ where: `beat "${b.id}", timeout`, value: b.timeout.when });
	}
	for (const t of s.timers) if (t.when) out.push({ where: `timer "${t.id}"`, value: t.when });
	return out;
}

function eachText(value: unknown, where: string, out: Located<Text>[]): Located<Text>[] {
	if (Array.isArray(value)) value.forEach((v) => eachText(v, where, out));
	else if (isRecord(value)) {
		if (typeof value.zh === 'string' && typeof value.en === 'string') out.push({ where, value: value as Text });
		else
			for (const [k, v] of Object.entries(value)) {
				const noun = NOUNS[k];
				if (noun && Array.isArray(v))
					v.forEach((el, i) =>
						eachText(
							el,
							`${where ? where + ', ' : ''}${noun} ${isRecord(el) && typeof el.id === 'string' ? `"${el.id}"` : `#${i + 1}`}`,
							out
						)
					);
				else eachText(v, where, out);
			}
	}
	return out;
}

export const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

function checkReferences(s: Scenario): Problem[] {
	const problems: Problem[] = [];
	const add = (where: string, message: string) => problems.push({ where, message });

	const duplicates = (ids: string[], noun: string, where = '') => {
		const seen = new Set<string>();
		for (const i of ids) {
			if (seen.has(i)) add(where, `two ${noun}s have the id "${i}"`);
			seen.add(i);
		}
		return seen;
	};
	const beats = duplicates(
		s.beats.map((b) => b.id),
		'beat'
	);
	const endings = duplicates(
		s.endings.map((e) => e.id),
		'ending'
	);
	for (const e of endings) if (beats.has(e)) add(`ending "${e}"`, `a beat has the same id "${e}"`);
	const cast = duplicates(
		s.cast.map((c) => c.id),
		'cast member'
	);
	duplicates(
		s.timers.map((t) => t.id),
		'timer'
	);
	duplicates(
		s.clues.map((c) => c.id),
		'clue'
	);
	duplicates(
		s.milestones.map((m) => m.id),
		'milestone'
	);
	for (const b of s.beats)
		duplicates(
			b.actions.map((a) => a.id),
			'action',
			`beat "${b.id}"`
		);
	const threads = duplicates(
		s.threads.map((t) => t.id),
		'thread'
	);
	for (const t of s.threads)
		for (const m of t.members)
			if (!cast.has(m)) add(`thread "${t.id}"`, `member "${m}" is not in the cast`);
	const items = eachItem(s);
	/** Each item's and detail's id, with where it first appears. */
	const itemIds = new Map<string, string>();
	const first = (id: string) => itemIds.get(id) || 'the scenario';
	for (const { where, value } of items) {
		if (itemIds.has(value.id)) add(where, `another item already has the id "${value.id}" (${first(value.id)})`);
		else itemIds.set(value.id, where);
		if (value.from && value.from !== 'system' && !cast.has(value.from))
			add(where, `"from" names "${value.from}", who is not in the cast`);
		if (value.thread && !threads.has(value.thread)) add(where, `thread "${value.thread}" does not exist`);
		for (const d of value.artifact?.details ?? []) {
			if (itemIds.has(d.id)) add(`${where}, detail "${d.id}"`, `another item or detail already has the id "${d.id}" (${first(d.id)})`);
			else itemIds.set(d.id, `${where}, detail "${d.id}"`);
		}
	}
	const drawn = new Map(items.filter((i) => i.value.artifact).map((i) => [i.value.id, i.value.artifact!]));

	if (!beats.has(s.start)) add('', `the start beat "${s.start}" does not exist`);

	const target = (where: string, next: string | undefined) => {
		if (next && !beats.has(next) && !endings.has(next))
			add(where, `next beat "${next}" does not exist (no beat or ending has that id)`);
	};
	for (const b of s.beats) {
		for (const a of b.actions) target(`beat "${b.id}", action "${a.id}"`, a.next);
		target(`beat "${b.id}", timeout`, b.timeout?.next);
		checkRange(b.timeout?.after, `beat "${b.id}", timeout`, add);
	}
	for (const t of s.timers) {
		target(`timer "${t.id}"`, t.next);
		checkRange(t.at, `timer "${t.id}"`, add);
	}

	const itemClue = new Map<string, string>();
	for (const c of s.clues)
		for (const i of c.items) {
			if (!itemIds.has(i)) add(`clue "${c.id}"`, `item "${i}" does not exist`);
			const art = drawn.get(i);
			if (art)
				add(
					`clue "${c.id}"`,
					`item "${i}" is drawn as an artifact, so the trainee marks its details, not the whole of it: point at the detail that shows the clue (${art.details.map((d) => `"${d.id}"`).join(', ')})`
				);
			const other = itemClue.get(i);
			if (other) add(`clue "${c.id}"`, `item "${i}" already belongs to clue "${other}"`);
			itemClue.set(i, c.id);
		}

	const factsSet = new Set<string>();
	for (const { value } of eachEffects(s)) for (const f of value.set ?? []) factsSet.add(f);
	for (const { where, value } of eachCondition(s)) {
		for (const f of [...(value.all ?? []), ...(value.any ?? []), ...(value.none ?? [])])
			if (!factsSet.has(f)) add(where, `the condition reads fact "${f}", which no action, timer or ending sets`);
		for (const b of value.beats ?? []) if (!beats.has(b)) add(where, `the condition names beat "${b}", which does not exist`);
	}
	for (const m of s.milestones)
		if (!factsSet.has(m.fact)) add(`milestone "${m.id}"`, `fact "${m.fact}" is never set by any action`);

	for (const [name, v] of Object.entries(s.variables)) {
		if ((v.kind === 'amount' || v.kind === 'int') && v.min > v.max)
			add(`variable "${name}"`, `min (${v.min}) is larger than max (${v.max})`);
	}
	if (s.moneyAtRisk && s.variables[s.moneyAtRisk]?.kind !== 'amount')
		add('moneyAtRisk', `"${s.moneyAtRisk}" is not a variable of kind "amount"`);
	for (const c of s.cast)
		if (typeof c.name === 'string' && s.variables[c.name]?.kind !== 'name')
			add(`cast member "${c.id}"`, `name "${c.name}" is not a variable of kind "name"`);

	for (const { where, value } of eachText(s, '', [])) {
		for (const lang of ['zh', 'en'] as const)
			for (const [, name] of value[lang].matchAll(PLACEHOLDER))
				// Own variables only: "{constructor}" or "{toString}" name nothing a document defined.
				if (!Object.hasOwn(s.variables, name!))
					add(where, `the ${lang === 'zh' ? 'Chinese' : 'English'} text uses {${name}}, which is not a variable`);
	}
	if (s.meta.scamType === 'legitimate') {
		if (!s.clues.some((c) => c.kind === 'reassuring'))
			add('clues', 'an honest-customer scenario needs at least one reassuring clue');
	} else if (!s.clues.some((c) => c.kind === 'red-flag')) add('clues', 'a fraud scenario needs at least one red flag');
	return problems;
}

function checkRange(
	value: number | { min: number; max: number } | undefined,
	where: string,
	add: (where: string, message: string) => void
) {
	if (typeof value === 'object' && value.min > value.max)
		add(where, `the time range starts (${value.min}s) after it ends (${value.max}s)`);
}

/**
 * Variables in what the library card shows (the title, the summary, the situation), which it shows
 * before any attempt has drawn their values. A requirement for the repository's scenarios; a
 * warning on a trainer's import (documents already stored keep working).
 */
export function cardVariables(s: Scenario): Problem[] {
	const card: [string, Text | undefined][] = [
		['"meta.title"', s.meta.title],
		['"meta.summary"', s.meta.summary],
		['"meta.situation.title"', s.meta.situation?.title],
		['"meta.situation.summary"', s.meta.situation?.summary]
	];
	const problems: Problem[] = [];
	for (const [field, value] of card)
		for (const lang of ['zh', 'en'] as const)
			for (const [, name] of value?.[lang].matchAll(PLACEHOLDER) ?? [])
				problems.push({
					where: '',
					message: `${field}: the ${lang === 'zh' ? 'Chinese' : 'English'} text uses {${name}}, but the library card shows it before an attempt has drawn its value; write it without variables`
				});
	return problems;
}
