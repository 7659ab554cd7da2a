import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { checkScenarioFile } from '../../src/lib/library/check';
import { indexScenario, type AttemptEvent } from '../../src/lib/scenario/compile';
import type { Language, Scenario } from '../../src/lib/scenario/schema';
import type { Path, ScoringFacts } from '../../src/lib/scenario/analyse';
import { hashedJson } from '../../src/lib/scenario/hash';
import { createHash } from 'node:crypto';

interface Entry {
	file: string;
	scenario: Scenario;
	/** Content hash of the document, as the app computes it for built-in scenarios. */
	hash: string;
	analysis: { best: Path; naive: Path; worst: Path };
	scoring: ScoringFacts;
}

/**
 * The scenario check's paths, computed once and cached for the workers (each worker would
 * otherwise explore every graph again). Rebuilt when a scenario or the engine is newer.
 */
const CACHE = 'tests/e2e/.cache/scenarios.json';

function loadEntries(): Entry[] {
	const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
	const sources = [...files.map((f) => `scenarios/${f}`), ...readdirSync('src/lib/scenario').map((f) => `src/lib/scenario/${f}`)];
	const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
	if (existsSync(CACHE) && statSync(CACHE).mtimeMs > newest) {
		const cached: Entry[] = JSON.parse(readFileSync(CACHE, 'utf8'));
		if (cached.map((e) => e.file).join() === files.join() && cached.every((e) => e.hash)) return cached;
	}
	const entries = files.map((file) => {
		const raw = readFileSync(`scenarios/${file}`, 'utf8');
		const report = checkScenarioFile(file, raw);
		if (!report.scenario || !report.analysis) throw new Error(report.problems.join('\n'));
		const { best, naive, worst, maxPoints } = report.analysis;
		const hash = createHash('sha256').update(hashedJson(JSON.parse(raw))).digest('hex');
		return {
			file,
			scenario: report.scenario,
			hash,
			analysis: { best, naive, worst },
			scoring: { maxPoints, best: best.choices }
		};
	});
	mkdirSync('tests/e2e/.cache', { recursive: true });
	writeFileSync(CACHE, JSON.stringify(entries));
	return entries;
}

const entries = loadEntries();

export const scenarioFiles = entries.map((e) => e.file);
export const allEntries = entries;

export function loadScenario(file: string): Entry {
	const entry = entries.find((e) => e.file === file);
	if (!entry) throw new Error(`${file} is not in ${CACHE}`);
	return entry;
}

/** Fixes the page's language and freezes its clock: simulated time moves only when a test says. */
export async function prepare(page: Page, lang: Language) {
	await page.addInitScript((l) => localStorage.setItem('fraud-drill.language', l), lang);
	await page.clock.install();
	await page.clock.pauseAt(new Date(Date.now() + 1000));
}

