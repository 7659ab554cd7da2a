/**
 * Compiles a validated scenario into one XState machine with two regions:
 * - `story`: one state per beat and one final state per ending; `trainee.choose` moves it.
 * - `clock`: simulated time. It moves only by `clock.tick` events (logged like every other
 *   event), fires timers and beat timeouts when they fall due, and stops when the story ends.
 * Every context update is a pure function of (context, event), so replaying a log is exact.
 */
import { enqueueActions, raise, setup, type SnapshotFrom } from 'xstate';
import { COMPETENCIES, type Competency } from './vocabulary';
import type { Action, Beat, Condition, Detail, Effects, Ending, Item, Scenario, Timer } from './schema';

/** What the seed decides for the machine (see `attempt/setup.ts`). */
export interface MachineInput {
	/** `timer:<id>` → seconds since start; `timeout:<beat>` → seconds after entering the beat. */
	timing: Record<string, number>;
	moneyAtRisk: number;
}

/** Events a person (or the UI clock) causes; these, and only these, are logged. */
export type AttemptEvent =
	| { type: 'trainee.choose'; action: string }
	| { type: 'trainee.flag'; item: string }
	| { type: 'trainee.unflag'; item: string }
	| { type: 'clock.tick'; seconds: number };

type InternalEvent = { type: 'clock.goto'; target: string } | { type: 'story.ended' };
type MachineEvent = AttemptEvent | InternalEvent;

export interface Shown {
	item: string;
	/** Simulated second at which it appeared. */
	at: number;
}

export type LogEntry =
	| { kind: 'choice'; beat: string; action: string; at: number }
	| { kind: 'timer'; timer: string; at: number }
	| { kind: 'timeout'; beat: string; at: number }
	| { kind: 'milestone'; milestone: string; at: number }
	| { kind: 'ending'; ending: string; at: number };

export interface Money {
	atRisk: number;
	protected: number;
	lost: number;
}

export interface AttemptContext {
	/** Simulated seconds since the start. */
	time: number;
	/** Current beat, or the ending once the story is over. */
	beat: string;
	beatEnteredAt: number;
	/** Whether the current beat's timeout has been dealt with (fired or its condition failed). */
	timeoutDone: boolean;
	facts: string[];
	/** `beat/action` of every action chosen: each action can be chosen once. */
	taken: string[];
	trust: number;
	/** Points from decisions, timers, milestones and the ending (red flags are scored apart). */
	points: Record<Competency, number>;
	money: Money;
	shown: Shown[];
	/** Items the trainee has marked as suspicious, with when. */
	flags: Shown[];
	/** Timers that fell due (whether or not their condition held). */
	fired: string[];
	log: LogEntry[];
	ending: string | null;
	timing: Record<string, number>;
}

export const TICK_NOW: AttemptEvent = { type: 'clock.tick', seconds: 0 };

/** Lookup tables built once per scenario. */
export interface ScenarioIndex {
	scenario: Scenario;
	beats: Map<string, Beat>;
	endings: Map<string, Ending>;
	items: Map<string, Item>;
	/**
	 * What the trainee can mark, by id: every item, except that an item drawn as an artifact is
	 * marked by its details instead of as a whole. A mark can be made once its item is shown.
	 */
	marks: Map<string, Mark>;
	actions: Map<string, Action>;
	timers: Timer[];
}

/** A markable thing: an item, or one detail of an item drawn as an artifact. */
export interface Mark {
	item: Item;
	detail?: Detail;
}

