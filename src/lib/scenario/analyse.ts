/**
 * The graph check. Explores every state an attempt can reach (decisions and the clock, not red-flag
 * marks) with XState's graph utilities, and proves: every beat and ending reachable, every action
 * choosable somewhere, no dead end. It also computes what scoring needs: the most points each
 * competency can earn, and the best, worst and naive paths.
 */
import { fromTransition, type SnapshotFrom } from 'xstate';
import {
	advance,
	availableActions,
	indexScenario,
	nextDueAt,
	storyWaits,
	startContext,
	type AttemptContext,
	type AttemptEvent,
	type MachineInput
} from './compile';
import { COMPETENCIES, HARMFUL_COST_PERCENT, HARMFUL_OUTCOMES, type Competency, type Outcome } from './vocabulary';
import type { Scenario, Seconds } from './schema';
import type { Problem } from './validate';

export type Points = Record<Competency, number>;

export interface Path {
	events: AttemptEvent[];
	/** The decisions on the path, with the beat each was taken in. */
	choices: { beat: string; action: string }[];
	/** Decision points (red flags not included). */
	points: Points;
	ending: string | null;
}

/** The options a trainee is offered in one reachable state (deduplicated by beat, options and waiting). */
export interface DecisionPoint {
	beat: string;
	/** Action ids available, in authored order. */
	actions: string[];
	/** Whether the story is waiting on time here (a beat timeout or a timer that moves the story). */
	waiting: boolean;
	/** Whether no option of this beat has been chosen yet (the beat as first offered). */
	fresh: boolean;
}

/** One end of the range of paths to an ending: its total, harmful choices and points. */
export interface PathValue {
	/** Decision points less the harmful-choice cost (red flags not included). */
	total: number;
	harmful: number;
	points: Points;
}

/** The best and the worst path to one ending. */
export interface EndingRange {
	ending: string;
	best: PathValue;
	worst: PathValue;
}

export interface Analysis {
	states: number;
	/** Every distinct set of options a trainee can be offered. */
	decisions: DecisionPoint[];
	/** Per reachable ending: the best and the worst path's points (red flags not included). */
	endingRanges: EndingRange[];
	problems: Problem[];
	/** The most points a competency can earn on any path, red flags included (for detect). */
	maxPoints: Points;
	best: Path;
	worst: Path;
	naive: Path;
	/** Fewest events (decisions and waits) to each ending; null: unreachable. */
	shortest: Record<string, AttemptEvent[] | null>;
}

/**
 * The compiled machine's semantics as XState actor logic over the context alone, so the graph
 * utilities can visit every state quickly (tests check it agrees with the machine).
 */
export function attemptLogic(scenario: Scenario, input: MachineInput) {
	const ix = indexScenario(scenario);
	return fromTransition((c: AttemptContext, event: AttemptEvent) => advance(ix, c, event), startContext(scenario, input));
}

type AttemptLogic = ReturnType<typeof attemptLogic>;
type State = SnapshotFrom<AttemptLogic>;
/** Every reachable state by its key, with where each available event leads. */
type Adjacency = Record<string, { state: State; transitions: Record<string, { event: AttemptEvent; state: State }> }>;
const isOver = (s: State) => s.context.ending !== null;

// Plain object literals: these run for every edge of graphs with 10,000+ states.
const zero = (): Points => ({ detect: 0, verify: 0, intervene: 0, communicate: 0, comply: 0, timeliness: 0 });
const diff = (a: Points, b: Points): Points => ({
	detect: a.detect - b.detect,
	verify: a.verify - b.verify,
	intervene: a.intervene - b.intervene,
	communicate: a.communicate - b.communicate,
	comply: a.comply - b.comply,
	timeliness: a.timeliness - b.timeliness
});
const add = (a: Points, b: Points): Points => ({
	detect: a.detect + b.detect,
	verify: a.verify + b.verify,
	intervene: a.intervene + b.intervene,
	communicate: a.communicate + b.communicate,
	comply: a.comply + b.comply,
	timeliness: a.timeliness + b.timeliness
});
const total = (p: Points) => p.detect + p.verify + p.intervene + p.communicate + p.comply + p.timeliness;

/** Timers drawn from a range are checked at both ends of it. */
export type TimingProfile = 'min' | 'max';

