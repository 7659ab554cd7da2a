/**
 * The one way a scenario document's bytes become a value, shared by the CLI (`npm run
 * scenarios:check`), the trainer's import and any later studio: UTF-8 only (a byte-order mark is
 * tolerated), one size limit in bytes, and strict JSON — a key given twice in one object is refused
 * with both places (`JSON.parse` keeps the last silently, so `"verdict": "good"` followed by
 * `"verdict": "harmful"` would change a scenario without a trace), and nesting is bounded so that no
 * document can exhaust the call stack of the code that walks it.
 */

export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
/** Deeper than any document the format allows (about 8 levels). */
export const MAX_DEPTH = 32;

export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

const fail = (message: string): ReadResult => ({ ok: false, message });

/** Bytes (a file) or text (already decoded, e.g. in tests) to a JSON value, or what is wrong. */
export function readScenarioDocument(input: Uint8Array | string): ReadResult {
	const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	if (bytes.length > MAX_SCENARIO_BYTES)
		return fail(
			`the file is ${mib(bytes.length)} MiB; a scenario document can be at most ${mib(MAX_SCENARIO_BYTES)} MiB`
		);
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return fail('the file is saved as UTF-16; save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)');
	if (bytes.includes(0))
		return fail('the file contains zero bytes, so it is not UTF-8 text (perhaps UTF-16); save it as UTF-8');
	let text: string;
	try {
		// `fatal`: invalid UTF-8 is an error, never replaced silently; a leading BOM is dropped.
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return fail(`the file is not UTF-8 text (the first bad byte is at byte ${firstBadByte(bytes) + 1}); save it as UTF-8`);
	}
	return parseStrictJson(text);
}

function mib(bytes: number): string {
	return (bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}

function firstBadByte(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
		if (extra < 0) return i;
		for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
		i += extra;
	}
	return 0;
}

class JsonError extends Error {
	constructor(
		message: string,
		readonly at: number
	) {
		super(message);
	}
}

/**
 * Strict JSON (RFC 8259) to a value, iteratively. Objects keep `__proto__` as an ordinary key.
 * Errors name the line and column (and, for a repeated key, where the first one is).
 */
export function parseStrictJson(text: string): ReadResult {
	try {
		return { ok: true, value: new Parser(text).document() };
	} catch (e) {
		if (!(e instanceof JsonError)) throw e;
		return fail(`${e.message} (${position(text, e.at)})`);
	}
}

/** "line 12, column 7" of a character offset. */
export function position(text: string, at: number): string {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < at && i < text.length; i++)
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	return `line ${line}, column ${at - lineStart + 1}`;
}

interface Container {
	value: Record<string, unknown> | unknown[];
	/** An object's keys so far, with where each was. */
	keys?: Map<string, number>;
	key?: string;
	/** Where the container is, like `beats[2].actions[0]`. */
	path: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

class Parser {
	private i = 0;
	constructor(private readonly s: string) {}

	document(): unknown {
		if (this.s.charCodeAt(0) === 0xfeff) this.i = 1;
		const value = this.value();
		this.space();
		if (this.i < this.s.length) throw new JsonError('unexpected text after the end of the document', this.i);
		return value;
	}

	private space() {
		const s = this.s;
		for (;;) {
			const c = s.charCodeAt(this.i);
			if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
			else return;
		}
	}

	/** An object's next key and its colon. */
	private key(top: Container) {
		this.space();
		if (this.s[this.i] !== '"') throw new JsonError('expected a key in double quotes', this.i);
		const at = this.i;
		const key = this.string();
		const first = top.keys!.get(key);
		if (first !== undefined)
			throw new JsonError(
				`the key "${key}" appears twice in the same object${top.path ? ` (in ${top.path})` : ''}; the first is at ${position(this.s, first)}. Keep one`,
				at
			);
		top.keys!.set(key, at);
		top.key = key;
		this.space();
		if (this.s[this.i] !== ':') throw new JsonError(`expected ":" after the key "${key}"`, this.i);
		this.i++;
	}

