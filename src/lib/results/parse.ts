/**
 * Reading a results file that came from outside: size, nesting, JSON, forbidden keys, format and
 * version, the strict schema, then the references between rows. Each problem says what is wrong
 * and where, in both languages, in words a trainer can act on.
 */
import type { z } from 'zod';
import { bundleSchema, FORMAT, FORMAT_VERSION, LIMITS, type ResultsBundle } from './bundle';
import { both, shortId, type Words } from './words';

export interface ParseOptions {
	maxBytes?: number;
	maxDepth?: number;
	/** Problems listed before "and N more". */
	maxProblems?: number;
}

export type ParseResult = { ok: true; bundle: ResultsBundle } | { ok: false; problems: Words[] };

/** Keys that could reach an object's prototype once the data is copied around. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

export function tooLarge(bytes: number, maxBytes: number): Words {
	return both(
		`文件大小为 ${mib(bytes)} MB，超过了成绩文件的上限 ${mib(maxBytes)} MB。`,
		`The file is ${mib(bytes)} MB; a results file may be at most ${mib(maxBytes)} MB.`
	);
}

/** How deeply objects and lists nest, read from the text so JSON.parse never sees a hostile depth. */
export function nestingDepth(text: string, stopAbove = Infinity): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > max) max = depth;
			if (max > stopAbove) return max;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return max;
}

/** The first forbidden key in parsed JSON, with its path (JSON.parse makes "__proto__" an own key). */
export function findForbiddenKey(value: unknown): { key: string; path: (string | number)[] } | undefined {
	// Each node links to its parent: the path is only spelled out for the key found (copying it for
	// every one of a large file's million nodes took a third of a second).
	interface Node {
		node: unknown;
		at: string | number;
		parent: Node | null;
	}
	const pathOf = (n: Node | null) => {
		const path: (string | number)[] = [];
		for (; n && n.parent; n = n.parent) path.unshift(n.at);
		return path;
	};
	const stack: Node[] = [{ node: value, at: '', parent: null }];
	while (stack.length) {
		const entry = stack.pop()!;
		const { node } = entry;
		if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) if (node[i] && typeof node[i] === 'object') stack.push({ node: node[i], at: i, parent: entry });
		} else if (node && typeof node === 'object')
			for (const key of Object.keys(node)) {
				if (FORBIDDEN_KEYS.has(key)) return { key, path: pathOf(entry) };
				const child = (node as Record<string, unknown>)[key];
				if (child && typeof child === 'object') stack.push({ node: child, at: key, parent: entry });
			}
	}
	return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Where in the file, in words

const recordAt = (root: unknown, list: string, index: unknown): Record<string, unknown> | undefined => {
	const rows = isRecord(root) ? root[list] : undefined;
	const row = Array.isArray(rows) && typeof index === 'number' ? rows[index] : undefined;
	return isRecord(row) ? row : undefined;
};
const idOf = (row: Record<string, unknown> | undefined, key = 'id') =>
	row && typeof row[key] === 'string' ? (row[key] as string) : undefined;

function attemptWords(root: unknown, index: number, id: string | undefined): Words {
	const tag = id ? ` (id ${shortId(id)})` : '';
	const zhTag = id ? `（id ${shortId(id)}）` : '';
	return both(`第 ${index + 1} 条训练记录${zhTag}`, `attempt ${index + 1}${tag}`);
}

/** The attempt an event row belongs to, by its position in `attempts`. */
function attemptIndex(root: unknown, attemptId: string): number {
	const rows = isRecord(root) && Array.isArray(root.attempts) ? root.attempts : [];
	return rows.findIndex((a) => isRecord(a) && a.id === attemptId);
}

