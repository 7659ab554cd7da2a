/**
 * Importing results files on the trainer's PC. Every attempt is verified by replaying its events
 * against the scenario version it names; everything is written in one transaction, so a file that
 * fails part-way changes nothing. Importing the same file twice changes nothing the second time.
 */
import type { AttemptEvent } from '../scenario/compile';
import { contentHash } from '../scenario/hash';
import { checkScenario } from '../library/check';
import { StorageError } from '../storage/errors';
import type { ImportDecisionRow, IncomingAttempt, Store } from '../storage/store';
import type { AttemptSummary, EventRow, ScenarioRow, StoredAttemptRow, Verification } from '../storage/db';
import type { ResultsBundle } from './bundle';
import { parseBundle, type ParseOptions } from './parse';
import { recordKey, replayRecord } from '../analytics/records';
import { verifyAttempt, type ResolvedScenario, type ScenarioResolver, type VerifiedAttempt } from './verify';
import { both, shortId, type Words } from './words';

export { parseBundle, type ParseOptions, type ParseResult } from './parse';
export type { ResolvedScenario, ScenarioResolver } from './verify';

export interface ReportItem {
	kind: 'profile' | 'attempt' | 'scenario';
	id: string;
	/** Who or what: `李静 · mini v1`. */
	label: Words;
	/** What happened and why. */
	reason: Words;
	verification?: Verification;
}

/**
 * What importing one file did. `problems` are reasons the whole file was refused (then nothing
 * was stored). Attempts that were flagged (a result that does not match its replay, or a scenario
 * version this PC lacks) were imported too: they appear in `imported` and in `flagged`.
 */
export interface ImportReport {
	file: string;
	problems: Words[];
	imported: ReportItem[];
	skipped: ReportItem[];
	rejected: ReportItem[];
	flagged: ReportItem[];
	/** Attempts imported, skipped, rejected and flagged; trainees and scenarios added. */
	counts: {
		imported: number;
		skipped: number;
		rejected: number;
		flagged: number;
		profiles: number;
		scenarios: number;
	};
	/** Set when storage failed (the page can offer "export now"). */
	storageError?: StorageError;
}

function emptyReport(file: string, problems: Words[] = []): ImportReport {
	return {
		file,
		problems,
		imported: [],
		skipped: [],
		rejected: [],
		flagged: [],
		counts: {
			imported: 0,
			skipped: 0,
			rejected: 0,
			flagged: 0,
			profiles: 0,
			scenarios: 0
		}
	};
}

const pct = (s: AttemptSummary | null | undefined): Words =>
	s
		? both(`${s.overall}%，${s.passed ? '通过' : '未通过'}`, `${s.overall}%, ${s.passed ? 'passed' : 'not passed'}`)
		: both('没有成绩', 'no result');

function verificationWords(attempt: { scenarioId: string; scenarioVersion: number }, v: VerifiedAttempt): Words {
	// The app stores only events that change the attempt: one the replay ignores means the log was
	// edited or damaged, whatever the result says. The trainer is told which step, in plain words.
	const step = v.firstIgnoredStep;
	const others = v.ignored - 1;
	const ignored =
		v.ignored > 0 && step !== undefined
			? both(
					`某一步被重复或改动过：第 ${step} 步在回放中没有作用${others > 0 ? `（另有 ${others} 步也是如此）` : ''}——记录可能被编辑或损坏`,
					`Step ${step} had no effect on the replay${others > 0 ? ` (nor did ${others} more)` : ''}: the log was edited or damaged (a step duplicated, reordered or made up)`
				)
			: undefined;
	switch (v.verification) {
		case 'verified':
			return both('重放核验一致', 'verified by replaying its events');
		case 'mismatch': {
			if (v.error)
				return both(
					`无法重放其事件（${v.error}），成绩不予采信`,
					`its events cannot be replayed (${v.error}); its result is not trusted`
				);
			const claimed = pct(v.claimed);
			const replayed = pct(v.summary);
			if (ignored && claimed.en === replayed.en)
				return both(
					`${ignored.zh}。按重放结果（${replayed.zh}）计，请向学员核实文件来源`,
					`${ignored.en}. The replayed result (${replayed.en}) counts; check where the file came from`
				);
			const differs = both(
				`文件中的成绩（${claimed.zh}）与重放结果（${replayed.zh}）不符，按重放结果计`,
				`the result in the file (${claimed.en}) does not match its replay (${replayed.en}); the replayed result counts`
			);
			return ignored ? both(`${ignored.zh}；${differs.zh}`, `${ignored.en}; ${differs.en}`) : differs;
		}
		case 'unverifiable':
			return both(
				`本机没有内容一致的场景“${attempt.scenarioId}”第 ${attempt.scenarioVersion} 版，无法核验，成绩仅供参考`,
				`this PC does not have scenario "${attempt.scenarioId}" version ${attempt.scenarioVersion} with the same content, so its result could not be checked`
			);
	}
}

