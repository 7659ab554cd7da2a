import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION, LIMITS, type ResultsBundle } from './bundle';
import { exportBundle, bundleJson } from './export';
import { nestingDepth, parseBundle } from './parse';
import { LOGS, freshStore, mini, play } from './test-support';

let bundle: ResultsBundle;
let text: string;

beforeAll(async () => {
	const m = await mini();
	const store = freshStore('trainee-pc');
	const a = await store.createProfile({ name: '李静', employeeNo: 'E1024', cohort: '2025A' });
	const b = await store.createProfile({ name: 'Wang Fang', cohort: '2025A' });
	await play(store, m, a.id, LOGS.stopped, { seed: 11 });
	await play(store, m, a.id, LOGS.lost, { seed: 12 });
	await play(store, m, b.id, LOGS.unfinished, { seed: 13 });
	bundle = await exportBundle(store, { kind: 'cohort', value: '2025A' }, { now: new Date(Date.UTC(2025, 2, 3, 8)) });
	text = bundleJson(bundle);
});

/** A file's JSON data, as a test edits it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

/** The exported bundle as plain JSON data, changed by `edit`. */
function edited(edit: (data: Data) => void): string {
	const data = JSON.parse(text);
	edit(data);
	return JSON.stringify(data);
}

const problemsOf = (input: string, options?: Parameters<typeof parseBundle>[1]) => {
	const result = parseBundle(input, options);
	if (result.ok) throw new Error('expected the file to be refused');
	return result.problems;
};
const englishOf = (input: string, options?: Parameters<typeof parseBundle>[1]) =>
	problemsOf(input, options).map((p) => p.en);

describe('parseBundle', () => {
	it('accepts an exported file as it is', () => {
		const result = parseBundle(text);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.bundle).toEqual(bundle);
		expect(bundle.attempts).toHaveLength(3);
		expect(bundle.events).toHaveLength(LOGS.stopped.length + LOGS.lost.length + LOGS.unfinished.length);
	});

	// Table-driven: a change to a genuine file, and the words that must say what and where.
	it.each<[string, (data: Data) => void, RegExp]>([
		[
			'an unknown event type',
			(d) => (d.events[6].event = { type: 'trainee.hack', action: 'x' }),
			/^attempt \d \(id [0-9a-f]{8}…\): event \d is not a known event type$/
		],
		['an event with an extra field', (d) => (d.events[0].event.extra = 1), /event 1: has unknown field "extra"/],
		[
			'a tick that is not a whole number',
			(d) => (d.events[0].event.seconds = 1.5),
			/event 1: "seconds" should be a whole number/
		],
		['a negative step number', (d) => (d.events[0].seq = -1), /event row 1: "seq" is too small/],
		[
			'a score that is text',
			(d) => (d.attempts[0].summary = { ...d.attempts[0].summary, overall: 'high' }),
			/^attempt 1 \(id .*\): "summary.overall" should be a number/
		],
		[
			'a score above 100',
			(d) => (d.attempts[0].summary = { ...d.attempts[0].summary, overall: 250 }),
			/"summary.overall" is too large \(at most 100\)/
		],
		['a missing seed', (d) => delete d.attempts[1].seed, /^attempt 2 .*"seed" is missing/],
		[
			'an unknown field on an attempt',
			(d) => (d.attempts[2].trusted = true),
			/^attempt 3 .*has unknown field "trusted"/
		],
		[
			'an id with markup',
			(d) => (d.attempts[0].id = '<img src=x onerror=alert(1)>'),
			/"id" is not in the expected format/
		],
		[
			'an over-long name',
			(d) => (d.profiles[0].name = 'x'.repeat(LIMITS.name + 1)),
			/^profile 1 \(id .*\): "name" is too long \(at most 80 characters\)/
		],
		[
			'a control character in a name',
			(d) => (d.profiles[0].name = 'a\u0007b'),
			/^profile 1 .*"name" is not in the expected format/
		],
		['an unknown mode', (d) => (d.attempts[0].mode = 'exam'), /"mode" must be one of "practice", "assessment"/],
		[
			'an odd export date',
			(d) => (d.exportedAt = 'yesterday'),
			/the file: "exportedAt" is not in the expected format \(an ISO date and time\)/
		],
		['an unknown scope', (d) => (d.scope = { kind: 'everyone' }), /the export scope/],
		['an unknown top-level field', (d) => (d.signature = 'trust me'), /the file: has unknown field "signature"/],
		['a profile listed twice', (d) => d.profiles.push(d.profiles[0]), /profile 3: id .* appears twice/],
		[
			'an attempt of a trainee not in the file',
			(d) => (d.attempts[0].profileId = 'someone-else'),
			/attempt 1 .*its trainee \(id someone-else\) is not in the file/
		],
		[
			'an event of an attempt not in the file',
			(d) => (d.events[0].attemptId = 'ghost'),
			/event row 1: its attempt \(id ghost\) is not in the file/
		],
		['a step stored twice', (d) => d.events.push(d.events[0]), /attempt \d .*: event 1 appears twice/],
		[
			'scenario documents in a file that is not a backup',
			(d) => (d.scenarios = [{ id: 'x', version: 1, hash: 'ab', doc: {}, importedAt: 1 }]),
			/only a full backup may hold scenario documents/
		]
	])('refuses %s, saying where', (_name, edit, expected) => {
		expect(englishOf(edited(edit))).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
	});

	it('says it in Chinese too', () => {
		const [problem] = problemsOf(edited((d) => (d.events[6].event = { type: 'trainee.hack' })));
		expect(problem!.zh).toMatch(/^第 \d 条训练记录（id [0-9a-f]{8}…）的第 \d 步不是可识别的事件类型$/);
	});

	it('refuses a number too large for JSON to hold (it reads as Infinity)', () => {
		const huge = text.replace(/"seed":\d+/, '"seed":1e400');
		expect(englishOf(huge).join('\n')).toMatch(/attempt 1 .*"seed"/);
	});

	it('lists the first problems and counts the rest', () => {
		const problems = englishOf(
			edited((d) => d.events.forEach((e: { event: object }) => (e.event = { type: 'x' }))),
			{ maxProblems: 3 }
		);
		expect(problems).toHaveLength(4);
		expect(problems[3]).toMatch(/^…and \d+ more problems$/);
	});
});

