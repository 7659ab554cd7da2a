import { expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { checkScenarioFile } from '../../src/lib/library/check';
import { indexScenario, type AttemptEvent } from '../../src/lib/scenario/compile';
import type { Language, Scenario } from '../../src/lib/scenario/schema';
import type { Path } from '../../src/lib/scenario/analyse';

interface Entry {
	file: string;
	scenario: Scenario;
	analysis: { best: Path; naive: Path; worst: Path };
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
		if (cached.map((e) => e.file).join() === files.join()) return cached;
	}
	const entries = files.map((file) => {
		const report = checkScenarioFile(file, readFileSync(`scenarios/${file}`, 'utf8'));
		if (!report.scenario || !report.analysis) throw new Error(report.problems.join('\n'));
		const { best, naive, worst } = report.analysis;
		return { file, scenario: report.scenario, analysis: { best, naive, worst } };
	});
	mkdirSync('tests/e2e/.cache', { recursive: true });
	writeFileSync(CACHE, JSON.stringify(entries));
	return entries;
}

const entries = loadEntries();

export const scenarioFiles = entries.map((e) => e.file);

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

export async function createProfile(page: Page, name: string) {
	await page.goto('/');
	await page.locator('input').first().fill(name);
	await page.locator('form button[type=submit]').click();
	await expect(page.locator('[data-scenario]').first()).toBeVisible();
}

export async function startScenario(page: Page, id: string, mode: 'practice' | 'assessment') {
	const card = page.locator(`[data-scenario="${id}"]`);
	await card.getByRole('button').filter({ hasText: mode === 'practice' ? /练习|Practice/ : /考核|Assessment/ }).click();
	await page.waitForURL(/\/play\//);
	await page.getByRole('dialog').getByRole('button').click();
	await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Marks every red-flag item that is on screen now and not marked yet. Returns how many it marked. */
export async function markVisibleRedFlags(page: Page, scenario: Scenario, done: Set<string>) {
	const ix = indexScenario(scenario);
	let marked = 0;
	for (const clue of scenario.clues.filter((c) => c.kind === 'red-flag' && !done.has(c.id))) {
		for (const id of clue.items) {
			const channel = ix.items.get(id)!.channel;
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

/** Plays a path of the graph check in the browser: decisions by click, waits by the page clock. */
export async function playPath(page: Page, scenario: Scenario, path: Path, opts: { markFlags: boolean }) {
	const found = new Set<string>();
	for (const event of path.events as AttemptEvent[]) {
		if (opts.markFlags) await markVisibleRedFlags(page, scenario, found);
		if (event.type === 'trainee.choose') {
			const button = page.locator(`[data-action="${event.action}"]`);
			await expect(button).toBeEnabled();
			await button.click();
			await expect(button).toHaveCount(0);
		} else if (event.type === 'clock.tick') {
			await page.clock.runFor(event.seconds * 1000 + 500);
		}
	}
	return found;
}
