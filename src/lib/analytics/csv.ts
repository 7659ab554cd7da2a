/**
 * CSV exports a trainer opens in Excel or WPS: UTF-8 with a byte-order mark (without it Excel reads
 * Chinese as GBK and garbles it), CRLF line ends and RFC 4180 quoting. A cell that a spreadsheet
 * would run as a formula (it starts with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, so a trainee named "=HYPERLINK(…)" stays text.
 */
import { COMPETENCIES, type Language } from '../scenario/vocabulary';
import type { Scenario } from '../scenario/schema';
import { render } from '../scenario/text';
import { resolveSetup } from '../attempt/setup';
import type { MessageKey } from '../i18n/messages';
import { format } from '../i18n/format';
import '../i18n/trainer-messages';
import { SCAM_TYPE_LABEL } from '../i18n/labels';
import type { AttemptRecord } from './records';

export const BOM = '\uFEFF';
const EOL = '\r\n';

export type Cell = string | number | boolean | null | undefined;

/** One cell: formula guard first, then quoting when it holds a quote, comma or line break. */
export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let s = String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: BOM, then every row ended by CRLF. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
	return BOM + rows.map((row) => row.map(csvCell).join(',') + EOL).join('');
}

function say(lang: Language, key: MessageKey, params?: Record<string, string>): string {
	return format(lang, key, params);
}

/** Local date and time, "2025-03-04 09:05:00", which spreadsheets read as a date. */
export function localDateTime(ms: number): string {
	const d = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return (
		`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
		`${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
	);
}

/**
 * The CSV file's name, dated by the local calendar like its rows (the UTC date is the day before
 * in China until 08:00): `fraud-drill-attempts-2025A-2025-03-04.csv`.
 */
export function csvFileName(kind: 'attempts' | 'decisions', cohort: string, now: Date): string {
	return `fraud-drill-${kind}-${cohort || 'all'}-${localDateTime(now.getTime()).slice(0, 10)}.csv`;
}

/** The scenario an attempt was played on: same id and version, else the same id. */
function scenarioFinder(scenarios: readonly Scenario[]) {
	const exact = new Map(scenarios.map((s) => [`${s.id}@${s.version}`, s]));
	const latest = new Map<string, Scenario>();
	for (const s of scenarios) if ((latest.get(s.id)?.version ?? 0) < s.version) latest.set(s.id, s);
	return (r: AttemptRecord) => exact.get(`${r.scenarioId}@${r.scenarioVersion}`) ?? latest.get(r.scenarioId);
}

/** One row per attempt. Scenario titles come from `scenarios` when given (else the id is repeated). */
export function attemptsCsv(
	records: readonly AttemptRecord[],
	lang: Language,
	scenarios: readonly Scenario[] = []
): string {
	const find = scenarioFinder(scenarios);
	const yesNo = (b: boolean) => say(lang, b ? 'csvYes' : 'csvNo');
	const header = [
		say(lang, 'csvAttemptId'),
		say(lang, 'csvTraineeName'),
		say(lang, 'employeeNo'),
		say(lang, 'branch'),
		say(lang, 'csvCohort'),
		say(lang, 'csvScenarioId'),
		say(lang, 'csvScenarioTitle'),
		say(lang, 'csvScenarioVersion'),
		say(lang, 'csvScamType'),
		say(lang, 'csvMode'),
		say(lang, 'csvStartedAt'),
		say(lang, 'csvFinished'),
		say(lang, 'csvOutcome'),
		say(lang, 'csvEnding'),
		say(lang, 'csvOverall'),
		say(lang, 'csvPassed'),
		...COMPETENCIES.map((c) => say(lang, 'csvCompetency', { name: say(lang, `competency_${c}`) })),
		say(lang, 'csvMoneyProtected'),
		say(lang, 'csvMoneyLost'),
		say(lang, 'csvRedFlagsShown'),
		say(lang, 'csvRedFlagsFound'),
		say(lang, 'csvFalseAlarms'),
		say(lang, 'csvFirstIntervention'),
		say(lang, 'csvDuration')
	];
	const rows = records.map((r) => [
		r.attemptId,
		r.traineeName,
		r.employeeNo,
		r.branch,
		r.cohort,
		r.scenarioId,
		find(r)?.meta.title[lang] ?? r.scenarioId,
		r.scenarioVersion,
		SCAM_TYPE_LABEL[r.scamType][lang],
		say(lang, r.mode === 'practice' ? 'modePractice' : 'modeAssessment'),
		localDateTime(r.startedAt),
		yesNo(r.finished),
		r.outcome ? say(lang, `outcome_${r.outcome}`) : '',
		r.ending,
		r.overall,
		yesNo(r.passed),
		...COMPETENCIES.map((c) => r.competencies[c]),
		r.moneyProtected,
		r.moneyLost,
		r.redFlags.filter((f) => f.shown).length,
		r.redFlags.filter((f) => f.found).length,
		r.falseAlarms,
		r.firstInterventionAt,
		r.durationSeconds
	]);
	return toCsv([header, ...rows]);
}

/**
 * One row per decision, with the beat's title and the action's label as the trainee saw them
 * (names and amounts filled in from the attempt's seed). A decision whose scenario is not given
 * keeps its ids and leaves the labels empty.
 */
export function decisionsCsv(records: readonly AttemptRecord[], scenarios: readonly Scenario[], lang: Language): string {
	const find = scenarioFinder(scenarios);
	const header = [
		say(lang, 'csvAttemptId'),
		say(lang, 'csvTraineeName'),
		say(lang, 'employeeNo'),
		say(lang, 'csvCohort'),
		say(lang, 'csvScenarioId'),
		say(lang, 'csvMode'),
		say(lang, 'csvStep'),
		say(lang, 'csvAt'),
		say(lang, 'csvBeatId'),
		say(lang, 'csvBeat'),
		say(lang, 'csvActionId'),
		say(lang, 'csvAction'),
		say(lang, 'csvVerdict')
	];
	const rows: Cell[][] = [header];
	for (const r of records) {
		if (!r.decisions.length) continue;
		const scenario = find(r);
		const values = scenario ? resolveSetup(scenario, r.seed).values : {};
		r.decisions.forEach((d, i) => {
			const beat = scenario?.beats.find((b) => b.id === d.beat);
			const action = beat?.actions.find((a) => a.id === d.action);
			rows.push([
				r.attemptId,
				r.traineeName,
				r.employeeNo,
				r.cohort,
				r.scenarioId,
				say(lang, r.mode === 'practice' ? 'modePractice' : 'modeAssessment'),
				i + 1,
				d.at,
				d.beat,
				beat && scenario ? render(beat.title, lang, scenario, values) : '',
				d.action,
				action && scenario ? render(action.label, lang, scenario, values) : '',
				say(lang, `verdict_${d.verdict}`)
			]);
		});
	}
	return toCsv(rows);
}
