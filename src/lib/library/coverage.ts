/**
 * What the scenario set as a whole covers (issue 12): totals against the targets a training
 * department expects, the coverage table (scam type × audience, honest ones apart), whether every
 * scam scenario has a partial loss that the trainee's speed decides, and where each story comes
 * from. Pure: `npm run scenarios:check` prints it, the unit tests hold it.
 */
import { explore, type TimingProfile } from '../scenario/analyse';
import { advance, indexScenario } from '../scenario/compile';
import type { Scenario } from '../scenario/schema';
import type { Problem } from '../scenario/validate';
import { AUDIENCES, SCAM_TYPES } from '../scenario/vocabulary';

/** What the set must reach once all of issue 12's scenarios are in (`scenarios:check --set`). */
export const SET_TARGETS = {
	scenarios: 21,
	accountant: 8,
	honest: 7,
	decisionPoints: 150,
	endings: 90
} as const;
export type SetTotals = Record<keyof typeof SET_TARGETS, number>;

const TOTAL_LABEL: Record<keyof typeof SET_TARGETS, string> = {
	scenarios: 'scenarios',
	accountant: 'for accountants',
	honest: 'honest customers',
	decisionPoints: 'decision points (beats)',
	endings: 'endings'
};

/**
 * What a scenario shipped in `scenarios/` needs beyond what any valid document has (a trainer's
 * import is not held to it): where the story comes from, so a trainer can judge it.
 */
export function repositoryProblems(scenario: Scenario): Problem[] {
	if (scenario.meta.provenance) return [];
	return [
		{
			where: 'meta',
			message:
				'has no "provenance": name the published cases, figures or rules the story draws on (sources), the brief\'s sections it follows (brief) and what is invented (invented)'
		}
	];
}

export const isHonest = (s: Scenario) => s.meta.scamType === 'legitimate';

/**
 * Decision points are counted as beats (each one puts a question to the trainee), as the issue's
 * baseline counts them (11 scenarios, 83 decision points).
 */
export function setTotals(scenarios: readonly Scenario[]): SetTotals {
	return {
		scenarios: scenarios.length,
		accountant: scenarios.filter((s) => s.meta.audience === 'accountant' || s.meta.audience === 'both').length,
		honest: scenarios.filter(isHonest).length,
		decisionPoints: scenarios.reduce((n, s) => n + s.beats.length, 0),
		endings: scenarios.reduce((n, s) => n + s.endings.length, 0)
	};
}

/** Each total against its target, and the ones that miss it. */
export function totalsReport(totals: SetTotals): { lines: string[]; misses: string[] } {
	const misses: string[] = [];
	const lines = (Object.keys(SET_TARGETS) as (keyof typeof SET_TARGETS)[]).map((k) => {
		const ok = totals[k] >= SET_TARGETS[k];
		if (!ok) misses.push(`${TOTAL_LABEL[k]}: ${totals[k]}, the target is at least ${SET_TARGETS[k]}`);
		return `  ${TOTAL_LABEL[k].padEnd(26)} ${String(totals[k]).padStart(4)}   target ≥ ${String(SET_TARGETS[k]).padEnd(4)} ${ok ? 'holds' : 'misses'}`;
	});
	const share = totals.scenarios ? Math.round((100 * totals.honest) / totals.scenarios) : 0;
	lines.push(`  (honest share ${share} %)`);
	return { lines, misses };
}

/**
 * A partial loss that the trainee's speed decides, read off the state graph: a clock event (a
 * timer or a beat timeout falling due) moves part of the money at risk to "lost" while the story
 * goes on, and a `partial-loss` ending can still be reached after it. The money leaves in stages,
 * so the longer the trainee takes, the more of it has gone by the partial ending; acting sooner
 * stops more. Checked with the earliest and the latest timer times (both must hold). Every scam
 * scenario is held to it: one without money at risk fails, since there is then nothing to stop.
 */