const join = (...parts: Words[]): Words =>
	both(
		parts
			.map((p) => p.zh)
			.filter(Boolean)
			.join('；'),
		parts
			.map((p) => p.en)
			.filter(Boolean)
			.join('; ')
	);

function decisionWords(d: ImportDecisionRow, incomingSteps: number): Words {
	switch (d.decision) {
		case 'added':
			return both('', '');
		case 'duplicate':
			return both('本机已有此记录', 'already on this PC');
		case 'older':
			return both(
				`本机已有更完整的记录（${d.stepsBefore} 步，文件中 ${incomingSteps} 步）`,
				`this PC already has a later copy (${d.stepsBefore} steps; the file has ${incomingSteps})`
			);
		case 'extended':
			return both(
				`已补上后续 ${incomingSteps - (d.stepsBefore ?? 0)} 步`,
				`brought up to date: ${incomingSteps - (d.stepsBefore ?? 0)} more steps`
			);
		case 'conflict':
			return d.conflict === 'different-attempt'
				? both(
						'本机已有同一编号、但学员、场景或随机种子不同的训练记录，已拒绝',
						'an attempt with the same id but another trainee, scenario or seed is already on this PC; refused'
					)
				: d.conflict === 'different-scenario'
					? both(
							'本机已有同一版本号、但内容不同的场景文档，已拒绝',
							'this PC has a different document for this scenario version; refused'
						)
					: both(
							'本机已有同一编号、但事件记录不同的训练记录，已拒绝',
							'an attempt with the same id but a different event log is already on this PC; refused'
						);
	}
}

/** The first step missing from a log that should run 0…n-1, or undefined when none is. */
function firstGap(events: readonly EventRow[]): number | undefined {
	for (let i = 0; i < events.length; i++) if (events[i]!.seq !== i) return i;
	return undefined;
}

interface BackupScenario {
	row: ScenarioRow;
	resolved?: ResolvedScenario;
	problem?: Words;
}

async function checkBackupScenario(row: ScenarioRow): Promise<BackupScenario> {
	const report = checkScenario(`${row.id}@${row.version}`, row.doc, false);
	if (report.problems.length || !report.scenario || !report.analysis) {
		const first = report.problems.slice(0, 3).join('; ');
		return {
			row,
			problem: both(`场景文档未通过检查：${first}`, `the scenario document fails the check: ${first}`)
		};
	}
	if (report.scenario.id !== row.id || report.scenario.version !== row.version)
		return {
			row,
			problem: both(
				'场景文档中的编号或版本与记录不符',
				"the document's id or version differs from the one recorded for it"
			)
		};
	if ((await contentHash(row.doc)) !== row.hash)
		return {
			row,
			problem: both(
				'场景文档的内容与其内容指纹不符（可能被改动过）',
				'the document does not match its content hash (it may have been edited)'
			)
		};
	return {
		row,
		resolved: {
			scenario: report.scenario,
			scoring: {
				maxPoints: report.analysis.maxPoints,
				best: report.analysis.best.choices
			}
		}
	};
}

/**
 * A bundle checked and replayed, ready to store: the CPU work of an import, with no storage (it runs
 * in a Web Worker on the trainer's page, `import.worker.ts`). Plain data, so it can be posted.
 */
export interface PreparedImport {
	report: ImportReport;
	profiles: ResultsBundle['profiles'];
	incoming: IncomingAttempt[];
	/** Each attempt's verification, without its replay (the record already holds what is needed). */
	verified: [string, Omit<VerifiedAttempt, 'replayed'>][];
	scenarios: ScenarioRow[];
}

/**
 * Checks the backup scenarios of a bundle and verifies every attempt by replaying it.
 * `onProgress(checked, total)` is called every `every` attempts and at the end.
 */
