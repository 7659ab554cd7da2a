/**
 * A running attempt in the browser. Holds the replayed state, turns real time into `clock.tick`
 * events, and writes every accepted event to storage before showing its effect, so the screen
 * never shows a step that is not saved.
 */
import { availableActions, indexScenario, nextDueAt, storyWaits, type AttemptEvent } from '$lib/scenario/compile';
import type { Scenario } from '$lib/scenario/schema';
import type { ScoringFacts } from '$lib/scenario/analyse';
import { replay, step, type Replayed } from '$lib/attempt/replay';
import { scoreAttempt } from '$lib/attempt/score';
import { orderOptions } from '$lib/attempt/order';
import { rulesOf } from '$lib/attempt/rules';
import type { AttemptRow } from '$lib/storage/db';
import { StorageError } from '$lib/storage/errors';
import type { Store } from '$lib/storage/store';
import { requestPersistentStorage } from '$lib/storage/persistence';

/** Longest stretch of simulated time between two saved ticks (bounds what a crash can lose). */
export const HEARTBEAT_SECONDS = 15;

export class PlaySession {
	readonly scenario: Scenario;
	readonly attempt: AttemptRow;
	state = $state.raw<Replayed>()!;
	/** Simulated seconds shown on the clock (between ticks, it runs on with real time). */
	now = $state(0);
	paused = $state(false);
	error = $state<StorageError | null>(null);
	/** Events accepted but not yet saved (the screen shows `aria-busy` while there are any). */
	saving = $state(0);
	/** The last decision, for practice-mode feedback. */
	lastChoice = $state<{ beat: string; action: string } | null>(null);
	/** The detail marked last, for practice-mode feedback (null once the mark is taken back). */
	lastMark = $state<string | null>(null);

	private seq: number;
	private baseline = 0;
	private timer: ReturnType<typeof setInterval> | null = null;
	private queue: Promise<unknown> = Promise.resolve();
	private busy = false;
	private finishing: Promise<void> | null = null;

	constructor(
		scenario: Scenario,
		attempt: AttemptRow,
		events: AttemptEvent[],
		private readonly store: Store,
		private readonly scoring: ScoringFacts,
		private readonly clock: () => number = () => performance.now()
	) {
		this.scenario = scenario;
		this.attempt = attempt;
		this.state = replay(scenario, attempt.seed, events);
		this.seq = events.length;
		this.now = this.context.time;
		// Another tab upgraded the database: this one stops writing and asks for a reload.
		store.onVersionChange(() => {
			this.stop();
			this.error = new StorageError(
				'blocked',
				'the app was updated in another tab. Reload this page to carry on; every step so far is saved.'
			);
		});
	}

	get context() {
		return this.state.snapshot.context;
	}
	get finished() {
		return this.state.snapshot.status === 'done';
	}
	get values() {
		return this.state.setup.values;
	}
	get rules() {
		return rulesOf(this.attempt);
	}
	/** The options on screen, in the order drawn from the attempt's seed (`attempt/order.ts`). */
	get actions() {
		if (this.finished) return [];
		const available = availableActions(indexScenario(this.scenario), this.context);
		return orderOptions(available, this.attempt.seed, this.context.beat, this.rules);
	}
	/** The story is waiting on time (police on the way, a call back due): the page says so. */
	get waiting() {
		return !this.finished && storyWaits(indexScenario(this.scenario), this.context);
	}
	get canPause() {
		return this.attempt.mode === 'practice';
	}

	start() {
		this.baseline = this.clock();
		this.timer ??= setInterval(() => this.onFrame(), 250);
	}

	stop() {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}

	/** Practice mode only: the clock stops, and nothing happens until play resumes. */
	async togglePause() {
		if (!this.canPause || this.finished) return;
		if (!this.paused) {
			await this.flushTime();
			this.paused = true;
		} else {
			this.paused = false;
			this.baseline = this.clock();
		}
	}

	/**
	 * A decision, with the whole seconds that passed before it, as ONE write: the tick and the choice
	 * are saved in one transaction (both or neither), then shown.
	 */
	async choose(action: string): Promise<boolean> {
		return this.send({ type: 'trainee.choose', action }, true, (beat) => (this.lastChoice = { beat, action }));
	}

