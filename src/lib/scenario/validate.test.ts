import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatProblem, validateScenario } from './validate';
import { scenarioJsonSchema } from './schema';
import { miniDoc } from '../../../tests/unit/fixtures';

function problems(edit: (doc: ReturnType<typeof miniDoc>) => void): string[] {
	const doc = miniDoc();
	edit(doc);
	const result = validateScenario(doc);
	return result.ok ? [] : result.problems.map(formatProblem);
}

describe('validateScenario', () => {
	it('accepts a valid document and fills in defaults', () => {
		const result = validateScenario(miniDoc());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const process = result.scenario.beats[0]!.actions.find((a) => a.id === 'process')!;
		expect(process.seconds).toBe(30);
		expect(process.reply).toEqual([]);
		expect(result.scenario.meta.passMark).toBe(70);
	});

	it.each([
		[
			'a next beat that does not exist',
			(d: ReturnType<typeof miniDoc>) => (d.beats[0].actions[1].next = 'police-arrive'),
			'beat "counter", action "call-110": next beat "police-arrive" does not exist (no beat or ending has that id)'
		],
		[
			'one language where a text in both is expected',
			(d: ReturnType<typeof miniDoc>) => ((d.meta as Record<string, unknown>).title = '冒充公检法'),
			'"meta.title" should be a text in both languages, {"zh": "…", "en": "…"}, not a plain string'
		],
		[
			'an item id used twice, saying where it was first',
			(d: ReturnType<typeof miniDoc>) => (d.timers[0]!.items[0]!.id = 'on-phone'),
			'timer "leaves", item "on-phone": another item already has the id "on-phone" (beat "counter", item "on-phone")'
		],
		[
			'a missing English text',
			(d: ReturnType<typeof miniDoc>) => delete d.beats[0].actions[0].feedback.en,
			'beat "counter", action "ask-purpose": "feedback": the English text (en) is missing'
		],
		[
			'a missing Chinese text',
			(d: ReturnType<typeof miniDoc>) => delete d.meta.title.zh,
			'"meta.title": the Chinese text (zh) is missing'
		],
		[
			'an empty text',
			(d: ReturnType<typeof miniDoc>) => (d.endings[0].summary.en = '  '),
			'ending "stopped": "summary": the English text (en) is empty'
		],
		[
			'an unknown field',
			(d: ReturnType<typeof miniDoc>) => (d.beats[0].actions[0].points = 3),
			'beat "counter", action "ask-purpose": unknown field "points"'
		],
		[
			'a bad id',
			(d: ReturnType<typeof miniDoc>) => (d.endings[1].id = 'Lost Money'),
			'ending "Lost Money": "id" must be lower-case letters, digits and hyphens, like "call-110"'
		],
		[
			'a wrong enum value',
			(d: ReturnType<typeof miniDoc>) => (d.meta.audience = 'cashier'),
			'"meta.audience" must be one of "teller", "accountant", "both"'
		],
		[
			'a missing required part',
			(d: ReturnType<typeof miniDoc>) => delete d.endings,
			'"endings" is missing'
		],
		[
			'a start beat that does not exist',
			(d: ReturnType<typeof miniDoc>) => (d.start = 'lobby'),
			'the start beat "lobby" does not exist'
		],
		[
			'two beats with the same id',
			(d: ReturnType<typeof miniDoc>) => d.beats.push(structuredClone(d.beats[0])),
			'two beats have the id "counter"'
		],
		[
			'an item id used twice',
			(d: ReturnType<typeof miniDoc>) => (d.beats[0].items[1].id = 'ask-transfer'),
			'beat "counter", item "ask-transfer": another item already has the id "ask-transfer" (beat "counter", item "ask-transfer")'
		],
		[
			'a speaker who is not in the cast',
			(d: ReturnType<typeof miniDoc>) => (d.beats[0].items[0].from = 'officer'),
			'beat "counter", item "ask-transfer": "from" names "officer", who is not in the cast'
		],
		[
			'a clue pointing at a missing item',
			(d: ReturnType<typeof miniDoc>) => d.clues[0].items.push('warrant'),
			'clue "phone": item "warrant" does not exist'
		],
		[
			'a condition on a fact nobody sets',
			(d: ReturnType<typeof miniDoc>) => (d.beats[0].actions[1].when = { all: ['family-called'] }),
			'beat "counter", action "call-110": the condition reads fact "family-called", which no action, timer or ending sets'
		],
		[
			'a placeholder that is not a variable',
			(d: ReturnType<typeof miniDoc>) => (d.beats[0].items[0].text.en = 'Send {sum} now'),
			'beat "counter", item "ask-transfer": the English text uses {sum}, which is not a variable'
		],
		[
			'an amount range upside down',
			(d: ReturnType<typeof miniDoc>) => (d.variables.amount.min = 500000),
			'variable "amount": min (500000) is larger than max (300000)'
		],
		[
			'a timer range upside down',
			(d: ReturnType<typeof miniDoc>) => (d.timers[0].at = { min: 500, max: 100 }),
			'timer "leaves": the time range starts (500s) after it ends (100s)'
		],
		[
			'a thread that does not exist',
			(d: ReturnType<typeof miniDoc>) => (d.beats[0].items[0].thread = 'transfer-form'),
			'beat "counter", item "ask-transfer": thread "transfer-form" does not exist'
		],
		[
			'an honest scenario without reassuring signs',
			(d: ReturnType<typeof miniDoc>) => (d.meta.scamType = 'legitimate'),
			'clues: an honest-customer scenario needs at least one reassuring clue'
		],
		[
			'money at risk that is not an amount',
			(d: ReturnType<typeof miniDoc>) => (d.moneyAtRisk = 'payee'),
			'moneyAtRisk: "payee" is not a variable of kind "amount"'
		]
	])('rejects %s, saying where and what', (_name, edit, expected) => {
		expect(problems(edit)).toContain(expected);
	});

	it('rejects things that are not scenarios at all', () => {
		for (const input of [null, 42, 'text', [], {}]) expect(validateScenario(input).ok).toBe(false);
	});
});

