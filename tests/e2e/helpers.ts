import { expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { checkScenarioFile } from '../../src/lib/library/check';
import { indexScenario, type AttemptEvent } from '../../src/lib/scenario/compile';
import type { Language, Scenario } from '../../src/lib/scenario/schema';
import type { Path } from '../../src/lib/scenario/analyse';

export const scenarioFiles = readdirSync('scenarios').filter((f) => f.endsWith('.json'));

export function loadScenario(file: string) {
	const report = checkScenarioFile(file, readFileSync(`scenarios/${file}`, 'utf8'));
	if (!report.scenario || !report.analysis) throw new Error(report.problems.join('\n'));
	return { scenario: report.scenario, analysis: report.analysis };
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