/** Waits for the app's service worker, and reloads until it controls the page (as on a second visit). */
export async function controlledByServiceWorker(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

export async function createProfile(page: Page, name: string) {
	await page.goto('/');
	await page.locator('input').first().fill(name);
	await page.locator('form button[type=submit]').click();
	await expect(page.locator('[data-scenario]').first()).toBeVisible();
}

/** The briefing's "Begin" button (the briefing also has the read-aloud switch). */
export const BEGIN = /^(开始|Begin)$/;

export async function startScenario(page: Page, id: string, mode: 'practice' | 'assessment') {
	const card = page.locator(`[data-scenario="${id}"]`);
	await card.getByRole('button').filter({ hasText: mode === 'practice' ? /练习|Practice/ : /考核|Assessment/ }).click();
	await page.waitForURL(/\/play\//);
	await page.getByRole('dialog').getByRole('button', { name: BEGIN }).click();
	await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Marks every red-flag item that is on screen now and not marked yet. Returns how many it marked. */
export async function markVisibleRedFlags(page: Page, scenario: Scenario, done: Set<string>) {
	const ix = indexScenario(scenario);
	let marked = 0;
	for (const clue of scenario.clues.filter((c) => c.kind === 'red-flag' && !done.has(c.id))) {
		for (const id of clue.items) {
			const channel = ix.marks.get(id)!.item.channel;
			const tab = page.locator(`#tab-${channel}`);
			if ((await tab.count()) === 0) continue;
			await tab.click();
			const button = page.locator(`[data-flag="${id}"]`);
			if ((await button.count()) === 0) continue;
			await button.click();
			await expect(button).toHaveAttribute('aria-pressed', 'true');
			done.add(clue.id);
			marked++;
			break;
		}
	}
	return marked;
}

/**
 * Plays a path of the graph check in the browser: decisions by click, waits by letting simulated
 * time run until the next decision is offered (the attempt's seed may draw other timer times than
 * the ones the check used).
 */
export async function playPath(
	page: Page,
	scenario: Scenario,
	path: Path,
	opts: { markFlags: boolean; from?: number; found?: Set<string> }
) {
	const found = opts.found ?? new Set<string>();
	const events = path.events as AttemptEvent[];
	for (let i = opts.from ?? 0; i < events.length; i++) {
		const event = events[i]!;
		if (opts.markFlags) await markVisibleRedFlags(page, scenario, found);
		if (event.type === 'trainee.choose') {
			const button = page.locator(`[data-action="${event.action}"]`);
			await letTimeRun(page, () => button.count());
			await expect(button).toBeEnabled();
			await button.click();
			await expect(button).toHaveCount(0);
		} else if (event.type === 'clock.tick') {
			await letTimeRun(page, nextOnPath(page, events, i), event.seconds);
		}
	}
	return found;
}

/** What shows that a path's wait is over: its next decision offered, or its ending. */
export function nextOnPath(page: Page, events: AttemptEvent[], i: number) {
	const next = events.slice(i + 1).find((e) => e.type === 'trainee.choose');
	return () => (next ? page.locator(`[data-action="${next.action}"]`).count() : page.locator('.ended').count());
}

/** Waits until every step the page has taken is saved and on screen. */
export async function settle(page: Page) {
	await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
}

/**
 * Lets simulated time run, as a trainee who waits: at least `seconds` when what we wait for is on
 * screen already, then until it is (up to 30 minutes more). Time moves 5 s at a time and each step
 * is saved before the next, so the page never falls behind the clock and skips a beat that a
 * slow disk kept it from showing.
 */
export async function letTimeRun(page: Page, present: () => Promise<number>, seconds = 0) {
	const there = async (timeout: number) => {
		await settle(page);
		try {
			await expect.poll(present, { timeout }).toBeGreaterThan(0);
			return true;
		} catch {
			return false;
		}
	};
	// What is there already ends the wait only once the path's own time has passed.
	const already = await there(seconds === 0 ? 2000 : 300);
	if (already && seconds === 0) return;
	for (let waited = 5; waited <= seconds + 1800; waited += 5) {
		await page.clock.runFor(5000);
		if (already && waited < seconds) await settle(page);
		else if (await there(300)) return;
	}
	throw new Error(`nothing to wait for appeared within ${seconds + 1800} simulated seconds`);
}

/** The path that ends badly: the naive trainee's, or the worst one where naive still ends well. */
export function badPath(analysis: Entry['analysis'], scenario: Scenario): Path {
	const good = (p: Path) => ['fraud-stopped', 'honest-served'].includes(scenario.endings.find((e) => e.id === p.ending)!.outcome);
	return good(analysis.naive) ? analysis.worst : analysis.naive;
}

/**
 * For an expect that awaits a scenario's graph check (seconds of work in a worker, longer on a
 * loaded two-core machine): a generous explicit timeout, never the default.
 */
export const GRAPH_CHECKED = { timeout: 60_000 };

/**
 * Not a polite close: the browser of a persistent context (its own profile directory `dir`) is
 * killed, as when a PC is switched off; returns once none of its processes is left.
 */
export async function killBrowser(context: import('@playwright/test').BrowserContext, dir: string) {
	const pattern = `--user-data-dir=${dir}`;
	execFileSync('pkill', ['-9', '-f', '--', pattern]);
	await expect
		.poll(() => {
			try {
				execFileSync('pgrep', ['-f', '--', pattern]);
				return 'running';
			} catch {
				return 'gone';
			}
		})
		.toBe('gone');
	await context.close().catch(() => {});
}

/** Runs axe (WCAG 2 A and AA) once animations have settled; fails on any serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, where: string) {
	// CSS animations run on real time, not on the frozen page clock: a message that is still fading
	// in has too little contrast for a moment. Wait until every finite animation has finished.
	await expect
		.poll(
			() =>
				page.evaluate(
					() =>
						document
							.getAnimations()
							.filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
							.filter((a) => a.playState === 'running' || a.pending).length
				),
			{ message: `${where}: animations still running`, timeout: 30_000 }
		)
		.toBe(0);
	// axe schedules its work with timers, and prepare() froze the page clock: run it in small steps.
	// Legacy mode runs axe in the page itself (the app has no frames), not in a second, frozen page.
	let done = false;
	const analysis = new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa'])
		.setLegacyMode()
		.analyze()
		.then(
			(r) => ({ r, e: null }),
			(e: unknown) => ({ r: null, e })
		)
		.finally(() => (done = true));
	while (!done) await page.clock.runFor(20);
	const { r: results, e } = await analysis;
	if (!results) throw e;
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(serious).toEqual([]);
}
