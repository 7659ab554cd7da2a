/**
 * The graph check. Explores every state an attempt can reach (decisions and the clock, not red-flag
 * marks) within a budget of states and time, and proves: every beat and ending reachable, every action
 * choosable somewhere, no dead end. It also computes what scoring needs: the most points each
 * competency can earn, and the best, worst and naive paths.
 */
import { fromTransition } from 'xstate';
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
	/** Reachable states with the earliest timer times. */
	states: number;
	/** States explored in all, both timing profiles: what the budget counts. */
	explored: number;
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

/**
 * The reachable state graph. A node keeps a slim copy of its context (no log, no shown items: they
 * do not change what can happen next, and they made each state cost kilobytes); an edge keeps what
 * the analyses read of its target: its key and the points earned on it.
 */
interface Edge {
	event: AttemptEvent;
	to: string;
	/** Points earned on this edge (from the edge's own target, not a merged representative). */
	reward: Points;
}
interface GraphNode {
	context: AttemptContext;
	edges: Edge[];
}
type Graph = Map<string, GraphNode>;
const isOver = (c: AttemptContext) => c.ending !== null;

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
const ZERO: Points = Object.freeze(zero());
const isZero = (p: Points) =>
	!p.detect && !p.verify && !p.intervene && !p.communicate && !p.comply && !p.timeliness;
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
	/** Beats with a timeout; how many timers there are. */
	timeouts: Set<string>;
	timers: number;
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
	const timeouts = new Set(scenario.beats.filter((b) => b.timeout).map((b) => b.id));
	const result = { readFacts, reenterable, readsTrust, timeouts, timers: scenario.timers.length };
	relevanceCache.set(scenario, result);
	return result;
}

/** The key of a state: what can still change what happens next or what it earns. */
export function controlKey(scenario: Scenario, s: { context: AttemptContext }): string {
	return computeKey(scenario, s.context);
}