	async flag(item: string) {
		const ok = await this.send({ type: 'trainee.flag', item });
		if (ok) this.lastMark = item;
		return ok;
	}

	async unflag(item: string) {
		const ok = await this.send({ type: 'trainee.unflag', item });
		if (ok && this.lastMark === item) this.lastMark = null;
		return ok;
	}

	isFlagged(item: string) {
		return this.context.flags.some((f) => f.item === item);
	}

	/**
	 * Events go one at a time: saved first, then shown. Ignored events are not saved.
	 * `withTime`: the whole simulated seconds since the last tick go first, as a `clock.tick` in the
	 * same write. `accepted` runs (with the beat the event was sent at) before the new state shows.
	 * Resolves to whether `event` itself was accepted.
	 */
	send(event: AttemptEvent, withTime = false, accepted?: (beat: string) => void): Promise<boolean> {
		const run = async () => {
			if (this.error) return false;
			const events: AttemptEvent[] = [];
			let state = this.state;
			if (withTime && !this.paused && state.snapshot.status !== 'done') {
				const whole = Math.floor((this.clock() - this.baseline) / 1000);
				if (whole >= 1) {
					this.baseline += whole * 1000;
					const tick: AttemptEvent = { type: 'clock.tick', seconds: whole };
					const next = step(this.scenario, state, tick);
					if (next.snapshot !== state.snapshot) {
						events.push(tick);
						state = next;
					}
				}
			}
			const beat = state.snapshot.context.beat;
			const next = step(this.scenario, state, event);
			const ok = next.snapshot !== state.snapshot;
			if (ok) {
				events.push(event);
				state = next;
			}
			if (!events.length) return false;
			try {
				const writing = performance.now();
				await this.store.appendEvents(this.attempt.id, this.seq, events);
				performance.measure('fd:event-write', { start: writing });
			} catch (e) {
				this.error = e instanceof StorageError ? e : new StorageError('unknown', String(e), e);
				this.stop();
				return false;
			}
			this.seq += events.length;
			if (ok) accepted?.(beat);
			this.state = state;
			this.now = this.context.time;
			// The result is saved after the last step shows (it is derived from the saved log); the
			// queue still waits for it, so the page reports "saving" until it is done.
			if (this.finished) this.finishing = this.onFinished();
			return ok;
		};
		this.saving++;
		const result = this.queue.then(run, run);
		const done = result.then(() => this.finishing).finally(() => this.saving--);
		this.queue = done;
		return result;
	}

	/** Logs the whole simulated seconds that have passed since the last tick. */
	private async flushTime() {
		if (this.paused || this.finished) return;
		const whole = Math.floor((this.clock() - this.baseline) / 1000);
		if (whole >= 1) await this.tick(whole);
	}

	private async tick(seconds: number) {
		this.baseline += seconds * 1000;
		await this.send({ type: 'clock.tick', seconds });
	}

	private async onFrame() {
		if (this.paused || this.finished || this.busy || this.error) return;
		const elapsed = (this.clock() - this.baseline) / 1000;
		this.now = this.context.time + elapsed;
		const due = nextDueAt(indexScenario(this.scenario), this.context);
		let seconds = 0;
		if (due !== null && this.now >= due) seconds = Math.max(1, due - this.context.time);
		else if (elapsed >= HEARTBEAT_SECONDS) seconds = Math.floor(elapsed);
		if (!seconds) return;
		this.busy = true;
		try {
			await this.tick(seconds);
		} finally {
			this.busy = false;
		}
	}

	private async onFinished() {
		this.stop();
		const score = scoreAttempt(this.scenario, this.context, this.scoring.maxPoints, this.rules);
		try {
			await this.store.finishAttempt(this.attempt.id, {
				overall: score.overall,
				passed: score.passed,
				outcome: score.outcome,
				ending: score.ending
			});
			// Results now exist that would hurt to lose: ask the browser not to evict them.
			await requestPersistentStorage();
		} catch (e) {
			this.error = e instanceof StorageError ? e : new StorageError('unknown', String(e), e);
		}
	}
}