export interface SpeedPartial {
	/** Whether the rule applies: every scam scenario (an honest customer has no money at risk). */
	applies: boolean;
	holds: boolean;
	/** The clock event that moves money (a timer id, or "timeout of beat …"), when it holds. */
	clock?: string;
	/** A partial-loss ending reachable after it. */
	ending?: string;
	/** Why it does not hold or apply, in a sentence. */
	reason?: string;
}

export function speedDecidedPartial(scenario: Scenario): SpeedPartial {
	if (isHonest(scenario)) return { applies: false, holds: false, reason: 'an honest customer: no money at risk' };
	if (!scenario.moneyAtRisk)
		return {
			applies: true,
			holds: false,
			reason:
				'a scam scenario needs money at risk ("moneyAtRisk", an amount variable) and a partial loss whose size the trainee\'s speed decides; this one sets no "moneyAtRisk"'
		};
	const partialEndings = new Set(scenario.endings.filter((e) => e.outcome === 'partial-loss').map((e) => e.id));
	if (!partialEndings.size) return { applies: true, holds: false, reason: 'has no partial-loss ending' };
	let found: { clock: string; ending: string } | undefined;
	for (const profile of ['min', 'max'] as TimingProfile[]) {
		const hit = timedLossBeforePartial(scenario, profile, partialEndings);
		if (!hit)
			return {
				applies: true,
				holds: false,
				reason: `no timer or beat timeout moves money while a partial-loss ending can still be reached${profile === 'max' ? ' (with the latest timer times)' : ''}: the trainee's speed does not decide how much is stopped`
			};
		found ??= hit;
	}
	return { applies: true, holds: true, ...found };
}

function timedLossBeforePartial(
	scenario: Scenario,
	profile: TimingProfile,
	partialEndings: Set<string>
): { clock: string; ending: string } | undefined {
	const { graph } = explore(scenario, profile);
	// Which partial-loss ending each state can still reach: children before parents, iteratively
	// (the state graph is acyclic, and a long chain of beats must not exhaust the call stack).
	const reach = new Map<string, string | null>();
	for (const root of graph.keys()) {
		if (reach.has(root)) continue;
		const stack: { key: string; expanded: boolean }[] = [{ key: root, expanded: false }];
		while (stack.length) {
			const top = stack[stack.length - 1]!;
			if (reach.has(top.key)) {
				stack.pop();
				continue;
			}
			const node = graph.get(top.key)!;
			if (!top.expanded) {
				top.expanded = true;
				for (const e of node.edges) if (!reach.has(e.to)) stack.push({ key: e.to, expanded: false });
				continue;
			}
			stack.pop();
			const c = node.context;
			const own = c.ending !== null && partialEndings.has(c.ending) ? c.ending : null;
			reach.set(top.key, own ?? node.edges.map((e) => reach.get(e.to) ?? null).find((x) => x !== null) ?? null);
		}
	}
	const ix = indexScenario(scenario);
	for (const node of graph.values()) {
		const from = node.context;
		if (from.ending !== null) continue;
		for (const e of node.edges) {
			if (e.event.type !== 'clock.tick') continue;
			// The edge's own successor (the graph keeps one representative per key, and money is not in the key).
			const to = advance(ix, from, e.event);
			if (to.ending !== null || to.money.lost <= from.money.lost) continue;
			const ending = reach.get(e.to);
			if (!ending) continue;
			const timer = to.fired.find((f) => !from.fired.includes(f));
			return { clock: timer ? `timer "${timer}"` : `timeout of beat "${from.beat}"`, ending };
		}
	}
	return undefined;
}

export interface CoverageRow {
	scenario: Scenario;
	speed: SpeedPartial;
}

const cell = (n: number) => (n ? String(n) : '·');

function table(header: string[], rows: string[][]): string[] {
	const widths = header.map((_, i) => Math.max(...[header, ...rows].map((l) => (l[i] ?? '').length)));
	const fmt = (l: string[]) =>
		l
			.map((c, i) => c.padEnd(widths[i]!))
			.join('  ')
			.trimEnd();
	return [fmt(header), ...rows.map(fmt)];
}