export function inputFor(scenario: Scenario, profile: TimingProfile): MachineInput {
	const pickSeconds = (s: Seconds) => (typeof s === 'number' ? s : s[profile]);
	const timing: Record<string, number> = {};
	for (const t of scenario.timers) timing[`timer:${t.id}`] = pickSeconds(t.at);
	for (const b of scenario.beats) if (b.timeout) timing[`timeout:${b.id}`] = pickSeconds(b.timeout.after);
	const risk = scenario.moneyAtRisk ? scenario.variables[scenario.moneyAtRisk] : undefined;
	return { timing, moneyAtRisk: risk?.kind === 'amount' ? risk.min : 0 };
}

/**
 * What a state's key keeps: only what can still change what happens next or what it earns.
 * History that cannot matter any more (actions taken in a beat the story cannot come back to,
 * facts no condition or milestone reads, the time once nothing is pending) is left out, which keeps
 * the graph small without changing any path's reachability or points.
 */
interface Relevance {
	readFacts: Set<string>;
	reenterable: Set<string>;
	readsTrust: boolean;
}

const relevanceCache = new WeakMap<Scenario, Relevance>();

function relevance(scenario: Scenario): Relevance {
	const cached = relevanceCache.get(scenario);
	if (cached) return cached;
	const conditions = [
		...scenario.beats.flatMap((b) => [...b.actions.map((a) => a.when), b.timeout?.when]),
		...scenario.timers.map((t) => t.when)
	].filter((c) => !!c);
	const readFacts = new Set([
		...conditions.flatMap((c) => [...(c.all ?? []), ...(c.any ?? []), ...(c.none ?? [])]),
		...scenario.milestones.map((m) => m.fact)
	]);
	const readsTrust = conditions.some((c) => c.trustBelow !== undefined || c.trustAtLeast !== undefined);
	// A beat is re-enterable when it lies on a cycle; timers may jump from any beat to their target.
	const timerTargets = scenario.timers.map((t) => t.next).filter((n): n is string => !!n);
	const next = new Map(
		scenario.beats.map((b) => [
			b.id,
			[...b.actions.map((a) => a.next ?? b.id).filter((n) => n !== b.id), b.timeout?.next, ...timerTargets].filter(
				(n): n is string => !!n
			)
		])
	);
	const reenterable = new Set<string>();
	for (const start of next.keys()) {
		const stack = [...(next.get(start) ?? [])];
		const seen = new Set<string>();
		while (stack.length) {
			const b = stack.pop()!;
			if (b === start) {
				reenterable.add(start);
				break;
			}
			if (seen.has(b)) continue;
			seen.add(b);
			stack.push(...(next.get(b) ?? []));
		}
	}
	const result = { readFacts, reenterable, readsTrust };
	relevanceCache.set(scenario, result);
	return result;
}

/** Keys of states already seen: the optimisers ask for the same transition targets many times. */
const keyCache = new WeakMap<object, string>();

export function controlKey(scenario: Scenario, s: { context: AttemptContext }): string {
	let key = keyCache.get(s);
	if (key === undefined) {
		key = computeKey(scenario, s.context);
		keyCache.set(s, key);
	}
	return key;
}

function computeKey(scenario: Scenario, c: AttemptContext): string {
	if (c.ending !== null) return JSON.stringify(['done', c.ending]);
	const r = relevance(scenario);
	const ix = indexScenario(scenario);
	const timePending =
		nextDueAt(ix, c) !== null ||
		scenario.milestones.some((m) => !c.facts.includes(m.fact) && c.time <= m.within);
	return JSON.stringify([
		c.beat,
		timePending ? c.time : null,
		timePending ? c.beatEnteredAt : null,
		c.timeoutDone,
		c.facts.filter((f) => r.readFacts.has(f)).sort(),
		c.taken.filter((t) => {
			const beat = t.slice(0, t.indexOf('/'));
			return beat === c.beat || r.reenterable.has(beat);
		}).sort(),
		r.readsTrust ? c.trust : null,
		[...c.fired].sort()
	]);
}

/** What can happen next: each available action, or waiting until the next timer falls due. */
export function eventsAt(scenario: Scenario, s: { context: AttemptContext }): AttemptEvent[] {
	if (s.context.ending !== null) return [];
	const ix = indexScenario(scenario);
	const events: AttemptEvent[] = availableActions(ix, s.context).map((a) => ({ type: 'trainee.choose', action: a.id }));
	const due = nextDueAt(ix, s.context);
	if (due !== null) events.push({ type: 'clock.tick', seconds: Math.max(1, due - s.context.time) });
	return events;
}

/**
 * Every reachable state, breadth first, as `@xstate/graph`'s adjacency map. Our own loop (rather
 * than `getAdjacencyMap`, whose queue is an array it shifts: quadratic on 10,000+ states).
 */