const indexCache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
	let ix = indexCache.get(scenario);
	if (ix) return ix;
	const items = new Map<string, Item>();
	const actions = new Map<string, Action>();
	const addItems = (list: Item[]) => list.forEach((i) => items.set(i.id, i));
	for (const b of scenario.beats) {
		addItems(b.items);
		addItems(b.timeout?.items ?? []);
		for (const a of b.actions) {
			actions.set(`${b.id}/${a.id}`, a);
			addItems(a.reply);
		}
	}
	for (const t of scenario.timers) addItems(t.items);
	const marks = new Map<string, Mark>();
	for (const item of items.values())
		if (item.artifact) for (const detail of item.artifact.details) marks.set(detail.id, { item, detail });
		else marks.set(item.id, { item });
	ix = {
		scenario,
		beats: new Map(scenario.beats.map((b) => [b.id, b])),
		endings: new Map(scenario.endings.map((e) => [e.id, e])),
		items,
		marks,
		actions,
		timers: scenario.timers
	};
	indexCache.set(scenario, ix);
	return ix;
}

// ---------------------------------------------------------------------------------------------
// Pure context updates

export function holds(cond: Condition | undefined, c: AttemptContext): boolean {
	if (!cond) return true;
	const has = (f: string) => c.facts.includes(f);
	if (cond.all && !cond.all.every(has)) return false;
	if (cond.any && !cond.any.some(has)) return false;
	if (cond.none && cond.none.some(has)) return false;
	if (cond.trustBelow !== undefined && !(c.trust < cond.trustBelow)) return false;
	if (cond.trustAtLeast !== undefined && !(c.trust >= cond.trustAtLeast)) return false;
	if (cond.beats && !cond.beats.includes(c.beat)) return false;
	return true;
}

function reveal(c: AttemptContext, items: Item[], at: number): AttemptContext {
	const fresh = items.filter((i) => !c.shown.some((s) => s.item === i.id));
	return fresh.length ? { ...c, shown: [...c.shown, ...fresh.map((i) => ({ item: i.id, at }))] } : c;
}

function moveMoney(money: Money, share: number | undefined, to: 'protected' | 'lost'): Money {
	if (!share || money.atRisk <= 0) return money;
	const amount = share >= 1 ? money.atRisk : Math.round(money.atRisk * share);
	return { ...money, atRisk: money.atRisk - amount, [to]: money[to] + amount };
}

function applyEffects(ix: ScenarioIndex, c: AttemptContext, e: Effects): AttemptContext {
	let points = c.points;
	if (e.points) {
		points = { ...points };
		for (const [k, v] of Object.entries(e.points)) points[k as Competency] += v ?? 0;
	}
	let { facts, log } = c;
	for (const f of e.set ?? []) {
		if (facts.includes(f)) continue;
		facts = [...facts, f];
		for (const m of ix.scenario.milestones) {
			if (m.fact !== f || c.time > m.within) continue;
			if (points === c.points) points = { ...points };
			points.timeliness += m.points;
			log = [...log, { kind: 'milestone', milestone: m.id, at: c.time }];
		}
	}
	let money = moveMoney(c.money, e.protect, 'protected');
	money = moveMoney(money, e.lose, 'lost');
	const trust = Math.max(-5, Math.min(5, c.trust + (e.trust ?? 0)));
	return { ...c, points, facts, log, money, trust };
}

export function initialContext(scenario: Scenario, input: MachineInput): AttemptContext {
	return {
		time: 0,
		beat: scenario.start,
		beatEnteredAt: 0,
		timeoutDone: false,
		facts: [],
		taken: [],
		trust: scenario.trust,
		points: Object.fromEntries(COMPETENCIES.map((k) => [k, 0])) as Record<Competency, number>,
		money: { atRisk: input.moneyAtRisk, protected: 0, lost: 0 },
		shown: [],
		flags: [],
		fired: [],
		log: [],
		ending: null,
		timing: input.timing
	};
}

/** The context once the start beat has been entered: where every attempt begins. */
export function startContext(scenario: Scenario, input: MachineInput): AttemptContext {
	return enterBeat(indexScenario(scenario), initialContext(scenario, input), scenario.start);
}

/** What can be marked on a shown item: the item itself, or each detail of its artifact. */
export function marksOf(ix: ScenarioIndex, itemId: string): string[] {
	const artifact = ix.items.get(itemId)?.artifact;
	return artifact ? artifact.details.map((d) => d.id) : [itemId];
}