/**
 * Scam type × audience (every type of the vocabulary, so a gap shows), honest scenarios on their
 * own line, and per scam type how many scenarios have a speed-decided partial loss.
 */
export function coverageTable(rows: readonly CoverageRow[]): string {
	const types = [...SCAM_TYPES.filter((t) => t !== 'legitimate'), 'legitimate'];
	const body = types.map((type) => {
		const of = rows.filter((r) => r.scenario.meta.scamType === type);
		const applies = of.filter((r) => r.speed.applies);
		return [
			type === 'legitimate' ? 'honest (legitimate)' : type,
			...AUDIENCES.map((a) => cell(of.filter((r) => r.scenario.meta.audience === a).length)),
			cell(of.length),
			applies.length ? `${applies.filter((r) => r.speed.holds).length} of ${applies.length}` : '—'
		];
	});
	const total = [
		'total',
		...AUDIENCES.map((a) => cell(rows.filter((r) => r.scenario.meta.audience === a).length)),
		cell(rows.length),
		''
	];
	return [
		'Coverage (scenarios per scam type × audience; honest customers apart):',
		...table(['scam type', ...AUDIENCES, 'all', 'speed-decided partial loss'], [...body, total])
	].join('\n');
}

/** One line per scenario: what it is, its size, the speed rule, and where the story comes from. */
export function scenarioLines(rows: readonly CoverageRow[]): string {
	const header = ['scenario', 'audience', 'type', 'beats', 'endings', 'speed-decided partial loss'];
	const body = rows.map(({ scenario: s, speed }) => [
		s.id,
		s.meta.audience,
		isHonest(s) ? 'honest' : s.meta.scamType,
		String(s.beats.length),
		String(s.endings.length),
		speed.applies ? (speed.holds ? `yes: ${speed.clock} → ${speed.ending}` : 'NO') : '—'
	]);
	const provenance = rows.flatMap(({ scenario: s }) => {
		const p = s.meta.provenance;
		if (!p) return [`  ${s.id}: no provenance`];
		return [
			`  ${s.id}:`,
			...p.sources.map((src) => `    source: ${src.en}`),
			...(p.brief.length ? [`    brief: ${p.brief.join('; ')}`] : []),
			`    invented: ${p.invented.en}`
		];
	});
	return ['Scenarios:', ...table(header, body), '', 'Provenance (sources, brief sections, what is invented):', ...provenance].join(
		'\n'
	);
}

/** Problems of the set that hold for any subset: a scam scenario whose speed decides nothing. */
export function speedProblems(rows: readonly CoverageRow[]): string[] {
	return rows
		.filter((r) => r.speed.applies && !r.speed.holds)
		.map((r) => `${r.scenario.id}.json: ${r.speed.reason}`);
}

/**
 * Where a provenance's `brief` entry may point: the brief's headings and the lines that open a
 * part of it ("**The customer decides** (…)", "Words that matter (…)", "- **Task / click-farming**"),
 * without their markdown.
 */
export function briefHeadings(markdown: string): string[] {
	return markdown
		.split('\n')
		.map((l) =>
			l
				.replace(/^#+\s*/, '')
				.replace(/^[-*]\s+/, '')
				.replace(/\*\*/g, '')
				.trim()
		)
		.filter((l) => l.length > 0 && !l.startsWith('|'));
}

/**
 * A provenance's `brief` entry must name a part of the brief by its heading or the start of it
 * ("1. Fake police / prosecutor" for "1. Fake police / prosecutor, \"safe account\" (冒充公检法)").
 */
export function briefProblems(scenario: Scenario, headings: readonly string[]): string[] {
	const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
	const known = headings.map(norm);
	return (scenario.meta.provenance?.brief ?? [])
		.filter((b) => norm(b).length < 4 || !known.some((h) => h.startsWith(norm(b))))
		.map((b) => `${scenario.id}.json: meta.provenance.brief names "${b}", which does not open a section of the domain brief`);
}