export function explore(scenario: Scenario, profile: TimingProfile = 'min') {
	const logic = attemptLogic(scenario, inputFor(scenario, profile));
	const scope = undefined as never;
	const initial = logic.getInitialSnapshot(scope, undefined);
	const adjacency: Adjacency = {};
	const queue: State[] = [initial];
	for (let head = 0; head < queue.length; head++) {
		const state = queue[head]!;
		const key = controlKey(scenario, state);
		if (adjacency[key]) continue;
		const transitions: Adjacency[string]['transitions'] = {};
		adjacency[key] = { state, transitions };
		for (const event of eventsAt(scenario, state)) {
			const next = logic.transition(state, event, scope);
			transitions[JSON.stringify(event)] = { event, state: next };
			if (!adjacency[controlKey(scenario, next)]) queue.push(next);
		}
	}
	return { adjacency, initialKey: controlKey(scenario, initial), initial };
}

interface Choice {
	value: number;
	event?: AttemptEvent;
	nextKey?: string;
	/** Points earned on the chosen edge (from the edge's own target, not a merged representative). */
	reward?: Points;
}

/** What an edge is worth: its points, or more (the harmful-choice cost, the ending's band). */
type EdgeWeight = (reward: Points, event: AttemptEvent, from: AttemptContext, to: AttemptContext) => number;

/** Best (or worst) value of the edge weights from each state to the end, on a DAG. */
function optimise(scenario: Scenario, adj: Adjacency, weight: EdgeWeight, sign: 1 | -1): Map<string, Choice> {
	const memo = new Map<string, Choice>();
	const visiting = new Set<string>();
	const solve = (key: string): number => {
		const known = memo.get(key);
		if (known) return known.value;
		if (visiting.has(key)) throw new Error('the state graph has a cycle');
		visiting.add(key);
		const node = adj[key as keyof Adjacency]!;
		let best: Choice = { value: 0 };
		let first = true;
		for (const [, t] of Object.entries(node.transitions)) {
			const nextKey = controlKey(scenario, t.state);
			const reward = diff(t.state.context.points, node.state.context.points);
			const v = weight(reward, t.event, node.state.context, t.state.context) + solve(nextKey);
			if (first || sign * v > sign * best.value) best = { value: v, event: t.event, nextKey, reward };
			first = false;
		}
		visiting.delete(key);
		memo.set(key, best);
		return best.value;
	};
	for (const key of Object.keys(adj)) solve(key);
	return memo;
}

function followPath(adj: Adjacency, memo: Map<string, Choice>, from: string): Path {
	const events: AttemptEvent[] = [];
	const choices: Path['choices'] = [];
	let points = zero();
	let key = from;
	for (;;) {
		const choice = memo.get(key);
		const node = adj[key as keyof Adjacency]!;
		if (!choice?.event || !choice.nextKey) return { events, choices, points, ending: node.state.context.ending };
		points = add(points, choice.reward!);
		events.push(choice.event);
		if (choice.event.type === 'trainee.choose') choices.push({ beat: node.state.context.beat, action: choice.event.action });
		key = choice.nextKey;
	}
}

/** The path of a trainee who does what the customer asks: naive actions, else the first offered. */
function naivePath(scenario: Scenario, initial: State): Path {
	const ix = indexScenario(scenario);
	let s = initial.context;
	const events: AttemptEvent[] = [];
	const choices: Path['choices'] = [];
	for (let guard = 0; s.ending === null && guard < 10_000; guard++) {
		const actions = availableActions(ix, s);
		const pick = actions.find((a) => a.naive) ?? actions[0];
		const due = nextDueAt(ix, s);
		let event: AttemptEvent;
		if (pick) {
			event = { type: 'trainee.choose', action: pick.id };
			choices.push({ beat: s.beat, action: pick.id });
		}
		else if (due !== null) event = { type: 'clock.tick', seconds: Math.max(1, due - s.time) };
		else break;
		events.push(event);
		s = advance(ix, s, event);
	}
	return { events, choices, points: s.points, ending: s.ending };
}

function shortestPaths(scenario: Scenario, adj: Adjacency, from: string): Map<string, AttemptEvent[]> {
	const paths = new Map<string, AttemptEvent[]>([[from, []]]);
	const queue = [from];
	while (queue.length) {
		const key = queue.shift()!;
		for (const t of Object.values(adj[key as keyof Adjacency]!.transitions)) {
			const next = controlKey(scenario, t.state);
			if (paths.has(next)) continue;
			paths.set(next, [...paths.get(key)!, t.event]);
			queue.push(next);
		}
	}
	return paths;
}