/** When the item that shows a mark appeared, or null while it has not. */
export function markShownAt(ix: ScenarioIndex, c: Pick<AttemptContext, 'shown'>, id: string): number | null {
	const item = ix.marks.get(id)?.item.id;
	return c.shown.find((s) => s.item === item)?.at ?? null;
}

/** The trainee can mark this now: it is shown, not yet marked, and the story goes on. */
export function canMark(ix: ScenarioIndex, c: AttemptContext, id: string): boolean {
	return c.ending === null && markShownAt(ix, c, id) !== null && !c.flags.some((f) => f.item === id);
}

export function isChoosable(ix: ScenarioIndex, c: AttemptContext, beat: string, action: Action): boolean {
	return c.ending === null && c.beat === beat && !c.taken.includes(`${beat}/${action.id}`) && holds(action.when, c);
}

/** Actions the trainee can choose now. */
export function availableActions(ix: ScenarioIndex, c: AttemptContext): Action[] {
	const beat = ix.beats.get(c.beat);
	return beat ? beat.actions.filter((a) => isChoosable(ix, c, beat.id, a)) : [];
}

function choose(ix: ScenarioIndex, c: AttemptContext, beatId: string, action: Action): AttemptContext {
	let next: AttemptContext = {
		...c,
		taken: [...c.taken, `${beatId}/${action.id}`],
		log: [...c.log, { kind: 'choice', beat: beatId, action: action.id, at: c.time }],
		time: c.time + action.seconds
	};
	next = applyEffects(ix, next, action.effects);
	return reveal(next, action.reply, next.time);
}

interface Due {
	at: number;
	key: string;
	run: (c: AttemptContext) => { context: AttemptContext; goto?: string };
}

/** The next simulated second at which a timer or the current beat's timeout falls due, if any. */
export function nextDueAt(ix: ScenarioIndex, c: AttemptContext): number | null {
	const due = pending(ix, c).map((d) => d.at);
	return due.length ? Math.min(...due) : null;
}

/**
 * Whether the story is waiting on time here: the beat's timeout or a timer that would move the
 * story on is pending and its condition holds now (the police are on the way, a call back is due).
 * The play page shows that time is passing; the check asks for a good way to wait.
 */
export function storyWaits(ix: ScenarioIndex, c: AttemptContext): boolean {
	if (c.ending !== null) return false;
	const beat = ix.beats.get(c.beat);
	if (beat?.timeout?.next && !c.timeoutDone && holds(beat.timeout.when, c)) return true;
	return ix.timers.some((t) => !!t.next && t.next !== c.beat && !c.fired.includes(t.id) && holds(t.when, c));
}

function pending(ix: ScenarioIndex, c: AttemptContext): Due[] {
	if (c.ending !== null) return [];
	const out: Due[] = [];
	const beat = ix.beats.get(c.beat);
	const timeout = beat?.timeout;
	if (beat && timeout && !c.timeoutDone) {
		const at = c.beatEnteredAt + (c.timing[`timeout:${beat.id}`] ?? 0);
		out.push({
			at,
			key: `timeout:${beat.id}`,
			run: (ctx) => {
				ctx = { ...ctx, timeoutDone: true };
				if (!holds(timeout.when, ctx)) return { context: ctx };
				ctx = { ...ctx, log: [...ctx.log, { kind: 'timeout', beat: beat.id, at }] };
				ctx = applyEffects(ix, reveal(ctx, timeout.items, at), timeout.effects);
				return { context: ctx, goto: timeout.next };
			}
		});
	}
	for (const t of ix.timers) {
		if (c.fired.includes(t.id)) continue;
		const at = c.timing[`timer:${t.id}`] ?? 0;
		out.push({
			at,
			key: `timer:${t.id}`,
			run: (ctx) => {
				ctx = { ...ctx, fired: [...ctx.fired, t.id] };
				if (!holds(t.when, ctx)) return { context: ctx };
				ctx = { ...ctx, log: [...ctx.log, { kind: 'timer', timer: t.id, at }] };
				ctx = applyEffects(ix, reveal(ctx, t.items, at), t.effects);
				return { context: ctx, goto: t.next };
			}
		});
	}
	return out.sort((a, b) => a.at - b.at);
}

