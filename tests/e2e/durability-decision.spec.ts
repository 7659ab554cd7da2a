/**
 * A decision is one write (the seconds that passed before it and the choice, in one transaction),
 * saved before it is shown. The browser is killed in the middle of that save, at its two moments:
 * before the transaction commits (then nothing of the decision may be in the log, and the page
 * resumes where the screen was) and after it commits but before the page shows it (then the log
 * has the whole decision, and the resumed page shows it). Either way the shown state is exactly the
 * one the log replays to, and a tick never lands without the choice it came with.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { expect, test } from './fixtures';
import { createProfile, killBrowser, loadScenario, playPath, settle, startScenario } from './helpers';
import { replay } from '../../src/lib/attempt/replay';
import { availableActions, indexScenario, type AttemptEvent } from '../../src/lib/scenario/compile';

const { scenario, analysis } = loadScenario('fake-police-safe-account.json');
/** Played before the decision that is interrupted: the best path up to its third choice or later. */
const upTo = analysis.best.events.findIndex((e, i) => i >= 2 && e.type === 'trainee.choose');
const played = { ...analysis.best, events: analysis.best.events.slice(0, upTo) };
const decision = analysis.best.events[upTo] as Extract<AttemptEvent, { type: 'trainee.choose' }>;

/** The one attempt on this PC, and its log, as the database holds them. */
function storedLog(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ seed: number; events: AttemptEvent[] }>((resolve, reject) => {
				const open = indexedDB.open('fraud-drill');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['attempts', 'events']);
					const attempts = tx.objectStore('attempts').getAll();
					const events = tx.objectStore('events').getAll();
					tx.oncomplete = () => {
						open.result.close();
						const rows = attempts.result as { seed: number }[];
						if (rows.length !== 1) return reject(new Error(`${rows.length} attempts stored`));
						const sorted = (events.result as { seq: number; event: AttemptEvent }[]).sort((a, b) => a.seq - b.seq);
						resolve({ seed: rows[0]!.seed, events: sorted.map((r) => r.event) });
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

/** The options on screen are those of the state the stored log replays to. */
async function expectScreenMatchesLog(page: Page) {
	const { seed, events } = await storedLog(page);
	const state = replay(scenario, seed, events);
	const expected = availableActions(indexScenario(scenario), state.snapshot.context).map((a) => a.id);
	const shown = await page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')!));
	expect([...shown].sort()).toEqual([...expected].sort());
	return events;
}

for (const moment of ['before-commit', 'after-commit'] as const) {
	test(`killing the browser in the middle of a decision's save (${moment}): the screen and the log agree`, async ({ baseURL }) => {
		// Two browser launches, a kill and a path played: on a loaded two-core machine over 2 minutes.
		test.setTimeout(240_000);
		const dir = mkdtempSync(join(tmpdir(), 'fraud-drill-profile-'));
		try {
			const launch = () =>
				chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args: chromiumArgs, baseURL, viewport: { width: 1366, height: 768 } });
			const first = await launch();
			const page = first.pages()[0] ?? (await first.newPage());
			await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
			// The hook: when armed, the write of a decision's choice stops the page's thread for good,
			// `before-commit` right after the request is made (the transaction cannot commit while the
			// thread is busy), `after-commit` as soon as it has committed (before the page can show it).
			await page.addInitScript(() => {
				const w = window as unknown as { __fdKillAt?: string };
				const add = IDBObjectStore.prototype.add;
				IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
					const request = add.apply(this, args);
					const row = args[0] as { event?: { type?: string } } | undefined;
					const at = w.__fdKillAt;
					if (at && this.name === 'events' && row?.event?.type === 'trainee.choose') {
						w.__fdKillAt = undefined;
						const hang = (what: string) => {
							console.log(`fd-test: ${what}`);
							for (;;);
						};
						if (at === 'before-commit') hang('decision write in flight');
						else this.transaction.addEventListener('complete', () => hang('decision committed, not shown'));
					}
					return request;
				};
			});
			await page.clock.install();
			await createProfile(page, 'Crash Test');
			await startScenario(page, scenario.id, 'practice');
			await playPath(page, scenario, played, { markFlags: true });
			// Simulated seconds pass before the decision: they go into the same write as the choice.
			await page.clock.runFor(4_000);
			await settle(page);
			const beforeLog = await expectScreenMatchesLog(page);
			const beforeActions = await page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));

			await page.evaluate((at) => ((window as unknown as { __fdKillAt?: string }).__fdKillAt = at), moment);
			const hung = page.waitForEvent('console', (m) => m.text().startsWith('fd-test:'));
			// Not awaited: the save starts inside the click's own handler, so at `before-commit` the
			// page never acknowledges the click (its thread never returns); the console line says the
			// hook was reached, and the browser is killed there.
			void page
				.locator(`[data-action="${decision.action}"]`)
				.click()
				.catch(() => undefined);
			await hung;
			await killBrowser(first, dir);

			const second = await launch();
			const again = second.pages()[0] ?? (await second.newPage());
			await again.goto('/');
			const resume = again.getByRole('button', { name: 'Resume' });
			const profile = again.getByRole('button', { name: /Crash Test/ });
			await expect(resume.or(profile).first()).toBeVisible();
			if (await profile.isVisible()) await profile.click();
			await resume.click();
			await expect(again.locator('[data-action]').first()).toBeVisible();
			await settle(again);
			const afterLog = await expectScreenMatchesLog(again);
			const added = afterLog.slice(beforeLog.length);
			expect(afterLog.slice(0, beforeLog.length)).toEqual(beforeLog);
			if (moment === 'before-commit') {
				// Nothing of the decision was saved (no tick without its choice), and the page resumes
				// exactly where the screen was when the browser died.
				expect(added).toEqual([]);
				expect(await again.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(
					beforeActions
				);
			} else {
				// The whole decision was saved: the seconds before it and the choice, in that order.
				expect(added.map((e) => e.type)).toEqual(['clock.tick', 'trainee.choose']);
				expect(added[1]).toEqual(decision);
			}
			await second.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
}
