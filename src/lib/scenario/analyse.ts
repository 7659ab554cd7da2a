/**
 * The graph check. Explores every state an attempt can reach (decisions and the clock, not red-flag
 * marks) with XState's graph utilities, and proves: every beat and ending reachable, every action
 * choosable somewhere, no dead end. It also computes what scoring needs: the most points each
 * competency can earn, and the best, worst and naive paths.
 */
import { getAdjacencyMap, type AdjacencyMap } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import {
	availableActions,
	indexScenario,
	machineFor,
	nextDueAt,
	type AttemptContext,
	type AttemptEvent,
	type AttemptSnapshot,
	type MachineInput
} from './compile';
import { COMPETENCIES, type Competency, type Scenario, type Seconds } from './schema';
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

export interface Analysis {
	states: number;
	problems: Problem[];
	/** The most points a competency can earn on any path, red flags included (for detect). */
	maxPoints: Points;
	best: Path;
	worst: Path;
	naive: Path;
	/** Fewest events (decisions and waits) to each ending; null: unreachable. */
	shortest: Record<string, AttemptEvent[] | null>;
}

type Adjacency = AdjacencyMap<AttemptSnapshot, AttemptEvent>;

const zero = (): Points => Object.fromEntries(COMPETENCIES.map((c) => [c, 0])) as Points;
const diff = (a: Points, b: Points): Points =>
	Object.fromEntries(COMPETENCIES.map((c) => [c, a[c] - b[c]])) as Points;
const add = (a: Points, b: Points): Points => Object.fromEntries(COMPETENCIES.map((c) => [c, a[c] + b[c]])) as Points;
const total = (p: Points) => COMPETENCIES.reduce((s, c) => s + p[c], 0);

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

/** What decides what can happen next: not points, money or marks. */
function controlKey(s: AttemptSnapshot): string {
	const c = s.context;
	return JSON.stringify([
		c.beat,
		c.time,
		c.beatEnteredAt,
		c.timeoutDone,
		[...c.facts].sort(),
		[...c.taken].sort(),
		c.trust,
		[...c.fired].sort()
	]);
}

function eventsAt(scenario: Scenario, s: AttemptSnapshot): AttemptEvent[] {
	if (s.status === 'done') return [];
	const ix = indexScenario(scenario);
	const events: AttemptEvent[] = availableActions(ix, s.context).map((a) => ({ type: 'trainee.choose', action: a.id }));
	const due = nextDueAt(ix, s.context);
	if (due !== null) events.push({ type: 'clock.tick', seconds: Math.max(1, due - s.context.time) });
	return events;
}

export function explore(scenario: Scenario, profile: TimingProfile = 'min') {
	const machine = machineFor(scenario);
	const input = inputFor(scenario, profile);
	const adjacency: Adjacency = getAdjacencyMap(machine, {
		input,
		events: (s: AttemptSnapshot) => eventsAt(scenario, s),
		serializeState: (s: AttemptSnapshot) => controlKey(s)
	} as never) as Adjacency;
	const [initial] = initialTransition(machine, input);
	return { adjacency, initialKey: controlKey(initial), initial };
}

interface Choice {
	value: number;
	event?: AttemptEvent;
	nextKey?: string;
}

/** Best (or worst) value of `weight·points` from each state to the end, on a DAG. */
function optimise(adj: Adjacency, weight: (p: Points) => number, sign: 1 | -1): Map<string, Choice> {
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
			const nextKey = controlKey(t.state);
			const v = weight(diff(t.state.context.points, node.state.context.points)) + solve(nextKey);
			if (first || sign * v > sign * best.value) best = { value: v, event: t.event, nextKey };
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
		const nextNode = adj[choice.nextKey as keyof Adjacency]!;
		points = add(points, diff(nextNode.state.context.points, node.state.context.points));
		events.push(choice.event);
		if (choice.event.type === 'trainee.choose') choices.push({ beat: node.state.context.beat, action: choice.event.action });
		key = choice.nextKey;
	}
}

/** The path of a trainee who does what the customer asks: naive actions, else the first offered. */
function naivePath(scenario: Scenario, initial: AttemptSnapshot): Path {
	const machine = machineFor(scenario);
	const ix = indexScenario(scenario);
	let s = initial;
	const events: AttemptEvent[] = [];
	const choices: Path['choices'] = [];
	for (let guard = 0; s.status !== 'done' && guard < 10_000; guard++) {
		const actions = availableActions(ix, s.context);
		const pick = actions.find((a) => a.naive) ?? actions[0];
		const due = nextDueAt(ix, s.context);
		let event: AttemptEvent;
		if (pick) {
			event = { type: 'trainee.choose', action: pick.id };
			choices.push({ beat: s.context.beat, action: pick.id });
		}
		else if (due !== null) event = { type: 'clock.tick', seconds: Math.max(1, due - s.context.time) };
		else break;
		events.push(event);
		[s] = transition(machine, s, event);
	}
	return { events, choices, points: s.context.points, ending: s.context.ending };
}

function shortestPaths(adj: Adjacency, from: string): Map<string, AttemptEvent[]> {
	const paths = new Map<string, AttemptEvent[]>([[from, []]]);
	const queue = [from];
	while (queue.length) {
		const key = queue.shift()!;
		for (const t of Object.values(adj[key as keyof Adjacency]!.transitions)) {
			const next = controlKey(t.state);
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
	for (const node of Object.values(adj)) {
		const c: AttemptContext = node.state.context;
		if (c.ending) endings.add(c.ending);
		else beats.add(c.beat);
		c.taken.forEach((t) => taken.add(t));
		c.shown.forEach((s) => shown.add(s.item));
		if (node.state.status !== 'done' && Object.keys(node.transitions).length === 0) deadEnds.add(c.beat);
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

	const maxPoints = zero();
	let best: Path = { events: [], choices: [], points: zero(), ending: null };
	let worst = best;
	if (problems.length === 0) {
		for (const run of runs)
			for (const c of COMPETENCIES) {
				const memo = optimise(run.adjacency, (p) => p[c], 1);
				maxPoints[c] = Math.max(maxPoints[c], memo.get(run.initialKey)!.value);
			}
		// Best: most points in total, ties to the shorter path (a tiny cost per event).
		best = followPath(adjacency, optimise(adjacency, (p) => total(p) - 1e-6, 1), initialKey);
		worst = followPath(adjacency, optimise(adjacency, total, -1), initialKey);
	}
	maxPoints.detect += scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);

	const paths = shortestPaths(adjacency, initialKey);
	const shortest: Record<string, AttemptEvent[] | null> = {};
	for (const e of scenario.endings) shortest[e.id] = null;
	for (const [key, events] of paths) {
		const ending = adjacency[key as keyof Adjacency]!.state.context.ending;
		if (ending && (!shortest[ending] || shortest[ending]!.length > events.length)) shortest[ending] = events;
	}

	const analysis: Analysis = {
		states: Object.keys(adjacency).length,
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