export function placeWords(path: readonly PropertyKey[], root: unknown): { where: Words; field: string } {
	const [list, index, ...rest] = path;
	const field = rest.map(String).join('.');
	if (list === 'profiles' && typeof index === 'number') {
		const id = idOf(recordAt(root, 'profiles', index));
		return {
			where: both(
				`第 ${index + 1} 个学员档案${id ? `（id ${shortId(id)}）` : ''}`,
				`profile ${index + 1}${id ? ` (id ${shortId(id)})` : ''}`
			),
			field
		};
	}
	if (list === 'attempts' && typeof index === 'number')
		return {
			where: attemptWords(root, index, idOf(recordAt(root, 'attempts', index))),
			field
		};
	if (list === 'events' && typeof index === 'number') {
		const row = recordAt(root, 'events', index);
		const attemptId = idOf(row, 'attemptId');
		// A row whose step number is the problem is named by its place in the list instead.
		const seq =
			row && rest[0] !== 'seq' && typeof row.seq === 'number' && Number.isInteger(row.seq) && row.seq >= 0
				? row.seq
				: undefined;
		const ai = attemptId ? attemptIndex(root, attemptId) : -1;
		const fieldInEvent = rest[0] === 'event' ? rest.slice(1).map(String).join('.') : field;
		if (ai >= 0 && seq !== undefined) {
			const a = attemptWords(root, ai, attemptId);
			return {
				where: both(`${a.zh}的第 ${seq + 1} 步`, `${a.en}: event ${seq + 1}`),
				field: fieldInEvent
			};
		}
		return {
			where: both(`第 ${index + 1} 行事件记录`, `event row ${index + 1}`),
			field
		};
	}
	if (list === 'scenarios' && typeof index === 'number') {
		const row = recordAt(root, 'scenarios', index);
		const id = idOf(row);
		const v = row && typeof row.version === 'number' ? ` v${row.version}` : '';
		return {
			where: both(
				`备份中的场景 ${id ? `“${id}”${v}` : index + 1}`,
				`scenario ${id ? `"${id}"${v}` : index + 1} in the backup`
			),
			field
		};
	}
	if (list === 'scope')
		return {
			where: both('导出范围', 'the export scope'),
			field: path.slice(1).map(String).join('.')
		};
	return { where: both('文件', 'the file'), field: path.map(String).join('.') };
}

const EXPECTED: Record<string, Words> = {
	string: both('文本', 'text'),
	number: both('数字', 'a number'),
	int: both('整数', 'a whole number'),
	boolean: both('true 或 false', 'true or false'),
	object: both('对象（{…}）', 'an object ({…})'),
	array: both('列表（[…]）', 'a list ([…])'),
	null: both('null', 'null')
};

function isMissing(path: readonly PropertyKey[], root: unknown): boolean {
	let node: unknown = root;
	for (let i = 0; i < path.length - 1; i++) {
		if (!isRecord(node) && !Array.isArray(node)) return false;
		node = (node as Record<PropertyKey, unknown>)[path[i]!];
	}
	const last = path[path.length - 1];
	return last !== undefined && isRecord(node) && !Object.prototype.hasOwnProperty.call(node, last);
}

export function describeIssue(issue: z.core.$ZodIssue, root: unknown): Words {
	const { where, field } = placeWords(issue.path, root);
	const inEvent = issue.path[0] === 'events' && issue.path[2] === 'event';
	const subject = field ? both(`“${field}”`, `"${field}"`) : both('', 'the value');
	const say = (zh: string, en: string) => both(`${where.zh}：${zh}`, `${where.en}: ${en}`);
	if (inEvent && issue.code === 'invalid_union' && (field === 'type' || field === ''))
		return both(`${where.zh}不是可识别的事件类型`, `${where.en} is not a known event type`);
	if (issue.code === 'invalid_type' && isMissing(issue.path, root))
		return say(`缺少${subject.zh || '一个值'}`, `${subject.en} is missing`);
	switch (issue.code) {
		case 'invalid_type': {
			const expected = EXPECTED[issue.expected] ?? both(issue.expected, issue.expected);
			return say(`${subject.zh || '该值'}应为${expected.zh}`, `${subject.en} should be ${expected.en}`);
		}
		case 'too_big': {
			const max = String(issue.maximum);
			if (issue.origin === 'string')
				return say(`${subject.zh}过长（最多 ${max} 个字符）`, `${subject.en} is too long (at most ${max} characters)`);
			if (issue.origin === 'array')
				return say(`${subject.zh}条目过多（最多 ${max} 条）`, `${subject.en} has too many entries (at most ${max})`);
			return say(`${subject.zh}过大（最大 ${max}）`, `${subject.en} is too large (at most ${max})`);
		}
		case 'too_small': {
			const min = String(issue.minimum);
			if (issue.origin === 'string') return say(`${subject.zh}为空`, `${subject.en} is empty`);
			if (issue.origin === 'array')
				return say(`${subject.zh}条目过少（至少 ${min} 条）`, `${subject.en} has too few entries (at least ${min})`);
			return say(`${subject.zh}过小（最小 ${min}）`, `${subject.en} is too small (at least ${min})`);
		}
		case 'invalid_format':
			return say(
				`${subject.zh}格式不正确${issue.format === 'datetime' ? '（应为 ISO 日期时间）' : ''}`,
				`${subject.en} is not in the expected format${issue.format === 'datetime' ? ' (an ISO date and time)' : ''}`
			);
		case 'unrecognized_keys': {
			const keys = issue.keys.map((k) => `"${k}"`).join(', ');
			const zhKeys = issue.keys.map((k) => `“${k}”`).join('、');
			return say(
				`${field ? subject.zh : ''}含有未知字段 ${zhKeys}`,
				`${field ? `${subject.en} has` : 'has'} unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`
			);
		}
		case 'invalid_value': {
			const values = issue.values.map((v) => JSON.stringify(v));
			return say(`${subject.zh}只能是 ${values.join('、')} 之一`, `${subject.en} must be one of ${values.join(', ')}`);
		}
		case 'invalid_union':
			return say(`${subject.zh}的结构不对`, `${subject.en} has the wrong shape`);
		default:
			return say(`${subject.zh}不符合要求（${issue.message}）`, `${subject.en} is not valid (${issue.message})`);
	}
}