describe('hostile and broken files', () => {
	it.each([
		['at the top', (t: string) => t.replace('{', '{"__proto__":{"polluted":true},'), '__proto__', /at —/],
		[
			'inside an event',
			(t: string) => t.replace('"event":{', '"event":{"__proto__":{"polluted":true},'),
			'__proto__',
			/at events › \d+ › event/
		],
		[
			'in a profile',
			(t: string) => t.replace('"name":', '"constructor":{"prototype":{"polluted":true}},"name":'),
			'constructor',
			/at profiles › \d+/
		],
		[
			'in a summary',
			(t: string) => t.replace('"summary":{', '"summary":{"prototype":1,'),
			'prototype',
			/at attempts › \d+ › summary/
		]
	])('refuses a prototype key %s, and pollutes nothing', (_where, inject, key, at) => {
		const hostile = inject(text);
		expect(hostile).toContain(`"${key}"`);
		// JSON.parse keeps "__proto__" as an own key: the check must see it.
		const [problem] = englishOf(hostile);
		expect(problem).toContain(`a key named "${key}"`);
		expect(problem).toMatch(at);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses a file over the size limit before reading it, counting bytes, not characters', () => {
		expect(englishOf(text, { maxBytes: 1000 })[0]).toMatch(
			/^The file is 0\.\d MB; a results file may be at most 0\.0 MB\.$/
		);
		// 400 Chinese characters are 1200 bytes in UTF-8.
		const chinese = '"' + '李'.repeat(400) + '"';
		expect(englishOf(chinese, { maxBytes: 1000 })[0]).toMatch(/at most/);
		expect(englishOf(chinese, { maxBytes: 2000 })[0]).not.toMatch(/at most/);
	});

	it('refuses a file over 50 MiB by default', () => {
		const big = ' '.repeat(LIMITS.fileBytes + 1);
		expect(englishOf(big)[0]).toMatch(/may be at most 50 MB/);
	});

	it('says a truncated file is incomplete', () => {
		for (const cut of [0.3, 0.5, 0.99])
			expect(englishOf(text.slice(0, Math.floor(text.length * cut)))[0]).toMatch(/incomplete/);
	});

	it('says what is wrong with a file that is not JSON, empty, or not a results file', () => {
		expect(englishOf('<html>not json</html>')[0]).toMatch(/^The file is not valid JSON/);
		expect(englishOf('   ')[0]).toBe('The file is empty.');
		expect(englishOf('[1,2,3]')[0]).toBe('This is not a Fraud Drill results file.');
		expect(englishOf('{"id":"mini","beats":[]}')[0]).toMatch(/scenario document, not a results file/);
	});

	it('refuses data nested deeper than any results file', () => {
		const deep = edited((d) => (d.profiles[0].name = 'x')).replace(
			'"name":"x"',
			`"name":${'['.repeat(40)}${']'.repeat(40)}`
		);
		expect(englishOf(deep)[0]).toMatch(/nested more than 32 levels/);
		// Brackets inside strings are text, not nesting.
		expect(nestingDepth('{"a":"[[[[[[\\"[[[["}')).toBe(1);
		expect(nestingDepth('[[{"a":[1]}]]')).toBe(4);
	});

	it('refuses a file from a newer version of the app with a clear message', () => {
		const newer = edited((d) => (d.formatVersion = FORMAT_VERSION + 1));
		const [problem] = problemsOf(newer);
		expect(problem!.en).toMatch(
			/exported by a newer version of Fraud Drill \(file format 2; this app reads format 1\)\. Update the app/
		);
		expect(problem!.zh).toMatch(/更新版本/);
	});

	it.each([0, '1', null, 1.5])('refuses format version %j', (version) => {
		expect(englishOf(edited((d) => (d.formatVersion = version)))[0]).toMatch(/format version .* is not supported/);
	});
});
