import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { MAX_DEPTH, parseStrictJson, readScenarioDocument } from './reader';

const parsed = (text: string) => {
	const r = parseStrictJson(text);
	if (!r.ok) throw new Error(r.message);
	return r.value;
};
const problem = (input: string | Uint8Array) => {
	const r = typeof input === 'string' ? parseStrictJson(input) : readScenarioDocument(input);
	return r.ok ? null : r.message;
};

describe('the strict scenario reader', () => {
	it('reads every shipped scenario exactly as JSON.parse does', () => {
		for (const dir of ['scenarios', 'scenarios/archive'])
			for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
				const raw = readFileSync(`${dir}/${f}`);
				const r = readScenarioDocument(raw);
				expect(r.ok, f).toBe(true);
				expect(r.ok && r.value).toEqual(JSON.parse(raw.toString('utf8')));
			}
	});

	it('refuses a key given twice, with both places', () => {
		expect(problem('{\n  "a": {\n    "verdict": "good",\n    "verdict": "harmful"\n  }\n}')).toBe(
			'the key "verdict" appears twice in the same object (in a); the first is at line 3, column 5. Keep one (line 4, column 5)'
		);
		// The same key in two different objects is fine.
		expect(parsed('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
	});

	it('keeps "__proto__" as an ordinary key, never as the prototype', () => {
		const value = parsed('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		expect(Object.hasOwn(value, '__proto__')).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('says where the JSON is wrong, by line and column', () => {
		expect(problem('{\n  "a": 1,\n}')).toBe('expected a key in double quotes (line 3, column 1)');
		expect(problem('[1, 2,]')).toBe('unexpected character "]" (line 1, column 7)');
		expect(problem('{"a" 1}')).toBe('expected ":" after the key "a" (line 1, column 6)');
		expect(problem('{"a": "b\nc"}')).toMatch(/control character .* \(line 1, column 9\)/);
		expect(problem('{"a": 1} x')).toBe('unexpected text after the end of the document (line 1, column 10)');
		expect(problem('{"a": 1e999}')).toBe('a number is too large (line 1, column 7)');
		expect(problem('{"a": [1')).toBe('the document ends too early (line 1, column 9)');
	});

	it('bounds nesting instead of exhausting the stack', () => {
		expect(problem('['.repeat(200_000) + ']'.repeat(200_000))).toBe(
			`the document is nested more than ${MAX_DEPTH} levels deep (line 1, column ${MAX_DEPTH + 1})`
		);
		expect(parsed('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).toBeDefined();
	});

	it('reads UTF-8 only: a byte-order mark is tolerated, UTF-16 and other encodings are refused', () => {
		const body = new TextEncoder().encode('{"a":"中"}');
		expect(readScenarioDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...body]))).toEqual({ ok: true, value: { a: '中' } });
		expect(problem(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]))).toMatch(/saved as UTF-16/);
		expect(problem(new Uint8Array([0x7b, 0x00, 0x7d, 0x00]))).toMatch(/zero bytes/);
		expect(problem(new Uint8Array([0x7b, 0x22, 0xd6, 0xd0, 0x22, 0x7d]))).toBe(
			'the file is not UTF-8 text (the first bad byte is at byte 3); save it as UTF-8'
		);
	});

	it('limits the size in bytes, the same for every caller', () => {
		// 0.8 million Chinese characters: under two million characters, but 2.4 MB in UTF-8.
		const text = `{"a":"${'骗'.repeat(800_000)}"}`;
		expect(problem(new TextEncoder().encode(text))).toBe('the file is 2.3 MiB; a scenario document can be at most 2 MiB');
		expect(readScenarioDocument(text).ok).toBe(false);
	});
});
