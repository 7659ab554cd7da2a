/**
 * `npm run bench`: performance figures, printed and written to bench-results/latest.json. Not a
 * test: nothing here passes or fails on a time. Needs a build with chunk-modules.json (any
 * `vite build` of this project); FD_KIT_DIR picks which (default .svelte-kit). Starts its own
 * `vite preview` servers on FD_BENCH_PORT (default 4175) and the next port, for the app and for
 * SvelteKit's hello world (bench/hello), and drives the system Chromium.
 *
 *   a. XState transition time in Node: the compiled machine (`step`) and the pure stepper.
 *   b. Lighthouse-style load metrics on a throttled phone (LCP, CLS, TBT) for the library, a
 *      scenario page and the trainer dashboard, and the same for the hello world.
 *   c. Click-to-paint of a decision and event write time, from the page's `fd:` measures.
 *   d. The trainer at scale: import 500 trainees × 10 scenarios, then the first dashboard render,
 *      then each scenario's analysis (decision analysis and paths) opened on the page, and in Node.
 *
 * FD_BENCH_RUNS (default 3) repeats each timed measurement; medians are reported.
 * FD_BENCH_ONLY=a,b,c,d,e runs a subset; FD_BENCH_ONLY=i only the insight analyses of part d, in
 * Node. FD_BENCH_PROFILE=1 also saves Chromium CPU profiles of the import and of the dashboard
 * reload to bench-results/ and prints where the time goes.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildHello, CACHE_DIR, htmlPages, kib, pageLoad, readChunkGraph, ROOT } from './initial-js';
import { parseScenario } from '../src/lib/scenario/validate';
import { CHECK_BUDGET, scoringFacts, type ScoringFacts } from '../src/lib/scenario/analyse';
import { benchCheckBrowser, benchCheckNode } from './bench-check';
import { hashedJson } from '../src/lib/scenario/hash';
import { advance, availableActions, indexScenario, machineFor, marksOf, startContext, type AttemptEvent } from '../src/lib/scenario/compile';
import { createActor } from 'xstate';
import { start, step } from '../src/lib/attempt/replay';
import { resolveSetup } from '../src/lib/attempt/setup';
import { createRandom, type Random } from '../src/lib/attempt/random';
import type { Scenario } from '../src/lib/scenario/schema';
import { generateCohort } from '../tests/fixtures/cohort';
import { deriveRecord } from '../src/lib/analytics/records';
import { firstAttempts, itemsOfUnits } from '../src/lib/analytics/items';
import { analysePaths } from '../src/lib/analytics/paths';
import { analyseCohort, localDay } from '../src/lib/analytics/cohort';
import { moneyAndOutcomes } from '../src/lib/analytics/money';
import { practiseCatalogue, practiseForCohort } from '../src/lib/analytics/practise';
import { assignmentStatuses } from '../src/lib/analytics/assignments';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const kitDir = resolve(ROOT, process.env.FD_KIT_DIR ?? '.svelte-kit');
const buildDir = resolve(ROOT, process.env.FD_BUILD_DIR ?? 'build');
const PORT = Number(process.env.FD_BENCH_PORT ?? 4175);
const RUNS = Math.max(1, Number(process.env.FD_BENCH_RUNS ?? 3));
const ONLY = new Set((process.env.FD_BENCH_ONLY ?? 'a,b,c,d,e').split(','));
const PROFILE = process.env.FD_BENCH_PROFILE === '1';
const OUT_DIR = join(ROOT, 'bench-results');

/** Lighthouse's mobile profile, roughly: slow 4G and a mid-range phone. */
const MOBILE = {
	viewport: { width: 412, height: 823 },
	deviceScaleFactor: 1.75,
	isMobile: true,
	hasTouch: true,
	network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
	cpu: 4
};
const COHORT = { trainees: 500, scenarios: 10, seed: 20261122 };
/** Decisions clicked for the click-to-paint figure. */
const CLICKS = Number(process.env.FD_BENCH_CLICKS ?? 60);

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const pos = (s.length - 1) * q;
	const lo = Math.floor(pos);
	return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}
const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? round(a / b, 2) : null);
const log = (line = '') => console.log(line);

function table(head: string[], rows: (string | number | null)[][]) {
	const cells = [head, ...rows.map((r) => r.map((c) => (c === null ? '—' : String(c))))];
	const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
	for (const [n, r] of cells.entries()) {
		log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
		if (n === 0) log(widths.map((w) => '-'.repeat(w)).join('  '));
	}
}

interface Loaded {
	file: string;
	raw: unknown;
	scenario: Scenario;
	hash: string;
}
function loadScenarios(): Loaded[] {
	const dir = join(ROOT, 'scenarios');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
			const scenario = parseScenario(raw, file);
			return { file, raw, scenario, hash: createHash('sha256').update(hashedJson(raw)).digest('hex') };
		});
}

// ---------------------------------------------------------------------------------------------
// a. Transitions in Node

/** A valid event for the current context: a decision on offer, a mark, an unmark or a tick. */
function randomEvent(scenario: Scenario, c: ReturnType<typeof startContext>, random: Random): AttemptEvent {
	const actions = availableActions(indexScenario(scenario), c);
	const ix = indexScenario(scenario);
	const unmarked = c.shown
		.flatMap((s) => marksOf(ix, s.item).map((item) => ({ item })))
		.filter((s) => !c.flags.some((f) => f.item === s.item));
	const r = random.next();
	if (actions.length && r < 0.5) return { type: 'trainee.choose', action: random.pick(actions).id };
	if (unmarked.length && r < 0.7) return { type: 'trainee.flag', item: random.pick(unmarked).item };
	if (c.flags.length && r < 0.75) return { type: 'trainee.unflag', item: random.pick(c.flags).item };
	return { type: 'clock.tick', seconds: random.int(1, 20) };
}