export async function prepareBundle(
	bundle: ResultsBundle,
	resolveScenario: ScenarioResolver,
	file = '',
	onProgress?: (checked: number, total: number) => void,
	every = 100
): Promise<PreparedImport> {
	const report = emptyReport(file);
	const names = new Map(bundle.profiles.map((p) => [p.id, p.name]));

	const backup = await Promise.all((bundle.scenarios ?? []).map(checkBackupScenario));
	const scenarioLabel = (id: string, version: number) =>
		both(`场景“${id}”第 ${version} 版`, `scenario "${id}" v${version}`);
	for (const s of backup)
		if (s.problem)
			report.rejected.push({
				kind: 'scenario',
				id: `${s.row.id}@${s.row.version}`,
				label: scenarioLabel(s.row.id, s.row.version),
				reason: s.problem
			});
	const fromBackup = new Map(
		backup.filter((s) => s.resolved).map((s) => [`${s.row.id}\u0000${s.row.version}\u0000${s.row.hash}`, s.resolved!])
	);

	const resolved = new Map<string, ResolvedScenario | undefined>();
	const resolve = async (id: string, version: number, hash: string) => {
		const key = `${id}\u0000${version}\u0000${hash}`;
		if (!resolved.has(key)) resolved.set(key, (await resolveScenario(id, version, hash)) ?? fromBackup.get(key));
		return resolved.get(key);
	};

	const eventsOf = new Map<string, EventRow[]>();
	for (const e of bundle.events) {
		const list = eventsOf.get(e.attemptId) ?? [];
		list.push(e);
		eventsOf.set(e.attemptId, list);
	}

	const attemptLabel = (a: { id: string; profileId: string; scenarioId: string; scenarioVersion: number }) => {
		const who = names.get(a.profileId) ?? shortId(a.profileId);
		return both(
			`${who} · ${a.scenarioId} 第 ${a.scenarioVersion} 版（${shortId(a.id)}）`,
			`${who} · ${a.scenarioId} v${a.scenarioVersion} (${shortId(a.id)})`
		);
	};

	const incoming: IncomingAttempt[] = [];
	const verified: [string, Omit<VerifiedAttempt, 'replayed'>][] = [];
	const total = bundle.attempts.length;
	let checked = 0;
	for (const attempt of bundle.attempts) {
		if (onProgress && checked % every === 0) onProgress(checked, total);
		checked++;
		const rows = (eventsOf.get(attempt.id) ?? []).sort((a, b) => a.seq - b.seq);
		const gap = firstGap(rows);
		if (gap !== undefined) {
			report.rejected.push({
				kind: 'attempt',
				id: attempt.id,
				label: attemptLabel(attempt),
				reason: both(
					`事件记录不完整：缺少第 ${gap + 1} 步，已拒绝`,
					`its event log is incomplete: event ${gap + 1} is missing; refused`
				)
			});
			continue;
		}
		const events: AttemptEvent[] = rows.map((r) => r.event);
		const scenario = await resolve(attempt.scenarioId, attempt.scenarioVersion, attempt.scenarioHash);
		const v = verifyAttempt(attempt, events, scenario);
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the replay is not posted back
		const { replayed, ...verification } = v;
		verified.push([attempt.id, verification]);
		const row: StoredAttemptRow = {
			...attempt,
			status: v.status,
			summary: v.summary,
			origin: 'imported',
			verification: v.verification
		};
		if (v.verification === 'mismatch') row.claimedSummary = v.claimed ?? null;
		incoming.push({
			// The trainer's dashboard reads this instead of replaying the log again (from the replay that
			// verified it: none when the scenario is unknown or the replay failed).
			record: scenario &&
				v.replayed && {
					key: recordKey(attempt.scenarioHash, row),
					record: replayRecord(scenario.scenario, scenario.scoring, row, events, v.replayed)
				},
			row,
			events: rows.map(({ attemptId, seq, event, at }) => ({
				attemptId,
				seq,
				event,
				at
			}))
		});
	}

	onProgress?.(total, total);
	return {
		report,
		profiles: bundle.profiles,
		incoming,
		verified,
		scenarios: backup.filter((s) => s.resolved).map((s) => s.row)
	};
}

/**
 * Adds a parsed bundle to the store. Throws a StorageError when storage fails (nothing is stored
 * then); everything else about the file is in the report.
 */
export async function importBundle(
	store: Store,
	bundle: ResultsBundle,
	resolveScenario: ScenarioResolver,
	file = ''
): Promise<ImportReport> {
	return storePrepared(store, await prepareBundle(bundle, resolveScenario, file));
}