describe('the published JSON Schema', () => {
	it('is generated from the zod schema and up to date (run `npm run schema`)', () => {
		const published = JSON.parse(readFileSync('static/scenario.schema.json', 'utf8'));
		expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
	});
});

describe('hostile scenario documents', () => {
	it('keep markup as plain text: it is never rendered as HTML, so it validates and stays inert', () => {
		const doc = miniDoc();
		doc.beats[0].items[0].text.en = '<script>window.__pwned = 1</script><img src=x onerror="alert(1)"> javascript:alert(1)';
		const result = validateScenario(doc);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.scenario.beats[0]!.items[0]!.text.en).toContain('<script>');
	});

	it.each([
		['a prototype key', '{"__proto__": {"polluted": true}}', 'unknown field "__proto__"'],
		['a constructor key', '{"constructor": {"prototype": {}}}', 'unknown field "constructor"']
	])('rejects %s without touching Object.prototype', (_name, extra, message) => {
		const raw = JSON.stringify(miniDoc()).replace(/^\{/, `{${extra.slice(1, -1)},`);
		const result = validateScenario(JSON.parse(raw));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map(formatProblem)).toContain(message);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('rejects very long text and invisible direction overrides', () => {
		expect(problems((d) => (d.meta.summary.en = 'x'.repeat(5000)))).toContain(
			'"meta.summary": the English text (en) is longer than 4,000 characters'
		);
		const bidi = problems((d) => (d.cast[0].role.zh = '客户\u202e户客'));
		expect(bidi.some((p) => p.includes('cast member "customer"'))).toBe(true);
	});

	it('rejects deep nesting and odd shapes without crashing', () => {
		let deep: unknown = 'x';
		for (let i = 0; i < 5000; i++) deep = [deep];
		expect(problems((d) => (d.beats[0].items[0].text = deep))).toContain(
			'beat "counter", item "ask-transfer": "text" should be a text in both languages, {"zh": "…", "en": "…"}'
		);
		expect(problems((d) => (d.beats = 'beats'))).toContain('"beats" should be an array');
	});
});