function benchTransitions(scenarios: Loaded[]) {
	const random = createRandom(7);
	const walks: { scenario: Scenario; seed: number; events: AttemptEvent[] }[] = [];
	const machine: number[] = [];
	const WALKS = Number(process.env.FD_BENCH_WALKS ?? 200);
	// Warm up both steppers (JIT, machine and index caches) before timing.
	for (const { scenario } of scenarios) {
		let s = start(scenario, 1);
		let c = s.snapshot.context;
		for (let i = 0; i < 200 && s.snapshot.status !== 'done'; i++) {
			const e = randomEvent(scenario, s.snapshot.context, random);
			s = step(scenario, s, e);
			c = advance(indexScenario(scenario), c, e);
		}
	}
	for (const { scenario } of scenarios)
		for (let w = 0; w < WALKS; w++) {
			const seed = random.int(0, 0xffff_ffff);
			let state = start(scenario, seed);
			const events: AttemptEvent[] = [];
			for (let i = 0; i < 300 && state.snapshot.status !== 'done'; i++) {
				const event = randomEvent(scenario, state.snapshot.context, random);
				const t0 = performance.now();
				state = step(scenario, state, event);
				machine.push(performance.now() - t0);
				events.push(event);
			}
			walks.push({ scenario, seed, events });
		}
	const pure: number[] = [];
	for (const { scenario, seed, events } of walks) {
		const ix = indexScenario(scenario);
		let c = startContext(scenario, resolveSetup(scenario, seed));
		for (const event of events) {
			const t0 = performance.now();
			c = advance(ix, c, event);
			pure.push(performance.now() - t0);
		}
	}
	// For comparison: one running actor per walk (what a replay could use instead of `transition`).
	const actor: number[] = [];
	for (const { scenario, seed, events } of walks) {
		const running = createActor(machineFor(scenario), { input: resolveSetup(scenario, seed) }).start();
		for (const event of events) {
			const t0 = performance.now();
			running.send(event);
			actor.push(performance.now() - t0);
		}
		running.stop();
	}
	const us = (xs: number[], q: number) => round(quantile(xs, q) * 1000, 1)!;
	const stats = (xs: number[]) => ({ p50us: us(xs, 0.5), p95us: us(xs, 0.95), meanUs: round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000, 1)! });
	const result = {
		steps: machine.length,
		walks: walks.length,
		xstate: stats(machine),
		pure: stats(pure),
		xstateActor: stats(actor)
	};
	log(`\n(a) Transition time in Node, ${result.steps} random valid events over ${result.walks} walks of ${scenarios.length} scenarios`);
	table(
		['stepper', 'p50 µs', 'p95 µs', 'mean µs'],
		[
			['XState machine (step)', result.xstate.p50us, result.xstate.p95us, result.xstate.meanUs],
			['pure stepper (advance)', result.pure.p50us, result.pure.p95us, result.pure.meanUs],
			['(XState actor.send, one actor per walk)', result.xstateActor.p50us, result.xstateActor.p95us, result.xstateActor.meanUs]
		]
	);
	log(`XState / pure at p50: ${ratio(result.xstate.p50us, result.pure.p50us)}×`);
	return result;
}

// ---------------------------------------------------------------------------------------------
// Servers and browser

async function waitForHttp(url: string, child: ChildProcess, output: () => string) {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`the preview server for ${url} exited:\n${output()}`);
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${url} did not answer within 60 s:\n${output()}`);
}

const children: ChildProcess[] = [];
process.on('exit', () => {
	for (const c of children) if (c.exitCode === null) c.kill();
});

async function preview(cwd: string, port: number, env: Record<string, string>): Promise<string> {
	const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
	const child = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort'], {
		cwd,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.push(child);
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const url = `http://localhost:${port}`;
	await waitForHttp(`${url}/`, child, () => out);
	return url;
}

/** Observers installed before any page script: paint, LCP, layout shifts and long tasks. */
const OBSERVE = `(() => {
	const m = { fcp: null, lcp: null, lcpTag: null, shifts: [], longtasks: [] };
	window.__fdMetrics = m;
	const watch = (type, each) => {
		try { new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true }); } catch {}
	};
	watch('paint', (e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
	watch('largest-contentful-paint', (e) => { m.lcp = e.startTime; m.lcpTag = e.element ? e.element.tagName.toLowerCase() + (e.element.className ? '.' + String(e.element.className).split(' ')[0] : '') : null; });
	watch('layout-shift', (e) => { if (!e.hadRecentInput) m.shifts.push([e.startTime, e.value]); });
	watch('longtask', (e) => m.longtasks.push([e.startTime, e.duration]));
})();`;

interface LoadMetrics {
	fcp: number;
	lcp: number;
	cls: number;
	tbt: number;
	load: number;
	jsKiB: number;
	lcpElement: string | null;
	/** Only where a ready selector was given: when it was first all visible (ms after navigation start). */
	ready?: number;
	/** Blocking time from FCP to `ready` (when later than load + 5 s). */
	tbtToReady?: number;
}

/** CLS as Chrome defines it: the largest session window (gaps < 1 s, at most 5 s long). */
function cumulativeLayoutShift(shifts: [number, number][]): number {
	let best = 0;
	let sum = 0;
	let first = -Infinity;
	let last = -Infinity;
	for (const [t, v] of shifts) {
		if (t - last > 1000 || t - first > 5000) {
			sum = 0;
			first = t;
		}
		sum += v;
		last = t;
		best = Math.max(best, sum);
	}
	return best;
}

/** Long-task time over 50 ms, counting only the part of each task inside [from, to]. */
function blockingTime(tasks: [number, number][], from: number, to: number): number {
	let total = 0;
	for (const [t, d] of tasks) {
		const s = Math.max(t, from);
		const e = Math.min(t + d, to);
		if (e - s > 50 && t + d > from) total += e - s - 50;
	}
	return total;
}