/** Runs everything due by `c.time`, in time order, until one of them moves the story. */
export function runClock(ix: ScenarioIndex, c: AttemptContext): { context: AttemptContext; goto?: string } {
	for (const due of pending(ix, c)) {
		if (due.at > c.time) break;
		const result = due.run(c);
		c = result.context;
		if (result.goto && result.goto !== c.beat) return { context: c, goto: result.goto };
	}
	return { context: c };
}

function enterBeat(ix: ScenarioIndex, c: AttemptContext, beatId: string): AttemptContext {
	const beat = ix.beats.get(beatId)!;
	return reveal({ ...c, beat: beatId, beatEnteredAt: c.time, timeoutDone: false }, beat.items, c.time);
}

function enterEnding(ix: ScenarioIndex, c: AttemptContext, endingId: string): AttemptContext {
	const ending = ix.endings.get(endingId)!;
	let next = applyEffects(ix, c, ending.effects);
	next = { ...next, money: moveMoney(next.money, 1, ending.money) };
	return {
		...next,
		beat: endingId,
		ending: endingId,
		log: [...next.log, { kind: 'ending', ending: endingId, at: next.time }]
	};
}

/**
 * The machine's semantics as one pure function of (context, event), for exhaustive exploration
 * (the graph check visits every state; full machine transitions are ~50× slower). A test walks
 * every scenario at random and checks this agrees with the compiled machine at every step.
 */
export function advance(ix: ScenarioIndex, c: AttemptContext, event: AttemptEvent): AttemptContext {
	if (c.ending !== null) return c;
	switch (event.type) {
		case 'trainee.choose': {
			const action = ix.beats.get(c.beat)?.actions.find((a) => a.id === event.action);
			if (!action || !isChoosable(ix, c, c.beat, action)) return c;
			let next = choose(ix, c, c.beat, action);
			if (action.next && action.next !== c.beat) next = enter(ix, next, action.next);
			return settle(ix, next);
		}
		case 'clock.tick':
			return settle(ix, { ...c, time: c.time + event.seconds });
		case 'trainee.flag':
			if (!canMark(ix, c, event.item)) return c;
			return { ...c, flags: [...c.flags, { item: event.item, at: c.time }] };
		case 'trainee.unflag':
			if (!c.flags.some((f) => f.item === event.item)) return c;
			return { ...c, flags: c.flags.filter((f) => f.item !== event.item) };
	}
}

function enter(ix: ScenarioIndex, c: AttemptContext, target: string): AttemptContext {
	return ix.endings.has(target) ? enterEnding(ix, c, target) : enterBeat(ix, c, target);
}

/** Runs the clock until nothing due moves the story any more. */
function settle(ix: ScenarioIndex, c: AttemptContext): AttemptContext {
	for (;;) {
		if (c.ending !== null) return c;
		const { context, goto } = runClock(ix, c);
		if (!goto) return context;
		c = enter(ix, context, goto);
	}
}

// ---------------------------------------------------------------------------------------------
// The machine

