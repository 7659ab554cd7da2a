/**
 * The whole check of one scenario document: parse, validate, analyse the graph, and summarise
 * what an author or trainer needs (size, score range, the gap to a naive trainee).
 * Used by `npm run scenarios:check` and by the trainer's scenario import.
 */
import { analyseScenario, type Analysis, type Path } from '../scenario/analyse';
import type { AttemptEvent } from '../scenario/compile';
import type { Scenario } from '../scenario/schema';
import { formatProblem, validateScenario } from '../scenario/validate';
import { rate } from '../attempt/score';

export interface ScenarioSummary {
	id: string;
	title: string;
	audience: string;
	scamType: string;
	difficulty: string;
	beats: number;
	actions: number;
	redFlags: number;
	endings: number;
	states: number;
	minScore: number;
	maxScore: number;
	naiveScore: number;
	bestEnding: string | null;
	bestPath: string[];
	shortest: Record<string, number | null>;
}

export interface CheckReport {
	file: string;
	/** Each problem as one sentence, starting with the file name. */
	problems: string[];
	scenario?: Scenario;
	analysis?: Analysis;
	summary?: ScenarioSummary;
}

export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/** `sameName`: the file must be named after the scenario's id (true for the repository's own). */
export function checkScenarioFile(file: string, raw: string, sameName = true): CheckReport {
	if (raw.length > MAX_SCENARIO_BYTES)
		return { file, problems: [`${file}: the file is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB`] };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch (e) {
		return { file, problems: [`${file}: not valid JSON (${(e as Error).message})`] };
	}
	return checkScenario(file, data, sameName);
}

export function checkScenario(file: string, data: unknown, sameName = true): CheckReport {
	const validation = validateScenario(data);
	if (!validation.ok) return { file, problems: validation.problems.map((p) => `${file}: ${formatProblem(p)}`) };
	const scenario = validation.scenario;
	const expected = `${scenario.id}.json`;
	if (sameName && file.endsWith('.json') && file !== expected && !file.endsWith('/' + expected))
		return { file, problems: [`${file}: the file name should be "${expected}", after the scenario's id`] };
	const analysis = analyseScenario(scenario);
	if (analysis.problems.length)
		return { file, scenario, problems: analysis.problems.map((p) => `${file}: ${formatProblem(p)}`) };

	const redFlagPoints = scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);
	const percent = (path: Path, flags: number) => rate(path.points, flags, analysis.maxPoints).overall;
	const summary: ScenarioSummary = {
		id: scenario.id,
		title: scenario.meta.title.en,
		audience: scenario.meta.audience,
		scamType: scenario.meta.scamType,
		difficulty: scenario.meta.difficulty,
		beats: scenario.beats.length,
		actions: scenario.beats.reduce((s, b) => s + b.actions.length, 0),
		redFlags: scenario.clues.filter((c) => c.kind === 'red-flag').length,
		endings: scenario.endings.length,
		states: analysis.states,
		minScore: percent(analysis.worst, 0),
		maxScore: percent(analysis.best, redFlagPoints),
		naiveScore: percent(analysis.naive, 0),
		bestEnding: analysis.best.ending,
		bestPath: analysis.best.events.map(describeEvent),
		shortest: Object.fromEntries(Object.entries(analysis.shortest).map(([k, v]) => [k, v ? v.length : null]))
	};
	return { file, problems: [], scenario, analysis, summary };
}

function describeEvent(e: AttemptEvent): string {
	switch (e.type) {
		case 'trainee.choose':
			return e.action;
		case 'clock.tick':
			return `(wait ${e.seconds}s)`;
		default:
			return e.type;
	}
}

export function formatReport(r: CheckReport): string {
	if (r.problems.length) return `✗ ${r.file}\n${r.problems.map((p) => '  ' + p).join('\n')}`;
	const s = r.summary!;
	const shortest = Object.entries(s.shortest)
		.map(([e, n]) => `${e} ${n ?? '—'}`)
		.join(', ');
	return [
		`✓ ${r.file}  ${s.title}  [${s.audience} · ${s.scamType} · ${s.difficulty}]`,
		`  ${s.beats} beats, ${s.actions} actions, ${s.redFlags} red flags, ${s.endings} endings, ${s.states} states explored`,
		`  score: min ${s.minScore}%, max ${s.maxScore}%, naive trainee ${s.naiveScore}% (gap ${s.maxScore - s.naiveScore} points)`,
		`  best path → ${s.bestEnding}: ${s.bestPath.join(' → ')}`,
		`  shortest path to each ending (events): ${shortest}`
	].join('\n');
}

/** Scam type × audience × difficulty: how many scenarios cover each cell. */
export function coverageTable(reports: CheckReport[]): string {
	const rows = reports.filter((r) => r.summary).map((r) => r.summary!);
	const difficulties = ['basic', 'intermediate', 'advanced'];
	const types = [...new Set(rows.map((r) => r.scamType))].sort();
	const audiences = [...new Set(rows.map((r) => r.audience))].sort();
	const header = ['scam type', 'audience', ...difficulties];
	const lines = [header];
	for (const t of types)
		for (const a of audiences) {
			const cell = rows.filter((r) => r.scamType === t && r.audience === a);
			if (!cell.length) continue;
			lines.push([t, a, ...difficulties.map((d) => String(cell.filter((r) => r.difficulty === d).length || '·'))]);
		}
	const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
	const fmt = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ');
	return ['Coverage (scenarios per scam type × audience × difficulty):', fmt(header), ...lines.slice(1).map(fmt)].join('\n');
}