function structuralProblems(scenario: Scenario, adj: Adjacency, profile: TimingProfile): Problem[] {
	const problems: Problem[] = [];
	const beats = new Set<string>();
	const endings = new Set<string>();
	const taken = new Set<string>();
	const shown = new Set<string>();
	const deadEnds = new Set<string>();
	// States are merged by what can still matter, so what was chosen or shown is read off the edges.
	for (const node of Object.values(adj)) {
		const c: AttemptContext = node.state.context;
		if (c.ending) endings.add(c.ending);
		else beats.add(c.beat);
		c.shown.forEach((item) => shown.add(item.item));
		const transitions = Object.values(node.transitions) as { event: AttemptEvent; state: State }[];
		for (const t of transitions) {
			if (t.event.type === 'trainee.choose') taken.add(`${c.beat}/${t.event.action}`);
			t.state.context.shown.forEach((item) => shown.add(item.item));
		}
		if (!isOver(node.state) && transitions.length === 0) deadEnds.add(c.beat);
	}
	const when = profile === 'min' ? '' : ' (with the latest timer times)';
	for (const b of scenario.beats) {
		if (!beats.has(b.id)) problems.push({ where: `beat "${b.id}"`, message: `can never be reached${when}` });
		for (const a of b.actions)
			if (beats.has(b.id) && !taken.has(`${b.id}/${a.id}`))
				problems.push({
					where: `beat "${b.id}", action "${a.id}"`,
					message: `can never be chosen: its condition never holds when the beat is reached${when}`
				});
	}
	for (const d of deadEnds)
		problems.push({
			where: `beat "${d}"`,
			message: `is a dead end${when}: once its actions are used up or blocked, nothing moves the story on`
		});
	for (const e of scenario.endings)
		if (!endings.has(e.id)) problems.push({ where: `ending "${e.id}"`, message: `can never be reached${when}` });
	for (const c of scenario.clues)
		if (!c.items.some((i) => shown.has(i)))
			problems.push({ where: `clue "${c.id}"`, message: `none of its items is ever shown to the trainee${when}` });
	return problems;
}

const BAND_RANK = { harmed: 0, partial: 1, unharmed: 2 } as const;
function bandOf(outcome: Outcome): keyof typeof BAND_RANK {
	if (HARMFUL_OUTCOMES.includes(outcome)) return 'harmed';
	return outcome === 'partial-loss' ? 'partial' : 'unharmed';
}

function harmCost(scenario: Scenario, maxPoints: Points) {
	const ix = indexScenario(scenario);
	const achievable = total(maxPoints) + scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);
	const cost = (HARMFUL_COST_PERCENT / 100) * achievable;
	return (e: AttemptEvent, from: AttemptContext) =>
		e.type === 'trainee.choose' && ix.actions.get(`${from.beat}/${e.action}`)?.verdict === 'harmful' ? cost : 0;
}

function decisionPoints(scenario: Scenario, adjacencies: Adjacency[]): DecisionPoint[] {
	const ix = indexScenario(scenario);
	const seen = new Map<string, DecisionPoint>();
	for (const adj of adjacencies)
		for (const node of Object.values(adj)) {
			const c: AttemptContext = node.state.context;
			if (c.ending !== null) continue;
			const actions = availableActions(ix, c).map((a) => a.id);
			const point: DecisionPoint = {
				beat: c.beat,
				actions,
				waiting: storyWaits(ix, c),
				fresh: !c.taken.some((t) => t.startsWith(`${c.beat}/`))
			};
			const key = JSON.stringify([point.beat, point.actions, point.waiting, point.fresh]);
			if (!seen.has(key)) seen.set(key, point);
		}
	return [...seen.values()];
}