async function throttle(cdp: CDPSession, on: boolean, network = true) {
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: on });
	// A cold load: past the service worker's cache too (as Lighthouse, which starts from empty storage).
	await cdp.send('Network.setBypassServiceWorker', { bypass: on });
	await cdp.send(
		'Network.emulateNetworkConditions',
		on && network ? MOBILE.network : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }
	);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: on ? MOBILE.cpu : 1 });
}

/** One cold load under the mobile profile, then 5 s more of watching. */
async function measureLoad(page: Page, url: string, ready?: { selector: string; min: number }): Promise<LoadMetrics> {
	const cdp = await page.context().newCDPSession(page);
	await throttle(cdp, true);
	try {
		await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
		let readyAt: number | undefined;
		if (ready) readyAt = await whenVisible(page, ready.selector, 300_000, ready.min);
		const load = (await page.evaluate(`performance.getEntriesByType('navigation')[0].loadEventEnd`)) as number;
		const now = (await page.evaluate('performance.now()')) as number;
		if (now < load + 5000) await page.waitForTimeout(load + 5000 - now);
		const m = (await page.evaluate(`(() => {
			const js = performance.getEntriesByType('resource').filter((r) => /\\.js(\\?|$)/.test(r.name)).reduce((s, r) => s + r.transferSize, 0);
			return { ...window.__fdMetrics, js };
		})()`)) as { fcp: number; lcp: number; lcpTag: string | null; shifts: [number, number][]; longtasks: [number, number][]; js: number };
		return {
			fcp: m.fcp,
			lcp: m.lcp,
			cls: cumulativeLayoutShift(m.shifts),
			tbt: blockingTime(m.longtasks, m.fcp, load + 5000),
			load,
			jsKiB: kib(m.js),
			lcpElement: m.lcpTag,
			...(readyAt !== undefined ? { ready: readyAt, tbtToReady: blockingTime(m.longtasks, m.fcp, Math.max(readyAt, load + 5000)) } : {})
		};
	} finally {
		await throttle(cdp, false).catch(() => {});
		await cdp.detach().catch(() => {});
	}
}

/**
 * Waits until every element matching `selector` (at least `min`) is visible, checking on each
 * frame, and returns when that was in ms after navigation start.
 */
async function whenVisible(page: Page, selector: string, timeout: number, min = 1): Promise<number> {
	const handle = await page.waitForFunction(
		`(() => {
			const els = [...document.querySelectorAll(${JSON.stringify(selector)})];
			if (els.length < ${min}) return false;
			const shown = els.every((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; });
			return shown ? performance.now() : false;
		})()`,
		undefined,
		{ polling: 'raf', timeout }
	);
	return (await handle.jsonValue()) as number;
}

async function newContext(browser: Browser, mobile: boolean): Promise<BrowserContext> {
	// bypassCSP: Playwright's waitForFunction evaluates its predicate, which the app's CSP forbids.
	const context = await browser.newContext(
		mobile
			? { viewport: MOBILE.viewport, deviceScaleFactor: MOBILE.deviceScaleFactor, isMobile: true, hasTouch: true, locale: 'en-US', bypassCSP: true }
			: { viewport: { width: 1366, height: 768 }, locale: 'en-US', bypassCSP: true }
	);
	await context.addInitScript(`localStorage.setItem('fraud-drill.language', 'en');`);
	await context.addInitScript(OBSERVE);
	return context;
}

async function createProfile(page: Page, base: string, name: string) {
	await page.goto(`${base}/`);
	await page.locator('input').first().fill(name);
	await page.locator('form button[type=submit]').click();
	await page.locator('[data-scenario]').first().waitFor();
}