// ---------------------------------------------------------------------------------------------

function pathWords(path: (string | number)[]): string {
	return path.length ? path.map((p) => (typeof p === 'number' ? String(p + 1) : p)).join(' › ') : '—';
}

function capped(problems: Words[], max: number): Words[] {
	if (problems.length <= max) return problems;
	const more = problems.length - max;
	return [...problems.slice(0, max), both(`……另有 ${more} 个问题`, `…and ${more} more problems`)];
}

export function parseBundle(text: string, options: ParseOptions = {}): ParseResult {
	const maxBytes = options.maxBytes ?? LIMITS.fileBytes;
	const maxDepth = options.maxDepth ?? LIMITS.depth;
	const fail = (...problems: Words[]): ParseResult => ({
		ok: false,
		problems: capped(problems, options.maxProblems ?? 20)
	});

	// Each character is at least one byte: count exactly only when it could matter.
	if (text.length > maxBytes) return fail(tooLarge(text.length, maxBytes));
	if (text.length * 3 > maxBytes) {
		const bytes = utf8Length(text);
		if (bytes > maxBytes) return fail(tooLarge(bytes, maxBytes));
	}
	if (text.trim() === '') return fail(both('文件是空的。', 'The file is empty.'));
	if (nestingDepth(text, maxDepth) > maxDepth)
		return fail(
			both(
				`文件中的数据嵌套超过 ${maxDepth} 层，不是正常的成绩文件，已拒绝。`,
				`The data in the file is nested more than ${maxDepth} levels deep, which no results file is; it was refused.`
			)
		);

	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		if (/end of (JSON )?(data|input)|unterminated|unexpected end/i.test(message))
			return fail(
				both(
					'文件不完整：在数据结束前就中断了，可能是复制或下载时被截断。请重新导出。',
					'The file is incomplete: it ends in the middle of the data, perhaps cut off while copying or downloading. Export it again.'
				)
			);
		return fail(both(`文件不是有效的 JSON（${message}）。`, `The file is not valid JSON (${message}).`));
	}

	const forbidden = findForbiddenKey(data);
	if (forbidden)
		return fail(
			both(
				`文件中含有名为“${forbidden.key}”的字段（位置：${pathWords(forbidden.path)}）。正常的成绩文件不会有这个字段，为安全起见已拒绝。`,
				`The file contains a key named "${forbidden.key}" (at ${pathWords(forbidden.path)}). No genuine results file has one; it was refused for safety.`
			)
		);

	if (!isRecord(data) || data.format !== FORMAT) {
		const looksLikeScenario = isRecord(data) && Array.isArray(data.beats);
		return fail(
			looksLikeScenario
				? both(
						'这是一个场景文件，不是成绩文件。请在场景库中导入场景。',
						'This is a scenario document, not a results file. Import scenarios in the scenario library.'
					)
				: both('这不是“反诈演练”的成绩文件。', 'This is not a Fraud Drill results file.')
		);
	}
	const version = data.formatVersion;
	if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION)
		return fail(
			both(
				`此文件由更新版本的“反诈演练”导出（文件格式第 ${version} 版，本程序只能读取第 ${FORMAT_VERSION} 版）。请先更新本机的程序再导入。`,
				`This file was exported by a newer version of Fraud Drill (file format ${version}; this app reads format ${FORMAT_VERSION}). Update the app on this PC, then import it.`
			)
		);
	if (version !== FORMAT_VERSION)
		return fail(
			both(
				`不支持此文件的格式版本（${JSON.stringify(version) ?? '缺失'}）。`,
				`This file's format version (${JSON.stringify(version) ?? 'missing'}) is not supported.`
			)
		);

	const parsed = bundleSchema.safeParse(data);
	if (!parsed.success) return fail(...parsed.error.issues.map((issue) => describeIssue(issue, data)));
	const bundle: ResultsBundle = parsed.data;
	const problems = checkReferences(bundle);
	return problems.length ? fail(...problems) : { ok: true, bundle };
}