/** Stores a prepared bundle in one transaction and completes its report with what was decided. */
export async function storePrepared(store: Store, prepared: PreparedImport): Promise<ImportReport> {
	const { report, incoming } = prepared;
	const bundle = { profiles: prepared.profiles };
	const verified = new Map(prepared.verified);
	const names = new Map(bundle.profiles.map((p) => [p.id, p.name]));
	const scenarioLabel = (id: string, version: number) =>
		both(`场景“${id}”第 ${version} 版`, `scenario "${id}" v${version}`);
	const attemptLabel = (a: { id: string; profileId: string; scenarioId: string; scenarioVersion: number }) => {
		const who = names.get(a.profileId) ?? shortId(a.profileId);
		return both(
			`${who} · ${a.scenarioId} 第 ${a.scenarioVersion} 版（${shortId(a.id)}）`,
			`${who} · ${a.scenarioId} v${a.scenarioVersion} (${shortId(a.id)})`
		);
	};

	const outcome = await store.importRows({
		profiles: bundle.profiles,
		attempts: incoming,
		scenarios: prepared.scenarios
	});

	const profileLabel = (id: string) => {
		const p = bundle.profiles.find((x) => x.id === id);
		const extra = p ? [p.employeeNo, p.cohort].filter(Boolean).join(' · ') : '';
		const name = p?.name ?? shortId(id);
		return both(extra ? `${name}（${extra}）` : name, extra ? `${name} (${extra})` : name);
	};
	for (const d of outcome.profiles) {
		if (d.decision === 'added') {
			report.imported.push({
				kind: 'profile',
				id: d.id,
				label: profileLabel(d.id),
				reason: both('新学员', 'new trainee')
			});
			report.counts.profiles++;
		} else
			report.skipped.push({
				kind: 'profile',
				id: d.id,
				label: profileLabel(d.id),
				reason: both('本机已有此学员（保留本机的信息）', "already on this PC (this PC's details are kept)")
			});
	}
	for (const d of outcome.scenarios) {
		const [id = '', version = '0'] = d.id.split('@');
		const item: ReportItem = {
			kind: 'scenario',
			id: d.id,
			label: scenarioLabel(id, Number(version)),
			reason: decisionWords(d, 0)
		};
		if (d.decision === 'added') {
			report.imported.push({ ...item, reason: both('已恢复', 'restored') });
			report.counts.scenarios++;
		} else if (d.decision === 'conflict') report.rejected.push(item);
		else report.skipped.push(item);
	}
	const incomingById = new Map(incoming.map((a) => [a.row.id, a]));
	for (const d of outcome.attempts) {
		const a = incomingById.get(d.id)!;
		const v = verified.get(d.id)!;
		const base = {
			kind: 'attempt' as const,
			id: d.id,
			label: attemptLabel(a.row)
		};
		const why = decisionWords(d, a.events.length);
		if (d.decision === 'added' || d.decision === 'extended') {
			const check = verificationWords(a.row, v);
			report.imported.push({
				...base,
				reason: join(why, check),
				verification: v.verification
			});
			if (v.verification !== 'verified')
				report.flagged.push({
					...base,
					reason: check,
					verification: v.verification
				});
		} else if (d.decision === 'conflict') report.rejected.push({ ...base, reason: why });
		else report.skipped.push({ ...base, reason: why });
	}
	const attempts = (items: ReportItem[]) => items.filter((i) => i.kind === 'attempt').length;
	report.counts.imported = attempts(report.imported);
	report.counts.skipped = attempts(report.skipped);
	report.counts.rejected = attempts(report.rejected);
	report.counts.flagged = attempts(report.flagged);
	return report;
}

/** Reads, checks and imports one file; never throws. Nothing is stored when `problems` is not empty. */
export async function importFile(
	store: Store,
	file: { name: string; text: string },
	resolveScenario: ScenarioResolver,
	options: ParseOptions = {}
): Promise<ImportReport> {
	const parsed = parseBundle(file.text, options);
	if (!parsed.ok) return emptyReport(file.name, parsed.problems);
	try {
		return await importBundle(store, parsed.bundle, resolveScenario, file.name);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		const report = emptyReport(file.name, [both(`没有导入任何内容：${message}`, `Nothing was imported: ${message}`)]);
		if (e instanceof StorageError) report.storageError = e;
		return report;
	}
}

/**
 * A resolver over scenarios this page already has (built-in ones with their hashes, and those a
 * trainer imported). It answers only for the exact id, version and content hash.
 */
export function scenarioResolver(
	known: readonly {
		scenario: ResolvedScenario['scenario'];
		hash: string;
		scoring: ResolvedScenario['scoring'];
	}[]
): ScenarioResolver {
	const byKey = new Map(known.map((k) => [`${k.scenario.id}\u0000${k.scenario.version}\u0000${k.hash}`, k]));
	return (id, version, hash) => {
		const k = byKey.get(`${id}\u0000${version}\u0000${hash}`);
		return k && { scenario: k.scenario, scoring: k.scoring };
	};
}