async function startAttempt(page: Page, base: string, scenarioId: string) {
	if (!page.url().startsWith(`${base}/`) || new URL(page.url()).pathname !== '/') await page.goto(`${base}/`);
	const card = page.locator(`[data-scenario="${scenarioId}"]`);
	await card.getByRole('button').filter({ hasText: /Assessment/ }).click();
	await page.waitForURL(/\/play\//);
	await page.getByRole('dialog').waitFor();
}

/** The results import's file input (the trainer page has another, for scenarios). */
const RESULTS_INPUT = 'input[type=file][aria-describedby="import-help"]';

async function unlockTrainer(page: Page, base: string) {
	await page.goto(`${base}/trainer/`);
	await page.locator('input[type=password]').fill('2468');
	await page.locator('form button[type=submit]').click();
	await page.locator(RESULTS_INPUT).waitFor({ state: 'attached' });
}

// ---------------------------------------------------------------------------------------------
// d. The cohort file

function cohortBundle(scenarios: Loaded[]) {
	const chosen = scenarios.slice(0, COHORT.scenarios);
	const t0 = performance.now();
	const facts = cachedFacts(chosen);
	const t1 = performance.now();
	const cohort = generateCohort({
		trainees: COHORT.trainees,
		scenarios: chosen.map((s) => s.scenario),
		seed: COHORT.seed,
		facts,
		hashes: Object.fromEntries(chosen.map((s) => [s.scenario.id, s.hash]))
	});
	const t2 = performance.now();
	// The scenario analysis in Node, on records derived from the cohort (not timed: the import does that).
	const profileById = new Map(cohort.profiles.map((p) => [p.id, p]));
	const eventsById = new Map<string, typeof cohort.events>();
	for (const e of cohort.events) (eventsById.get(e.attemptId) ?? eventsById.set(e.attemptId, []).get(e.attemptId)!).push(e);
	const records = cohort.attempts.map((a) => {
		const s = chosen.find((c) => c.scenario.id === a.scenarioId)!.scenario;
		return deriveRecord(s, facts[s.id]!, profileById.get(a.profileId)!, a, eventsById.get(a.id) ?? []);
	});
	const perScenario: number[] = [];
	for (const { scenario } of chosen) {
		const t = performance.now();
		const { units } = firstAttempts(records, scenario);
		itemsOfUnits(scenario, units);
		analysePaths(scenario, units);
		perScenario.push(performance.now() - t);
	}
	const insightNode = { totalMs: round(perScenario.reduce((a, b) => a + b, 0), 1)!, maxMs: round(Math.max(...perScenario), 1)! };
	const insight = timeInsightNode(cohort, chosen, facts, scenarios);
	const bundle = {
		format: 'fraud-drill-results',
		formatVersion: 1,
		appVersion: '0.1.0',
		exportedAt: new Date('2026-11-20T08:00:00Z').toISOString(),
		scope: { kind: 'all' },
		profiles: cohort.profiles,
		attempts: cohort.attempts,
		events: cohort.events
	};
	const dir = mkdtempSync(join(tmpdir(), 'fd-bench-'));
	const file = join(dir, 'cohort-500x10.json');
	const text = JSON.stringify(bundle);
	writeFileSync(file, text);
	return {
		file,
		dir,
		scenarioIds: chosen.map((s) => s.scenario.id),
		profiles: cohort.profiles.length,
		attempts: cohort.attempts.length,
		events: cohort.events.length,
		mib: round(text.length / 1024 / 1024, 1),
		factsSeconds: round((t1 - t0) / 1000, 1),
		generateSeconds: round((t2 - t1) / 1000, 1),
		insightNode,
		insight
	};
}

/**
 * The trainer-insight analyses (issue 14) on the cohort's records, in Node: median ms of RUNS×3
 * runs each, beside the dashboard's other aggregations for scale. The dashboard computes the same
 * functions from the same records.
 */
function timeInsightNode(
	cohort: ReturnType<typeof generateCohort>,
	chosen: Loaded[],
	facts: Record<string, ScoringFacts>,
	all: Loaded[]
) {
	const profiles = new Map(cohort.profiles.map((p) => [p.id, p]));
	const logs = new Map<string, typeof cohort.events>();
	for (const e of cohort.events) (logs.get(e.attemptId) ?? logs.set(e.attemptId, []).get(e.attemptId)!).push(e);
	const byId = new Map(chosen.map((s) => [s.scenario.id, s.scenario]));
	const records = cohort.attempts.map((a) =>
		deriveRecord(byId.get(a.scenarioId)!, facts[a.scenarioId]!, profiles.get(a.profileId)!, a, logs.get(a.id) ?? [])
	);
	const tracks = JSON.parse(readFileSync(join(ROOT, 'scenarios/curriculum/tracks.json'), 'utf8')).tracks;
	const assigned = chosen.map((s) => s.scenario.id);
	const trainees = cohort.profiles.map((p) => p.id);
	const today = localDay(Date.now());
	const time = (run: () => unknown) => {
		const ms: number[] = [];
		for (let i = 0; i < RUNS * 3; i++) {
			const t = performance.now();
			run();
			ms.push(performance.now() - t);
		}
		return round(median(ms), 1);
	};
	return {
		records: records.length,
		dashboardAggregationsMs: time(() => analyseCohort(records)),
		moneyMs: time(() => moneyAndOutcomes(records)),
		practiseMs: time(() => practiseForCohort(records, practiseCatalogue(all.map((s) => s.scenario), tracks))),
		assignmentsMs: time(() => assignmentStatuses(trainees, records, assigned, '2026-01-01', today))
	};
}

/**
 * Scoring facts per scenario (the graph check: tens of seconds for all of them), cached under
 * node_modules/.cache/fraud-drill by the scenarios' and the engine's sources.
 */
function cachedFacts(chosen: Loaded[]): Record<string, ScoringFacts> {
	const key = createHash('sha256');
	for (const s of chosen) key.update(s.file).update(s.hash);
	for (const dir of ['src/lib/scenario', 'src/lib/attempt'])
		for (const f of readdirSync(join(ROOT, dir)).sort()) if (!f.endsWith('.test.ts')) key.update(f).update(readFileSync(join(ROOT, dir, f)));
	const file = join(CACHE_DIR, `facts-${key.digest('hex').slice(0, 16)}.json`);
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ScoringFacts>;
	const facts: Record<string, ScoringFacts> = {};
	for (const s of chosen) facts[s.scenario.id] = scoringFacts(s.scenario);
	mkdirSync(CACHE_DIR, { recursive: true });
	writeFileSync(file, JSON.stringify(facts));
	return facts;
}

/** Imports the file through the trainer page; ms from the file chosen to the summary tile showing the count. */
/** The page's clock at the start and the end of the last `timeImport` (for its long tasks). */
const importWindow = { start: 0, end: 0 };

async function timeImport(page: Page, file: string, attempts: number): Promise<number> {
	importWindow.start = (await page.evaluate('performance.now()')) as number;
	const t0 = performance.now();
	await page.locator(RESULTS_INPUT).setInputFiles(file);
	const outcome = await page.waitForFunction(
		`(() => {
			if (document.querySelector('[data-testid=summary-attempts]')?.textContent?.trim() === ${JSON.stringify(String(attempts))}) return 'ok';
			// A refused file or rejected attempts: the count will never show.
			const refused = document.querySelector('.import tr.refused, .import td.bad');
			return refused ? document.querySelector('.import table').innerText : false;
		})()`,
		undefined,
		{ polling: 100, timeout: 600_000 }
	);
	const elapsed = performance.now() - t0;
	importWindow.end = (await page.evaluate('performance.now()')) as number;
	const said = (await outcome.jsonValue()) as string;
	if (said !== 'ok') throw new Error(`the import did not show ${attempts} attempts; its report says:\n${said}`);
	return elapsed;
}

/**
 * Reloads the dashboard unthrottled; ms from navigation start to every chart visible, and to the
 * records read; whether the charts came from the view kept last time.
 */
async function timeFirstRender(page: Page): Promise<{ charts: number; records: number; replayed: number; kept: boolean }> {
	await page.reload({ waitUntil: 'commit' });
	const charts = await whenVisible(page, '[data-chart]', 300_000, 6);
	await page.waitForFunction(() => performance.getEntriesByName('fd:dashboard-records').length > 0, undefined, { timeout: 300_000 });
	const [m] = (await page.evaluate(() =>
		performance.getEntriesByName('fd:dashboard-records').map((e) => ({
			end: e.startTime + e.duration,
			replayed: (e as PerformanceMeasure).detail?.replayed ?? -1,
			kept: (e as PerformanceMeasure).detail?.kept ?? false
		}))
	)) as { end: number; replayed: number; kept: boolean }[];
	if (!m) throw new Error('no fd:dashboard-records measure: is the trainer page still instrumented?');
	const keptAt = (await page.evaluate(() => performance.getEntriesByName('fd:dashboard-kept').map((e) => e.startTime + e.duration)))[0];
	if (keptAt !== undefined) log(`    (the kept view was read at ${round(keptAt, 0)} ms)`);
	return { charts, records: m.end, replayed: m.replayed, kept: m.kept };
}

/** Deletes the dashboard views the database keeps (as any change to the attempts makes them unusable). */
async function dropKeptViews(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('fraud-drill');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('views', 'readwrite');
					tx.objectStore('views').clear();
					tx.oncomplete = () => (db.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

/**
 * Opens one scenario's analysis on the dashboard: ms from choosing it to its tables and both charts
 * visible, and the page's own `fd:insight` measure (working out the units, analysis and paths).
 */
async function timeInsight(page: Page, scenarioId: string) {
	await page.evaluate(() => performance.clearMeasures('fd:insight'));
	const t0 = performance.now();
	await page.getByTestId('insight-scenario').selectOption(scenarioId);
	await page.locator(`[data-insight="${scenarioId}"] [data-chart="paths"] svg`).waitFor({ timeout: 120_000 });
	await page.locator(`[data-insight="${scenarioId}"] [data-table="options"]`).waitFor({ timeout: 120_000 });
	const visibleMs = performance.now() - t0;
	const [m] = (await page.evaluate(() =>
		performance.getEntriesByName('fd:insight').map((e) => ({ ms: e.duration, units: (e as PerformanceMeasure).detail?.units ?? -1 }))
	)) as { ms: number; units: number }[];
	if (!m) throw new Error('no fd:insight measure: is ScenarioInsight.svelte still instrumented?');
	log(`  scenario analysis of ${scenarioId}: ${m.units} trainees, computed in ${round(m.ms, 1)} ms, shown after ${round(visibleMs, 0)} ms`);
	return { scenario: scenarioId, units: m.units, computeMs: m.ms, visibleMs };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles (FD_BENCH_PROFILE=1)

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}
async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
	if (!PROFILE) return run();
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
	const result = await run();
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
	await cdp.detach();
	mkdirSync(OUT_DIR, { recursive: true });
	writeFileSync(join(OUT_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
	summariseProfile(name, profile);
	return result;
}

/** Self time per function, top 12, from a CPU profile. */
function summariseProfile(name: string, profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	let total = 0;
	profile.samples.forEach((id, i) => {
		const dt = (profile.timeDeltas[i] ?? 0) / 1000;
		const n = byId.get(id)!;
		const f = n.callFrame;
		const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
		const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
		self.set(key, (self.get(key) ?? 0) + dt);
		if (f.functionName !== '(idle)') total += dt;
	});
	log(`\nCPU profile "${name}" (bench-results/${name}.cpuprofile): ${round(total, 0)} ms not idle; self time by function:`);
	for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) log(`  ${String(round(ms, 0)).padStart(7)} ms  ${k}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const results: Record<string, unknown> = {};
	const scenarios = loadScenarios();
	const started = new Date();
	log(`npm run bench — ${started.toISOString()}, ${RUNS} run(s) per timed figure`);

	if (ONLY.has('a')) results.transitions = benchTransitions(scenarios);
	if (ONLY.has('e')) {
		const node = benchCheckNode();
		results.checkNode = node;
		log(`\n(e) The scenario check in Node (budget ${CHECK_BUDGET.maxStates.toLocaleString('en')} states, ${CHECK_BUDGET.maxMillis / 1000} s)`);
		table(
			['document', 'time', 'states explored', 'heap', 'result'],
			node.map((f) => [f.name, `${round(f.ms / 1000, 1)} s`, f.states?.toLocaleString('en') ?? '—', `${round(f.heapMiB!, 0)} MiB`, f.refused ? 'refused: too complex' : 'checked'])
		);
	}
	if (ONLY.has('i') && !ONLY.has('d')) {
		// The insight analyses alone, in Node (FD_BENCH_ONLY=i): part d prints the same line.
		const c = cohortBundle(scenarios);
		rmSync(c.dir, { recursive: true, force: true });
		const ins = c.insight;
		log(`\n(d, Node only) Insight analyses on the ${c.profiles}-trainee cohort's ${ins.records} records (median of ${RUNS * 3})`);
		table(
			['analysis', 'median'],
			[
				['money and outcomes (cohort, branch, scenario)', `${ins.moneyMs} ms`],
				['practise next, every trainee', `${ins.practiseMs} ms`],
				['assignment status, every trainee', `${ins.assignmentsMs} ms`],
				["for scale: all the dashboard's other aggregations", `${ins.dashboardAggregationsMs} ms`]
			]
		);
		results.insight = ins;
	}
	if (!['b', 'c', 'd', 'e'].some((k) => ONLY.has(k))) return finish(results, started);

	if (!existsSync(join(kitDir, 'chunk-modules.json')))
		throw new Error(`no build in ${kitDir}: run FD_KIT_DIR=… FD_BUILD_DIR=… npx vite build first`);
	const graph = readChunkGraph(kitDir);
	const appHome = existsSync(join(buildDir, 'index.html')) ? pageLoad('/', htmlPages(buildDir).get('/')!, buildDir, graph) : null;

	const hello = ONLY.has('b') ? buildHello() : null;
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	log(`Chromium ${browser.version()}`);
	results.chromium = browser.version();
	try {
		const app = await preview(ROOT, PORT, { FD_KIT_DIR: kitDir });
		const helloUrl = hello ? await preview(join(ROOT, 'bench', 'hello'), PORT + 1, { HELLO_OUT_DIR: dirname(hello.kitDir) }) : null;

		// The trainee: a profile and one attempt, made through the UI.
		const trainee = await newContext(browser, true);
		const tp = await trainee.newPage();
		await createProfile(tp, app, 'Bench Trainee');
		const playId = 'fake-police-safe-account';
		await startAttempt(tp, app, playId);
		const playUrl = tp.url();

		// The trainer: PIN, then the 500 × 10 cohort imported (timed: part d).
		let cohort: ReturnType<typeof cohortBundle> | null = null;
		const imports: number[] = [];
		const renders: number[] = [];
		const recordsRead: number[] = [];
		const rendersUnkept: number[] = [];
		const importParts: Record<string, number>[] = [];
		const importLongest: number[] = [];
		let trainer: BrowserContext | null = null;
		let trainerPage: Page | null = null;
		if (ONLY.has('b') || ONLY.has('d')) {
			log(`\nGenerating ${COHORT.trainees} trainees × ${COHORT.scenarios} scenarios…`);
			cohort = cohortBundle(scenarios);
			log(
				`  ${cohort.profiles} profiles, ${cohort.attempts} attempts, ${cohort.events} events, ${cohort.mib} MiB` +
					` (scoring facts ${cohort.factsSeconds} s, generation ${cohort.generateSeconds} s)`
			);
			const ins = cohort.insight;
			log(
				`  insight analyses on ${ins.records} records, in Node (median): money and outcomes ${ins.moneyMs} ms, ` +
					`practise next for every trainee ${ins.practiseMs} ms, assignment status ${ins.assignmentsMs} ms ` +
					`(all the dashboard's other aggregations: ${ins.dashboardAggregationsMs} ms)`
			);
			const importRuns = ONLY.has('d') ? RUNS : 0;
			for (let i = 0; i < importRuns; i++) {
				await trainer?.close();
				trainer = await newContext(browser, false);
				trainerPage = await trainer.newPage();
				await unlockTrainer(trainerPage, app);
				const p = trainerPage;
				const ms = await profiled(p, 'import', () => timeImport(p, cohort!.file, cohort!.attempts));
				imports.push(ms);
				const parts = (await p.evaluate(() => performance.getEntriesByName('fd:import-worker').map((m) => (m as PerformanceMark).detail)))[0] as
					| Record<string, number>
					| undefined;
				if (parts) importParts.push(parts);
				// The page's long tasks from the file chosen to the count shown (the observer is installed by newContext).
				const tasks = (await p.evaluate(`window.__fdMetrics.longtasks`)) as [number, number][];
				const during = tasks.filter(([start]) => start >= importWindow.start && start <= importWindow.end).map(([, d]) => d);
				const longest = during.length ? Math.max(...during) : 0;
				importLongest.push(longest);
				log(
					`  import run ${i + 1}: ${round(ms / 1000, 2)} s` +
						(parts ? ` (in the worker: read ${parts.read} ms, parse ${parts.parse} ms, verify ${parts.verify} ms, store ${parts.store} ms)` : '') +
						`; the page's longest task meanwhile ${round(longest, 0)} ms, ${during.filter((d) => d > 200).length} over 200 ms`
				);
			}
			if (ONLY.has('d'))
				for (let i = 0; i < RUNS; i++) {
					const p = trainerPage!;
					const r = await profiled(p, 'dashboard-reload', () => timeFirstRender(p));
					renders.push(r.charts);
					recordsRead.push(r.records);
					log(
						`  dashboard first render run ${i + 1}: ${round(r.charts, 0)} ms (records read at ${round(r.records, 0)} ms, ${r.replayed} attempts replayed${r.kept ? ', charts from the kept view' : ''})`
					);
				}
			// The first visit after something changed: no kept view, the charts wait for the records.
			if (ONLY.has('d'))
				for (let i = 0; i < RUNS; i++) {
					const p = trainerPage!;
					await dropKeptViews(p);
					const r = await timeFirstRender(p);
					if (r.kept) throw new Error('a kept view was used after it was dropped');
					rendersUnkept.push(r.charts);
					log(`  dashboard first render without a kept view, run ${i + 1}: ${round(r.charts, 0)} ms (records read at ${round(r.records, 0)} ms)`);
				}
		}

		// The scenario analysis (decision analysis and paths), opened for each scenario in turn.
		const insight: { scenario: string; units: number; computeMs: number; visibleMs: number }[] = [];
		if (ONLY.has('d') && trainerPage && cohort)
			for (const id of cohort.scenarioIds) insight.push(await timeInsight(trainerPage, id));

		if (ONLY.has('b')) {
			// The dashboard on the phone profile too: a phone-sized context with the cohort imported.
			const dashContext = await newContext(browser, true);
			const dashPage = await dashContext.newPage();
			await unlockTrainer(dashPage, app);
			await timeImport(dashPage, cohort!.file, cohort!.attempts);
			const pages: { name: string; page: Page; url: string; ready?: { selector: string; min: number } }[] = [
				{ name: 'hello world', page: await (await newContext(browser, true)).newPage(), url: `${helloUrl}/` },
				{ name: 'library (/)', page: await (await newContext(browser, true)).newPage(), url: `${app}/` },
				{ name: `scenario (/play/${playId}/)`, page: tp, url: playUrl },
				{ name: 'trainer dashboard (500×10)', page: dashPage, url: `${app}/trainer/`, ready: { selector: '[data-chart]', min: 6 } }
			];
			const samples = new Map<string, LoadMetrics[]>(pages.map((p) => [p.name, []]));
			log(`\n(b) Loads on a throttled phone (412×823, 4× CPU, 1.6 Mbps / 150 ms RTT, no cache), ${RUNS} run(s) each`);
			for (let run = 0; run < RUNS; run++)
				for (const p of pages) {
					const m = await measureLoad(p.page, p.url, p.ready);
					samples.get(p.name)!.push(m);
					log(`  run ${run + 1} ${p.name}: LCP ${round(m.lcp, 0)} ms, CLS ${round(m.cls, 3)}, TBT ${round(m.tbt, 0)} ms`);
				}
			const med = (name: string, k: keyof LoadMetrics) => median(samples.get(name)!.map((m) => m[k] as number));
			const base = pages[0]!.name;
			const loads = pages.map((p) => ({
				page: p.name,
				fcpMs: round(med(p.name, 'fcp'), 0),
				lcpMs: round(med(p.name, 'lcp'), 0),
				cls: round(med(p.name, 'cls'), 3),
				tbtMs: round(med(p.name, 'tbt'), 0),
				loadMs: round(med(p.name, 'load'), 0),
				jsKiB: round(med(p.name, 'jsKiB'), 1),
				lcpElement: samples.get(p.name)!.at(-1)!.lcpElement,
				lcpVsHello: ratio(med(p.name, 'lcp'), med(base, 'lcp')),
				fcpVsHello: ratio(med(p.name, 'fcp'), med(base, 'fcp')),
				tbtVsHello: ratio(med(p.name, 'tbt'), med(base, 'tbt')),
				...(p.ready ? { chartsVisibleMs: round(med(p.name, 'ready'), 0), tbtToChartsMs: round(med(p.name, 'tbtToReady'), 0) } : {})
			}));
			log('\nMedians:');
			table(
				['page', 'FCP ms', 'LCP ms', 'CLS', 'TBT ms', 'load ms', 'JS KiB sent', 'LCP ×hello', 'FCP ×hello'],
				loads.map((l) => [l.page, l.fcpMs, l.lcpMs, l.cls, l.tbtMs, l.loadMs, l.jsKiB, l.lcpVsHello, l.fcpVsHello])
			);
			const dash = loads.at(-1)!;
			log(`Trainer dashboard under this profile: charts visible at ${dash.chartsVisibleMs} ms, TBT up to then ${dash.tbtToChartsMs} ms`);
			log(`LCP elements: ${loads.map((l) => `${l.page}: ${l.lcpElement}`).join('; ')}`);
			if (appHome) log(`(JS sent is what the preview server sent; the gzip -9 size of / is ${round(kib(appHome.gzipBytes), 1)} KiB: npm run size.)`);
			results.loads = { profile: MOBILE, runs: RUNS, pages: loads, samples: Object.fromEntries(samples) };
			for (const p of pages) if (p.page !== tp) await p.page.context().close();
		}

		if (ONLY.has('c')) results.decisions = await benchDecisions(trainee, tp, app, scenarios);
		if (ONLY.has('e')) {
			const context = await newContext(browser, false);
			const page = await context.newPage();
			await unlockTrainer(page, app);
			const figures = await benchCheckBrowser(page);
			results.checkBrowser = figures;
			log('\n(e) The scenario check in the browser (trainer import, in its worker), unthrottled');
			table(
				['document', 'file chosen → report', 'longest main-thread task', 'result'],
				figures.map((f) => [f.name, `${round(f.ms / 1000, 1)} s`, `${round(f.longestTaskMs!, 0)} ms`, f.refused ? 'refused: too complex' : 'checked'])
			);
			await context.close();
		}

		if (ONLY.has('d') && cohort) {
			const d = {
				trainees: COHORT.trainees,
				scenarios: cohort.scenarioIds,
				profiles: cohort.profiles,
				attempts: cohort.attempts,
				events: cohort.events,
				fileMiB: cohort.mib,
				importMs: imports.map((x) => round(x, 0)),
				importMedianS: round(median(imports) / 1000, 2),
				importParts,
				importLongestTaskMs: importLongest.map((x) => round(x, 0)),
				firstRenderMs: renders.map((x) => round(x, 0)),
				firstRenderMedianMs: round(median(renders), 0),
				recordsReadMs: recordsRead.map((x) => round(x, 0)),
				recordsReadMedianMs: round(median(recordsRead), 0),
				firstRenderUnkeptMs: rendersUnkept.map((x) => round(x, 0)),
				firstRenderUnkeptMedianMs: round(median(rendersUnkept), 0),
				insightNode: cohort.insightNode,
				insightBrowser: insight.map((x) => ({ ...x, computeMs: round(x.computeMs, 1), visibleMs: round(x.visibleMs, 0) })),
				insightComputeMedianMs: round(median(insight.map((x) => x.computeMs)), 1),
				insightComputeMaxMs: round(Math.max(...insight.map((x) => x.computeMs)), 1),
				insightVisibleMedianMs: round(median(insight.map((x) => x.visibleMs)), 0),
				insightVisibleMaxMs: round(Math.max(...insight.map((x) => x.visibleMs)), 0),
				insightNodeMs: cohort.insight,
				targets: { importS: 3, firstRenderMs: 500 }
			};
			log(`\n(d) Trainer at scale: ${d.profiles} trainees, ${d.attempts} attempts, ${d.events} events (${d.fileMiB} MiB file), unthrottled`);
			table(
				['figure', 'median', 'runs', 'target', 'verdict'],
				[
					['import (file chosen → summary tile)', `${d.importMedianS} s`, d.importMs.map((x) => round(x! / 1000, 1)).join(' / '), '≤ 3 s', d.importMedianS! <= 3 ? 'met' : `missed by ${round(d.importMedianS! - 3, 1)} s`],
					['first dashboard render (navigation → all charts)', `${d.firstRenderMedianMs} ms`, d.firstRenderMs.join(' / '), '≤ 500 ms', d.firstRenderMedianMs! <= 500 ? 'met' : `missed by ${d.firstRenderMedianMs! - 500} ms`],
					['  navigation → records read (after the charts)', `${d.recordsReadMedianMs} ms`, d.recordsReadMs.join(' / '), '', ''],
					['  the same, nothing kept (the first visit after a change)', `${d.firstRenderUnkeptMedianMs} ms`, d.firstRenderUnkeptMs.join(' / '), '', ''],
					['scenario analysis, browser: compute (median / max of 10 scenarios)', `${d.insightComputeMedianMs} ms`, `max ${d.insightComputeMaxMs} ms`, '', ''],
					['scenario analysis, browser: chosen → tables and charts shown', `${d.insightVisibleMedianMs} ms`, `max ${d.insightVisibleMaxMs} ms`, '', ''],
					['scenario analysis, Node: all 10 scenarios (records derived before)', `${d.insightNode.totalMs} ms`, `max ${d.insightNode.maxMs} ms per scenario`, '', '']
				]
			);
			results.trainerScale = d;
		}
		await trainer?.close();
		await trainee.close();
		if (cohort) rmSync(cohort.dir, { recursive: true, force: true });
	} finally {
		await browser.close();
		for (const c of children) c.kill();
		hello?.remove();
	}
	finish(results, started);
}

// ---------------------------------------------------------------------------------------------
// c. Decisions: click to paint, and the write before it

async function benchDecisions(context: BrowserContext, page: Page, base: string, scenarios: Loaded[]) {
	const random = createRandom(11);
	const clickToPaint: number[] = [];
	const eventWrite: number[] = [];
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
	const collect = async () => {
		const got = (await page.evaluate(`({
			paint: performance.getEntriesByName('fd:click-to-paint').map((e) => e.duration),
			write: performance.getEntriesByName('fd:event-write').map((e) => e.duration)
		})`)) as { paint: number[]; write: number[] };
		clickToPaint.push(...got.paint);
		eventWrite.push(...got.write);
		await page.evaluate(`performance.clearMeasures()`);
	};
	let clicks = 0;
	let attempts = 0;
	try {
		// FD_BENCH_PROFILE=1: a CPU profile of the decisions (bench-results/decisions.cpuprofile).
		await profiled(page, 'decisions', async () => {
			for (let n = 0; clicks < CLICKS && n < 30; n++) {
				const { scenario } = scenarios[n % scenarios.length]!;
				await startAttempt(page, base, scenario.id);
				await page.getByRole('dialog').getByRole('button', { name: /^(开始|Begin)$/ }).click();
				attempts++;
				for (let guard = 0; guard < 40 && clicks < CLICKS; guard++) {
					if (await page.locator('.ended').count()) break;
					const enabled = page.locator('[data-action]:not([disabled])');
					try {
						await enabled.first().waitFor({ timeout: 15_000 });
					} catch {
						break; // waiting on a long timer: start another attempt instead
					}
					const ids = (await page.evaluate(
						`[...document.querySelectorAll('[data-action]:not([disabled])')].map((e) => e.getAttribute('data-action'))`
					)) as string[];
					if (!ids.length) continue;
					await page.locator(`[data-action="${random.pick(ids)}"]`).click();
					clicks++;
					// The measure lands on the second frame after the decision is shown (none if it was refused).
					await page
						.waitForFunction(`performance.getEntriesByName('fd:click-to-paint').length >= 1`, undefined, { timeout: 10_000 })
						.catch(() => {});
					await collect();
					if (clicks >= 3 && !clickToPaint.length)
						throw new Error('no fd:click-to-paint measure after 3 decisions: is DecisionPanel.svelte still instrumented?');
				}
				await collect();
			}
		});
	} finally {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
		await cdp.detach().catch(() => {});
	}
	const d = {
		cpuThrottling: MOBILE.cpu,
		attempts,
		clicks: clickToPaint.length,
		writes: eventWrite.length,
		clickToPaint: { p50ms: round(quantile(clickToPaint, 0.5), 1), p95ms: round(quantile(clickToPaint, 0.95), 1), maxMs: round(Math.max(...clickToPaint), 1) },
		eventWrite: { p50ms: round(quantile(eventWrite, 0.5), 1), p95ms: round(quantile(eventWrite, 0.95), 1), maxMs: round(Math.max(...eventWrite), 1) }
	};
	log(`\n(c) Decisions under ${MOBILE.cpu}× CPU throttling (phone viewport, no network throttling), ${d.attempts} attempts`);
	table(
		['measure', 'samples', 'p50 ms', 'p95 ms', 'max ms'],
		[
			['fd:click-to-paint (click → 2nd frame after the decision shows)', d.clicks, d.clickToPaint.p50ms, d.clickToPaint.p95ms, d.clickToPaint.maxMs],
			['fd:event-write (IndexedDB append of one event)', d.writes, d.eventWrite.p50ms, d.eventWrite.p95ms, d.eventWrite.maxMs]
		]
	);
	return d;
}

function finish(results: Record<string, unknown>, started: Date) {
	mkdirSync(OUT_DIR, { recursive: true });
	const out = { date: started.toISOString(), node: process.version, runs: RUNS, ...results };
	writeFileSync(join(OUT_DIR, 'latest.json'), JSON.stringify(out, null, '\t') + '\n');
	log(`\nWrote bench-results/latest.json`);
}

main().catch((e) => {
	console.error(e);
	for (const c of children) c.kill();
	process.exit(1);
});