/** Rows that name each other must agree: one id per row, every reference to a row in the file. */
export function checkReferences(bundle: ResultsBundle): Words[] {
	const problems: Words[] = [];
	const profileIds = new Set<string>();
	bundle.profiles.forEach((p, i) => {
		if (profileIds.has(p.id))
			problems.push(
				both(
					`第 ${i + 1} 个学员档案：id ${shortId(p.id)} 重复出现`,
					`profile ${i + 1}: id ${shortId(p.id)} appears twice`
				)
			);
		profileIds.add(p.id);
	});
	const attemptAt = new Map<string, number>();
	bundle.attempts.forEach((a, i) => {
		const where = attemptWords(bundle, i, a.id);
		if (attemptAt.has(a.id)) problems.push(both(`${where.zh}：id 重复出现`, `${where.en}: the id appears twice`));
		else attemptAt.set(a.id, i);
		if (!profileIds.has(a.profileId))
			problems.push(
				both(
					`${where.zh}：所属学员（id ${shortId(a.profileId)}）不在文件中`,
					`${where.en}: its trainee (id ${shortId(a.profileId)}) is not in the file`
				)
			);
	});
	const steps = new Set<string>();
	bundle.events.forEach((e, i) => {
		const ai = attemptAt.get(e.attemptId);
		if (ai === undefined) {
			problems.push(
				both(
					`第 ${i + 1} 行事件记录：所属训练记录（id ${shortId(e.attemptId)}）不在文件中`,
					`event row ${i + 1}: its attempt (id ${shortId(e.attemptId)}) is not in the file`
				)
			);
			return;
		}
		const key = `${e.attemptId}\u0000${e.seq}`;
		if (steps.has(key)) {
			const where = attemptWords(bundle, ai, e.attemptId);
			problems.push(both(`${where.zh}的第 ${e.seq + 1} 步重复出现`, `${where.en}: event ${e.seq + 1} appears twice`));
		}
		steps.add(key);
	});
	const { scope } = bundle;
	if (scope.kind === 'trainee' && !profileIds.has(scope.value))
		problems.push(
			both(
				`导出范围所指的学员（id ${shortId(scope.value)}）不在文件中`,
				`the trainee the file is for (id ${shortId(scope.value)}) is not in it`
			)
		);
	if (scope.kind !== 'backup' && bundle.scenarios?.length)
		problems.push(
			both(
				'只有完整备份才能包含场景文档，而此文件不是备份',
				'only a full backup may hold scenario documents, and this file is not one'
			)
		);
	const scenarioKeys = new Set<string>();
	for (const s of bundle.scenarios ?? []) {
		const key = `${s.id}@${s.version}`;
		if (scenarioKeys.has(key))
			problems.push(
				both(
					`备份中的场景“${s.id}”v${s.version} 重复出现`,
					`scenario "${s.id}" v${s.version} appears twice in the backup`
				)
			);
		scenarioKeys.add(key);
	}
	return problems;
}