function computeKey(scenario: Scenario, c: AttemptContext): string {
	if (c.ending !== null) return `done|${c.ending}`;
	const r = relevance(scenario);
	// Whether anything can still fall due (the same as `nextDueAt(…) !== null`, without sorting).
	const timePending =
		(r.timeouts.has(c.beat) && !c.timeoutDone) ||
		(c.fired.length < r.timers && scenario.timers.some((t) => !c.fired.includes(t.id))) ||
		scenario.milestones.some((m) => c.time <= m.within && !c.facts.includes(m.fact));
	let facts = '';
	for (const f of [...c.facts].sort()) if (r.readFacts.has(f)) facts += f + ',';
	let taken = '';
	for (const t of [...c.taken].sort()) {
		const beat = t.slice(0, t.indexOf('/'));
		if (beat === c.beat || r.reenterable.has(beat)) taken += t + ',';
	}
	// Ids are lower-case letters, digits and hyphens, so "|" and "," cannot be part of one.
	return `${c.beat}|${timePending ? `${c.time}|${c.beatEnteredAt}` : '|'}|${c.timeoutDone ? 1 : 0}|${facts}|${taken}|${r.readsTrust ? c.trust : ''}|${[...c.fired].sort().join(',')}`;
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
 * How far the check may go on one document, the same in the CLI and the browser. The largest
 * built-in scenario needs about half the states (some 120,000, 250 MB); a document that needs more
 * is refused with what multiplies its states, rather than hanging the page or exhausting memory.
 */
export interface CheckBudget {
	/** Reachable states, both timing profiles together (the check explores each). */
	maxStates: number;
	/** Milliseconds for the whole analysis. */
	maxMillis: number;
	/**
	 * Called every few thousand states with the number explored so far, then during the
	 * assessment's strategy replays with the seeds done.
	 */
	onProgress?: (done: number, phase?: 'graph' | 'strategies') => void;
}

export const CHECK_BUDGET: CheckBudget = { maxStates: 250_000, maxMillis: 120_000 };

/** The check ran out of its budget: `problems` say why, and what to simplify. */
export class BudgetExceeded extends Error {
	constructor(readonly problems: Problem[]) {
		super(problems.map((p) => p.message).join('; '));
		this.name = 'BudgetExceeded';
	}
}

const EMPTY: never[] = [];
/** Drops what the analyses never read, so that 10,000s of states fit in a browser tab. */
const slim = (c: AttemptContext): AttemptContext =>
	c.log.length || c.shown.length || c.flags.length ? { ...c, log: EMPTY, shown: EMPTY, flags: EMPTY } : c;

interface Exploration {
	graph: Graph;
	initialKey: string;
	initial: AttemptContext;
	/** Every item shown on some path. */
	shown: Set<string>;
	/** Timers that did something on some path (fell due with their condition holding). */
	timersRun: Set<string>;
}

interface Clock {
	started: number;
	budget: CheckBudget;
	/** States explored in earlier runs, for progress reports. */
	before: number;
}

/** Every reachable state, breadth first, within the budget. */
export function explore(
	scenario: Scenario,
	profile: TimingProfile = 'min',
	clock: Clock = { started: Date.now(), budget: CHECK_BUDGET, before: 0 }
): Exploration {
	const ix = indexScenario(scenario);
	const start = startContext(scenario, inputFor(scenario, profile));
	const shown = new Set(start.shown.map((s) => s.item));
	const initial = slim(start);
	const initialKey = computeKey(scenario, initial);
	const timersRun = new Set<string>();
	const graph: Graph = new Map();
	const keys = new Map<string, string>([[initialKey, initialKey]]);
	const queue: { key: string; context: AttemptContext }[] = [{ key: initialKey, context: initial }];
	const { budget } = clock;
	for (let head = 0; head < queue.length; head++) {
		const { key, context } = queue[head]!;
		if (graph.has(key)) continue;
		const edges: Edge[] = [];
		graph.set(key, { context, edges });
		queue[head] = undefined as never; // the queue can hold far more entries than states
		for (const event of eventsAt(scenario, { context })) {
			const full = advance(ix, context, event);
			for (const s of full.shown) shown.add(s.item);
			// The slim context's log is empty, so this is what happened on this edge.
			for (const l of full.log) if (l.kind === 'timer') timersRun.add(l.timer);
			const next = slim(full);
			let to = computeKey(scenario, next);
			const known = keys.get(to); // one copy of each key, however many edges lead to it
			if (known === undefined) {
				keys.set(to, to);
				queue.push({ key: to, context: next });
				// Counted when found, not when expanded: the queue's states cost memory too.
				const found = clock.before + keys.size;
				if (found > budget.maxStates) throw new BudgetExceeded(overBudget(scenario, graph, 'states', clock));
				if (found % 1024 === 0) {
					budget.onProgress?.(found);
					if (Date.now() - clock.started > budget.maxMillis)
						throw new BudgetExceeded(overBudget(scenario, graph, 'time', clock));
				}
			} else to = known;
			const reward = diff(next.points, context.points);
			edges.push({ event, to, reward: isZero(reward) ? ZERO : reward });
		}
	}
	return { graph, initialKey, initial, shown, timersRun };
}

/** Why the budget ran out, in words: where the states are and what multiplies them. */
function overBudget(scenario: Scenario, graph: Graph, what: 'states' | 'time', clock: Clock): Problem[] {
	const perBeat = new Map<string, number>();
	const times = new Map<string, Set<number>>();
	const facts = new Map<string, number>();
	const r = relevance(scenario);
	for (const { context: c } of graph.values()) {
		if (c.ending) continue;
		perBeat.set(c.beat, (perBeat.get(c.beat) ?? 0) + 1);
		let t = times.get(c.beat);
		if (!t) times.set(c.beat, (t = new Set()));
		t.add(c.time);
		for (const f of c.facts) if (r.readFacts.has(f)) facts.set(f, (facts.get(f) ?? 0) + 1);
	}
	const n = graph.size;
	const top = [...perBeat.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
	const varying = [...facts.entries()].filter(([, k]) => k > n * 0.02 && k < n * 0.98).map(([f]) => f);
	const manyTimes = [...times.entries()].filter(([, t]) => t.size > 50).sort((a, b) => b[1].size - a[1].size);
	const why: string[] = [];
	if (varying.length > 3)
		why.push(
			`${varying.length} facts read by conditions are set on some paths and not on others (${varying
				.slice(0, 8)
				.map((f) => `"${f}"`)
				.join(', ')}${varying.length > 8 ? ', …' : ''}); each one doubles the situations to check`
		);
	if (manyTimes.length)
		why.push(
			`the clock matters at ${manyTimes[0]![1].size.toLocaleString('en')} different seconds in beat "${manyTimes[0]![0]}" (timers or timeouts pending there keep every second distinct)`
		);
	const busiest = top[0] && scenario.beats.find((b) => b.id === top[0]![0]);
	const staying = busiest ? busiest.actions.filter((a) => !a.next || a.next === busiest.id).length : 0;
	if (busiest && staying > 4)
		why.push(
			`${staying} options of beat "${busiest.id}" keep the story in that beat, so they can be taken in any combination (each one doubles the situations); move some on to a beat of their own`
		);
	for (const loop of timeoutLoops(scenario))
		why.push(`the timeouts of ${loop.map((b) => `"${b}"`).join(' → ')} lead round in a loop, so waiting never ends the story`);
	const spent =
		what === 'states'
			? `${clock.budget.maxStates.toLocaleString('en')} states (the check's budget)`
			: `${Math.round(clock.budget.maxMillis / 1000)} s (the check's budget), after ${(clock.before + n).toLocaleString('en')} states`;

	return [
		{
			where: '',
			message:
				`too complex to check: the check stopped at ${spent} before it had seen every situation the story can reach. ` +
				`Most are in beat${top.length > 1 ? 's' : ''} ${top.map(([b, k]) => `"${b}" (${Math.round((100 * k) / n)} %)`).join(', ')}. ` +
				(why.length ? `What multiplies them: ${why.join('; ')}. ` : '') +
				'Simplify it: fewer facts that later conditions read, fewer timers pending at the same time, or split it into two scenarios'
		}
	];
}

/**
 * Beats whose timeouts lead from one to the next and back (without a choice): the story would
 * move round them for ever while the trainee waits. A loop with a condition on one of its timeouts
 * may stop, so only unconditional ones are refused outright; the budget catches the rest.
 */
export function timeoutLoops(scenario: Scenario, unconditionalOnly = false): string[][] {
	const next = new Map<string, string>();
	for (const b of scenario.beats)
		if (b.timeout?.next && b.timeout.next !== b.id && (!unconditionalOnly || !b.timeout.when)) next.set(b.id, b.timeout.next);
	const loops: string[][] = [];
	const done = new Set<string>();
	for (const startBeat of next.keys()) {
		const path: string[] = [];
		const at = new Map<string, number>();
		let b: string | undefined = startBeat;
		while (b !== undefined && !done.has(b) && !at.has(b)) {
			at.set(b, path.length);
			path.push(b);
			b = next.get(b);
		}
		if (b !== undefined && at.has(b)) loops.push([...path.slice(at.get(b)!), b]);
		path.forEach((p) => done.add(p));
	}
	return loops;
}

interface Choice {
	value: number;
	edge?: Edge;
}

/** What an edge is worth: its points, or more (the harmful-choice cost, the ending's band). */
type EdgeWeight = (reward: Points, event: AttemptEvent, from: AttemptContext, to: AttemptContext) => number;

/**
 * Every key reachable from `from`, children before parents (iterative: a long chain of beats
 * cannot exhaust the call stack). A cycle cannot happen in a graph the check accepts; it is
 * reported rather than looped on.
 */
function postOrder(graph: Graph, from: string): string[] {
	const order: string[] = [];
	const state = new Map<string, 1 | 2>(); // 1: on the stack, 2: done
	const stack: { key: string; i: number }[] = [{ key: from, i: 0 }];
	state.set(from, 1);
	while (stack.length) {
		const top = stack[stack.length - 1]!;
		const edges = graph.get(top.key)!.edges;
		if (top.i < edges.length) {
			const to = edges[top.i++]!.to;
			const seen = state.get(to);
			if (seen === 1) throw new BudgetExceeded([{ where: `beat "${graph.get(to)!.context.beat}"`, message: 'the story can come back to exactly the same situation here, so it could go round for ever' }]);
			if (seen === undefined) {
				state.set(to, 1);
				stack.push({ key: to, i: 0 });
			}
			continue;
		}
		stack.pop();
		state.set(top.key, 2);
		order.push(top.key);
	}
	return order;
}

/** Best (or worst) value of the edge weights from each state to the end, on a DAG. */
function optimise(graph: Graph, order: string[], weight: EdgeWeight, sign: 1 | -1): Map<string, Choice> {
	const memo = new Map<string, Choice>();
	for (const key of order) {
		const node = graph.get(key)!;
		let best: Choice = { value: 0 };
		let first = true;
		for (const edge of node.edges) {
			const v = weight(edge.reward, edge.event, node.context, graph.get(edge.to)!.context) + memo.get(edge.to)!.value;
			if (first || sign * v > sign * best.value) best = { value: v, edge };
			first = false;
		}
		memo.set(key, best);
	}
	return memo;
}

function followPath(graph: Graph, memo: Map<string, Choice>, from: string): Path {
	const events: AttemptEvent[] = [];
	const choices: Path['choices'] = [];
	let points = zero();
	let key = from;
	for (;;) {
		const edge = memo.get(key)?.edge;
		const node = graph.get(key)!;
		if (!edge) return { events, choices, points, ending: node.context.ending };
		points = add(points, edge.reward);
		events.push(edge.event);
		if (edge.event.type === 'trainee.choose') choices.push({ beat: node.context.beat, action: edge.event.action });
		key = edge.to;
	}
}

/** The path of a trainee who does what the customer asks: naive actions, else the first offered. */
function naivePath(scenario: Scenario, initial: AttemptContext): Path {
	const ix = indexScenario(scenario);
	let s = initial;
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
		s = slim(advance(ix, s, event));
	}
	return { events, choices, points: s.points, ending: s.ending };
}

/** Fewest events from `from` to each ending (breadth first, with parent links, not copied paths). */
function shortestToEndings(graph: Graph, from: string): Map<string, AttemptEvent[]> {
	const parent = new Map<string, { key: string; event: AttemptEvent } | null>([[from, null]]);
	const queue = [from];
	const found = new Map<string, AttemptEvent[]>();
	for (let head = 0; head < queue.length; head++) {
		const key = queue[head]!;
		const node = graph.get(key)!;
		const ending = node.context.ending;
		if (ending && !found.has(ending)) {
			const events: AttemptEvent[] = [];
			for (let p = parent.get(key); p; p = parent.get(p.key)) events.push(p.event);
			found.set(ending, events.reverse());
		}
		for (const edge of node.edges) {
			if (parent.has(edge.to)) continue;
			parent.set(edge.to, { key, event: edge.event });
			queue.push(edge.to);
		}
	}
	return found;
}

function structuralProblems(scenario: Scenario, run: Exploration, profile: TimingProfile): Problem[] {
	const problems: Problem[] = [];
	const beats = new Set<string>();
	const endings = new Set<string>();
	const taken = new Set<string>();
	const deadEnds = new Set<string>();
	// States are merged by what can still matter, so what was chosen is read off the edges.
	for (const node of run.graph.values()) {
		const c = node.context;
		if (c.ending) endings.add(c.ending);
		else beats.add(c.beat);
		for (const e of node.edges) if (e.event.type === 'trainee.choose') taken.add(`${c.beat}/${e.event.action}`);
		if (!isOver(c) && node.edges.length === 0) deadEnds.add(c.beat);
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
	const ix = indexScenario(scenario);
	for (const c of scenario.clues)
		if (!c.items.some((i) => run.shown.has(ix.marks.get(i)?.item.id ?? i)))
			problems.push({ where: `clue "${c.id}"`, message: `none of its items is ever shown to the trainee${when}` });
	for (const t of scenario.timers)
		if (!run.timersRun.has(t.id))
			problems.push({
				where: `timer "${t.id}"`,
				message: `never does anything${when}: on every path the story ends before it falls due or its condition does not hold when it does`
			});
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

function decisionPoints(scenario: Scenario, runs: Exploration[]): DecisionPoint[] {
	const ix = indexScenario(scenario);
	const seen = new Map<string, DecisionPoint>();
	for (const run of runs)
		for (const { context: c } of run.graph.values()) {
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
	graph: Graph,
	order: string[],
	initialKey: string,
	cost: (e: AttemptEvent, from: AttemptContext) => number
): EndingRange[] {
	type Range = Map<string, { best: PathValue; worst: PathValue }>;
	const memo = new Map<string, Range>();
	for (const key of order) {
		const node = graph.get(key)!;
		const c = node.context;
		const range: Range = new Map();
		if (c.ending !== null) {
			const end: PathValue = { total: 0, harmful: 0, points: zero() };
			range.set(c.ending, { best: end, worst: end });
		}
		for (const edge of node.edges) {
			const charge = cost(edge.event, c);
			const extend = (v: PathValue): PathValue => ({
				total: total(edge.reward) - charge + v.total,
				harmful: (charge > 0 ? 1 : 0) + v.harmful,
				points: add(edge.reward, v.points)
			});
			for (const [ending, r] of memo.get(edge.to)!) {
				const best = extend(r.best);
				const worst = extend(r.worst);
				const known = range.get(ending);
				range.set(ending, {
					best: !known || best.total > known.best.total ? best : known.best,
					worst: !known || worst.total < known.worst.total ? worst : known.worst
				});
			}
		}
		memo.set(key, range);
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

/**
 * The whole graph check of one validated scenario, within `budget`: throws `BudgetExceeded` (with
 * what to simplify) rather than hang or exhaust memory on a document that is too complex.
 */
export function analyseScenario(scenario: Scenario, budget: CheckBudget = CHECK_BUDGET): Analysis {
	const cached = analysisCache.get(scenario);
	if (cached) return cached;

	const loops = timeoutLoops(scenario, true);
	if (loops.length)
		throw new BudgetExceeded(
			loops.map((loop) => ({
				where: `beat "${loop[0]}"`,
				message: `the timeouts of ${loop.map((b) => `"${b}"`).join(' → ')} lead round in a loop without a condition, so the story would go round for ever while the trainee waits: send one of them to an ending or another beat, or give it a condition`
			}))
		);
	const problems: Problem[] = [];
	const seen = new Set<string>();
	const clock = { started: Date.now(), budget, before: 0 };
	const runs = (['min', 'max'] as const).map((profile) => {
		const run = explore(scenario, profile, clock);
		clock.before += run.graph.size;
		for (const p of structuralProblems(scenario, run, profile)) {
			const key = p.where + p.message.replace(/ \(with the latest timer times\)/, '');
			if (!seen.has(key)) problems.push(p);
			seen.add(key);
		}
		return run;
	});
	const { graph, initialKey, initial } = runs[0]!;

	const ix = indexScenario(scenario);
	const maxPoints = zero();
	let endingRanges: EndingRange[] = [];
	let best: Path = { events: [], choices: [], points: zero(), ending: null };
	let worst = best;
	if (problems.length === 0) {
		const orders = runs.map((run) => postOrder(run.graph, run.initialKey));
		runs.forEach((run, i) => {
			for (const c of COMPETENCIES) {
				const memo = optimise(run.graph, orders[i]!, (p) => p[c], 1);
				maxPoints[c] = Math.max(maxPoints[c], memo.get(run.initialKey)!.value);
			}
		});
		// Best: the highest score under outcome-first scoring (the best band, then the most points
		// less the harmful-choice cost), ties to the shorter path (a tiny cost per event).
		const cost = harmCost(scenario, maxPoints);
		const band = (to: AttemptContext) => (to.ending ? BAND_RANK[bandOf(ix.endings.get(to.ending)!.outcome)] * 1e6 : 0);
		const order = orders[0]!;
		best = followPath(
			graph,
			optimise(graph, order, (p, e, from, to) => total(p) - cost(e, from) + band(to) - 1e-6, 1),
			initialKey
		);
		worst = followPath(
			graph,
			optimise(graph, order, (p, e, from, to) => total(p) - cost(e, from) + band(to), -1),
			initialKey
		);
		endingRanges = rangesByEnding(graph, order, initialKey, cost);
	}
	maxPoints.detect += scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);

	const paths = shortestToEndings(graph, initialKey);
	const shortest: Record<string, AttemptEvent[] | null> = {};
	for (const e of scenario.endings) shortest[e.id] = paths.get(e.id) ?? null;

	const analysis: Analysis = {
		states: graph.size,
		explored: runs.reduce((n, r) => n + r.graph.size, 0),
		decisions: decisionPoints(scenario, runs),
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