export function compileScenario(scenario: Scenario) {
	const ix = indexScenario(scenario);
	const gotoTargets = [
		...new Set(
			[...scenario.timers.map((t) => t.next), ...scenario.beats.map((b) => b.timeout?.next)].filter(
				(t): t is string => !!t
			)
		)
	];

	const machineSetup = setup({
		types: {
			context: {} as AttemptContext,
			events: {} as MachineEvent,
			input: {} as MachineInput
		},
		guards: {
			canChoose: ({ context, event }, params: { beat: string; action: string }) =>
				event.type === 'trainee.choose' &&
				event.action === params.action &&
				isChoosable(ix, context, params.beat, ix.actions.get(`${params.beat}/${params.action}`)!),
			isGoingTo: ({ event }, params: { target: string }) =>
				event.type === 'clock.goto' && event.target === params.target,
			canFlag: ({ context, event }) => event.type === 'trainee.flag' && canMark(ix, context, event.item),
			isFlagged: ({ context, event }) =>
				event.type === 'trainee.unflag' && context.ending === null && context.flags.some((f) => f.item === event.item)
		},
		actions: {
			applyChoice: enqueueActions(({ context, enqueue }, params: { beat: string; action: string }) => {
				enqueue.assign(choose(ix, context, params.beat, ix.actions.get(`${params.beat}/${params.action}`)!));
				enqueue.raise(TICK_NOW);
			}),
			enterBeat: enqueueActions(({ context, enqueue }, params: { beat: string }) => {
				enqueue.assign(enterBeat(ix, context, params.beat));
			}),
			enterEnding: enqueueActions(({ context, enqueue }, params: { ending: string }) => {
				enqueue.assign(enterEnding(ix, context, params.ending));
				enqueue.raise({ type: 'story.ended' });
			}),
			advanceClock: enqueueActions(({ context, event, enqueue }) => {
				if (event.type !== 'clock.tick') return;
				const { context: next, goto } = runClock(ix, { ...context, time: context.time + event.seconds });
				enqueue.assign(next);
				if (goto) enqueue.raise({ type: 'clock.goto', target: goto });
			}),
			markItem: enqueueActions(({ context, event, enqueue }) => {
				if (event.type !== 'trainee.flag') return;
				enqueue.assign({ flags: [...context.flags, { item: event.item, at: context.time }] });
			}),
			unmarkItem: enqueueActions(({ context, event, enqueue }) => {
				if (event.type !== 'trainee.unflag') return;
				enqueue.assign({ flags: context.flags.filter((f) => f.item !== event.item) });
			})
		}
	});

	const storyStates: Record<string, object> = {};
	for (const beat of scenario.beats) {
		storyStates[beat.id] = {
			entry: { type: 'enterBeat', params: { beat: beat.id } },
			on: {
				'trainee.choose': beat.actions.map((a) => ({
					guard: { type: 'canChoose', params: { beat: beat.id, action: a.id } },
					target: a.next && a.next !== beat.id ? a.next : undefined,
					actions: { type: 'applyChoice', params: { beat: beat.id, action: a.id } }
				})),
				'clock.goto': gotoTargets.map((target) => ({
					guard: { type: 'isGoingTo', params: { target } },
					target,
					actions: raise(TICK_NOW)
				}))
			}
		};
	}
	for (const ending of scenario.endings) {
		storyStates[ending.id] = { type: 'final', entry: { type: 'enterEnding', params: { ending: ending.id } } };
	}

	return machineSetup.createMachine({
		id: scenario.id,
		type: 'parallel',
		context: ({ input }) => initialContext(scenario, input),
		on: {
			'trainee.flag': { guard: 'canFlag', actions: 'markItem' },
			'trainee.unflag': { guard: 'isFlagged', actions: 'unmarkItem' }
		},
		states: {
			// The generated beat states are typed loosely; the machine's own types still hold.
			story: { initial: scenario.start, states: storyStates as never },
			clock: {
				initial: 'running',
				states: {
					running: {
						on: { 'clock.tick': { actions: 'advanceClock' }, 'story.ended': { target: 'stopped' } }
					},
					stopped: { type: 'final' }
				}
			}
		}
	});
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;
export type AttemptSnapshot = SnapshotFrom<ScenarioMachine>;

const machineCache = new WeakMap<Scenario, ScenarioMachine>();
export function machineFor(scenario: Scenario): ScenarioMachine {
	let m = machineCache.get(scenario);
	if (!m) machineCache.set(scenario, (m = compileScenario(scenario)));
	return m;
}
