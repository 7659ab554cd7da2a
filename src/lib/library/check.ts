/**
 * The whole check of one scenario document: parse, validate, analyse the graph, and summarise
 * what an author or trainer needs (size, score range, the gap to a naive trainee).
 * Used by `npm run scenarios:check` and by the trainer's scenario import.
 */
import { analyseScenario, BudgetExceeded, CHECK_BUDGET, type Analysis, type CheckBudget, type Path } from '../scenario/analyse';
import { MAX_SCENARIO_BYTES, readScenarioDocument } from '../scenario/reader';
import type { AttemptEvent } from '../scenario/compile';
import type { Scenario } from '../scenario/schema';
import { cardVariables, formatProblem, validateScenario } from '../scenario/validate';
import { proseDocuments } from '../scenario/artifacts';
import { harmfulChoices, rate } from '../attempt/score';
import { assessScenario, STRATEGY_LABEL, STRATEGY_SEEDS, type AssessmentReport } from './assessment';
import { repositoryProblems } from './coverage';

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
	/** Both timing profiles: what the check's budget counts. */
	explored: number;
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
	/**
	 * Assessment findings that do not refuse the document (a trainer's import: the scenario plays,
	 * but its score can be gamed). For the repository's own scenarios they are problems.
	 */
	warnings: string[];
	assessment?: AssessmentReport;
	scenario?: Scenario;
	analysis?: Analysis;
	summary?: ScenarioSummary;
}

export { MAX_SCENARIO_BYTES };

/**
 * A document's bytes (a file) or text, read by the one strict reader and checked.
 * `repository`: one of the repository's own scenarios: the file must be named after the scenario's
 * id, and the assessment rules are requirements. A trainer's import gets them as warnings.
 */
export function checkScenarioFile(
	file: string,
	raw: Uint8Array | string,
	repository = true,
	budget: CheckBudget = CHECK_BUDGET
): CheckReport {
	const read = readScenarioDocument(raw);
	if (!read.ok) return { file, problems: [`${file}: ${read.message}`], warnings: [] };
	return checkScenario(file, read.value, repository, budget);
}

export function checkScenario(file: string, data: unknown, repository = true, budget: CheckBudget = CHECK_BUDGET): CheckReport {
	const validation = validateScenario(data);
	if (!validation.ok)
		return { file, problems: validation.problems.map((p) => `${file}: ${formatProblem(p)}`), warnings: [] };
	const scenario = validation.scenario;
	const expected = `${scenario.id}.json`;
	// Reported with the graph's problems, never instead of them.
	const naming: string[] =
		repository && file.endsWith('.json') && file !== expected && !file.endsWith('/' + expected)
			? [`${file}: the file name should be "${expected}", after the scenario's id`]
			: [];
	naming.push(...proseDocuments(scenario).map((p) => `${file}: ${formatProblem(p)}`));
	let analysis: Analysis;
	try {
		analysis = analyseScenario(scenario, budget);
	} catch (e) {
		if (!(e instanceof BudgetExceeded)) throw e;
		return { file, scenario, problems: [...naming, ...e.problems.map((p) => `${file}: ${formatProblem(p)}`)], warnings: [] };
	}
	if (analysis.problems.length || naming.length)
		return {
			file,
			scenario,
			problems: [...naming, ...analysis.problems.map((p) => `${file}: ${formatProblem(p)}`)],
			warnings: []
		};

	const assessment = assessScenario(scenario, analysis, budget.onProgress);
	const findings = [...assessment.problems, ...cardVariables(scenario), ...(repository ? repositoryProblems(scenario) : [])].map(
		(p) => `${file}: ${formatProblem(p)}`
	);
	const redFlagPoints = scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);
	const outcomeOf = (path: Path) => scenario.endings.find((e) => e.id === path.ending)?.outcome ?? null;
	const percent = (path: Path, flagPoints: number) =>
		rate({
			points: path.points,
			flagPoints,
			maxPoints: analysis.maxPoints,
			outcome: outcomeOf(path),
			harmful: harmfulChoices(scenario, { log: path.choices.map((c) => ({ kind: 'choice', ...c, at: 0 })) })
		}).overall;
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
		explored: analysis.explored,
		minScore: percent(analysis.worst, 0),
		maxScore: percent(analysis.best, redFlagPoints),
		naiveScore: percent(analysis.naive, 0),
		bestEnding: analysis.best.ending,
		bestPath: analysis.best.events.map(describeEvent),
		shortest: Object.fromEntries(Object.entries(analysis.shortest).map(([k, v]) => [k, v ? v.length : null]))
	};
	return {
		file,
		problems: repository ? findings : [],
		warnings: repository ? [] : findings,
		scenario,
		analysis,
		assessment,
		summary
	};
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
	if (!r.summary) return `✗ ${r.file}\n${r.problems.map((p) => '  ' + p).join('\n')}`;
	const s = r.summary;
	const a = r.assessment!;
	const share = (n: number) => (a.lengthCue.points ? `${Math.round((100 * n) / a.lengthCue.points)} %` : '—');
	const shortest = Object.entries(s.shortest)
		.map(([e, n]) => `${e} ${n ?? '—'}`)
		.join(', ');
	const strategies = a.strategies.map(
		(x) =>
			`    ${STRATEGY_LABEL[x.strategy].padEnd(32)} passes ${String(Math.round(100 * x.passRate)).padStart(3)} %, mean ${String(Math.round(x.meanScore)).padStart(3)}, most often → ${x.typicalEnding ?? '—'}  ${x.mustFail ? (x.passes ? '✗ must fail' : 'fails ✓') : '(right policy here)'}`
	);
	return [
		`${r.problems.length ? '✗' : '✓'} ${r.file}  ${s.title}  [${s.audience} · ${s.scamType} · ${s.difficulty}]`,
		...r.problems.map((p) => '  ' + p),
		`  ${s.beats} beats, ${s.actions} actions, ${s.redFlags} red flags, ${s.endings} endings, ${s.explored.toLocaleString('en')} states explored (budget ${CHECK_BUDGET.maxStates.toLocaleString('en')})`,
		`  score: min ${s.minScore}%, max ${s.maxScore}%, naive trainee ${s.naiveScore}% (gap ${s.maxScore - s.naiveScore} points)`,
		`  best path → ${s.bestEnding}: ${s.bestPath.join(' → ')}`,
		`  shortest path to each ending (events): ${shortest}`,
		`  assessment: ${a.decisionPoints} decision points, at least ${a.minOptions} options at each; the longest option is a good one at ${share(a.lengthCue.longestGood.zh)} (zh) / ${share(a.lengthCue.longestGood.en)} (en) of them (chance ${share(a.lengthCue.chance)})`,
		`  endings, by score reachable: ${a.endings.map((e) => `${e.ending} [${e.outcome}] ${e.min}–${e.max}`).join(', ')}`,
		`  strategies (${STRATEGY_SEEDS} seeds each):`,
		...strategies,
		...r.warnings.map((w) => '  warning: ' + w)
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