/** For each ending, the highest and lowest total of the paths that reach it. */
function rangesByEnding(
	scenario: Scenario,
	adj: Adjacency,
	initialKey: string,
	cost: (e: AttemptEvent, from: AttemptContext) => number
): EndingRange[] {
	type Range = Map<string, { best: PathValue; worst: PathValue }>;
	const memo = new Map<string, Range>();
	// Iterative post-order, so that a long chain of beats cannot exhaust the call stack.
	const stack: { key: string; expanded: boolean }[] = [{ key: initialKey, expanded: false }];
	while (stack.length) {
		const top = stack[stack.length - 1]!;
		if (memo.has(top.key)) {
			stack.pop();
			continue;
		}
		const node = adj[top.key as keyof Adjacency]!;
		const transitions = Object.values(node.transitions) as { event: AttemptEvent; state: State }[];
		if (!top.expanded) {
			top.expanded = true;
			for (const t of transitions) {
				const k = controlKey(scenario, t.state);
				if (!memo.has(k)) stack.push({ key: k, expanded: false });
			}
			continue;
		}
		stack.pop();
		const range: Range = new Map();
		const c: AttemptContext = node.state.context;
		if (c.ending !== null) {
			const end: PathValue = { total: 0, harmful: 0, points: zero() };
			range.set(c.ending, { best: end, worst: end });
		}
		for (const t of transitions) {
			const reward = diff(t.state.context.points, c.points);
			const charge = cost(t.event, c);
			const extend = (v: PathValue): PathValue => ({
				total: total(reward) - charge + v.total,
				harmful: (charge > 0 ? 1 : 0) + v.harmful,
				points: add(reward, v.points)
			});
			for (const [ending, r] of memo.get(controlKey(scenario, t.state)) ?? new Map()) {
				const best = extend(r.best);
				const worst = extend(r.worst);
				const known = range.get(ending);
				range.set(ending, {
					best: !known || best.total > known.best.total ? best : known.best,
					worst: !known || worst.total < known.worst.total ? worst : known.worst
				});
			}
		}
		memo.set(top.key, range);
	}
	return [...(memo.get(initialKey) ?? new Map()).entries()].map(([ending, r]) => ({ ending, ...r }));
}

/** What pages need from the analysis, small enough to ship as page data. */
export interface ScoringFacts {
	maxPoints: Points;
	best: Path['choices'];
}

export function scoringFacts(scenario: Scenario): ScoringFacts {
	return factsOf(analyseScenario(scenario));
}

/** What scoring and the debrief need of an analysis. */
export function factsOf(a: Pick<Analysis, 'maxPoints' | 'best'>): ScoringFacts {
	return { maxPoints: a.maxPoints, best: a.best.choices };
}

const analysisCache = new WeakMap<Scenario, Analysis>();

export function analyseScenario(scenario: Scenario): Analysis {
	const cached = analysisCache.get(scenario);
	if (cached) return cached;

	const problems: Problem[] = [];
	const seen = new Set<string>();
	const runs = (['min', 'max'] as const).map((profile) => {
		const run = explore(scenario, profile);
		for (const p of structuralProblems(scenario, run.adjacency, profile)) {
			const key = p.where + p.message.replace(/ \(with the latest timer times\)/, '');
			if (!seen.has(key)) problems.push(p);
			seen.add(key);
		}
		return run;
	});
	const { adjacency, initialKey, initial } = runs[0]!;

	const ix = indexScenario(scenario);
	const maxPoints = zero();
	let endingRanges: EndingRange[] = [];
	let best: Path = { events: [], choices: [], points: zero(), ending: null };
	let worst = best;
	if (problems.length === 0) {
		for (const run of runs)
			for (const c of COMPETENCIES) {
				const memo = optimise(scenario, run.adjacency, (p) => p[c], 1);
				maxPoints[c] = Math.max(maxPoints[c], memo.get(run.initialKey)!.value);
			}
		// Best: the highest score under outcome-first scoring (the best band, then the most points
		// less the harmful-choice cost), ties to the shorter path (a tiny cost per event).
		const cost = harmCost(scenario, maxPoints);
		const band = (to: AttemptContext) => (to.ending ? BAND_RANK[bandOf(ix.endings.get(to.ending)!.outcome)] * 1e6 : 0);
		best = followPath(
			adjacency,
			optimise(scenario, adjacency, (p, e, from, to) => total(p) - cost(e, from) + band(to) - 1e-6, 1),
			initialKey
		);
		worst = followPath(
			adjacency,
			optimise(scenario, adjacency, (p, e, from, to) => total(p) - cost(e, from) + band(to), -1),
			initialKey
		);
		endingRanges = rangesByEnding(scenario, adjacency, initialKey, cost);
	}
	maxPoints.detect += scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);

	const paths = shortestPaths(scenario, adjacency, initialKey);
	const shortest: Record<string, AttemptEvent[] | null> = {};
	for (const e of scenario.endings) shortest[e.id] = null;
	for (const [key, events] of paths) {
		const ending = adjacency[key as keyof Adjacency]!.state.context.ending;
		if (ending && (!shortest[ending] || shortest[ending]!.length > events.length)) shortest[ending] = events;
	}

	const analysis: Analysis = {
		states: Object.keys(adjacency).length,
		decisions: decisionPoints(scenario, runs.map((r) => r.adjacency)),
		endingRanges,
		problems,
		maxPoints,
		best,
		worst,
		naive: naivePath(scenario, initial),
		shortest
	};
	analysisCache.set(scenario, analysis);
	return analysis;
}