	/** One value; objects and arrays with an explicit stack, not recursion. */
	private value(): unknown {
		const stack: Container[] = [];
		for (;;) {
			// Expect a value.
			this.space();
			const at = this.i;
			const c = this.s[at];
			let v: unknown;
			if (c === '{' || c === '[') {
				if (stack.length >= MAX_DEPTH) throw new JsonError(`the document is nested more than ${MAX_DEPTH} levels deep`, at);
				this.i++;
				this.space();
				const parent = stack[stack.length - 1];
				const path = !parent
					? ''
					: Array.isArray(parent.value)
						? `${parent.path}[${parent.value.length}]`
						: IDENTIFIER.test(parent.key!)
							? `${parent.path}${parent.path ? '.' : ''}${parent.key}`
							: `${parent.path}[${JSON.stringify(parent.key)}]`;
				const close = c === '{' ? '}' : ']';
				if (this.s[this.i] === close) {
					this.i++;
					v = c === '{' ? {} : [];
				} else {
					const container: Container = c === '{' ? { value: {}, keys: new Map(), path } : { value: [], path };
					stack.push(container);
					if (c === '{') this.key(container);
					continue;
				}
			} else if (c === '"') v = this.string();
			else if (c === 't' && this.s.startsWith('true', at)) v = this.literal(4, true);
			else if (c === 'f' && this.s.startsWith('false', at)) v = this.literal(5, false);
			else if (c === 'n' && this.s.startsWith('null', at)) v = this.literal(4, null);
			else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) v = this.number();
			else if (c === undefined) throw new JsonError('the document ends too early', at);
			else throw new JsonError(`unexpected character ${JSON.stringify(c)}`, at);
			// A complete value: attach it, and close containers that end here.
			for (;;) {
				const top = stack[stack.length - 1];
				if (!top) return v;
				if (Array.isArray(top.value)) top.value.push(v);
				else if (top.key === '__proto__')
					Object.defineProperty(top.value, top.key, { value: v, enumerable: true, writable: true, configurable: true });
				else top.value[top.key!] = v;
				this.space();
				const next = this.s[this.i];
				const isArray = Array.isArray(top.value);
				if (next === ',') {
					this.i++;
					if (!isArray) this.key(top);
					break;
				}
				if (next === (isArray ? ']' : '}')) {
					this.i++;
					stack.pop();
					v = top.value;
					continue;
				}
				if (next === undefined) throw new JsonError('the document ends too early', this.i);
				throw new JsonError(isArray ? 'expected "," or "]"' : 'expected "," or "}"', this.i);
			}
		}
	}

	private literal<T>(length: number, value: T): T {
		this.i += length;
		return value;
	}

	private string(): string {
		const s = this.s;
		const start = ++this.i;
		// Fast path: no escapes.
		for (let j = start; j < s.length; j++) {
			const c = s.charCodeAt(j);
			if (c === 34) {
				this.i = j + 1;
				return s.slice(start, j);
			}
			if (c === 92) break;
			if (c < 32) throw new JsonError('a control character (such as a line break) inside a string must be escaped', j);
		}
		let out = '';
		let j = start;
		for (;;) {
			if (j >= s.length) throw new JsonError('a string is not closed', start - 1);
			const c = s.charCodeAt(j);
			if (c === 34) break;
			if (c < 32) throw new JsonError('a control character (such as a line break) inside a string must be escaped', j);
			if (c !== 92) {
				out += s[j++];
				continue;
			}
			const e = s[j + 1];
			const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
			if (e !== undefined && e in simple) {
				out += simple[e];
				j += 2;
			} else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) {
				out += String.fromCharCode(parseInt(s.slice(j + 2, j + 6), 16));
				j += 6;
			} else throw new JsonError('an unknown escape in a string', j);
		}
		this.i = j + 1;
		return out;
	}

	private number(): number {
		const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
		m.lastIndex = this.i;
		const found = m.exec(this.s);
		if (!found) throw new JsonError('a number is not written as JSON allows', this.i);
		this.i += found[0].length;
		const n = Number(found[0]);
		if (!Number.isFinite(n)) throw new JsonError('a number is too large', this.i - found[0].length);
		return n;
	}
}
