/**
 * Small laptops and tablets: at 1024×768 and 820×1180 (and the training room's 1366×768) the page
 * never scrolls itself, so the header's clock, the current prompt and the options stay in view
 * after every decision, and what a finger touches is at least 44 px.
 */
import { expect, test } from './fixtures';
import { createProfile, loadScenario, playPath, prepare, startScenario } from './helpers';

const { scenario, analysis } = loadScenario('fake-police-safe-account.json');
const sizes = [
	{ width: 1366, height: 768, lang: 'zh' },
	{ width: 1024, height: 768, lang: 'en' },
	{ width: 820, height: 1180, lang: 'en' },
	{ width: 820, height: 1180, lang: 'zh' }
] as const;

for (const { width, height, lang } of sizes) {
	test(`play at ${width}×${height} (${lang}): clock, prompt and options in view, no page scroll, 44 px targets`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		await prepare(page, lang);
		await createProfile(page, lang === 'zh' ? '孙悦' : 'Sun Yue');
		await startScenario(page, scenario.id, 'practice');
		// Four decisions in: chat has grown, practice feedback shows above the next prompt.
		await playPath(page, scenario, { ...analysis.best, events: analysis.best.events.slice(0, 4) }, { markFlags: false });
		const options = page.locator('.decide .actions button');
		await expect(options.first()).toBeVisible();

		const layout = await page.evaluate(() => {
			const box = (el: Element | null) => {
				if (!el) return null;
				const r = el.getBoundingClientRect();
				return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width };
			};
			return {
				scrollY: window.scrollY,
				pageHeight: document.documentElement.scrollHeight,
				clock: box(document.querySelector('.clock')),
				tabs: [...document.querySelectorAll('[role="tab"]')].map(box),
				prompt: box(document.querySelector('.decide .prompt')),
				panel: box(document.querySelector('.decide')),
				firstOption: box(document.querySelector('.decide .actions button')),
				optionHeights: [...document.querySelectorAll('.decide .actions button')].map((b) => b.getBoundingClientRect().height),
				flagButtons: [...document.querySelectorAll('.desk button[aria-pressed]')]
					.map(box)
					.filter((b) => b && b.height > 0)
			};
		});
		// The page itself never scrolls: the header and its clock stay on screen.
		expect(layout.scrollY).toBe(0);
		expect(layout.pageHeight).toBeLessThanOrEqual(height);
		expect(layout.clock!.top).toBeGreaterThanOrEqual(0);
		expect(layout.clock!.bottom).toBeLessThanOrEqual(height);
		// The prompt and the first option are inside the decision panel and inside the window.
		for (const [what, b] of [
			['prompt', layout.prompt],
			['first option', layout.firstOption]
		] as const) {
			expect(b!.top, what).toBeGreaterThanOrEqual(layout.panel!.top - 1);
			expect(b!.bottom, what).toBeLessThanOrEqual(Math.min(layout.panel!.bottom, height) + 1);
		}
		// Channels switch by tabs, all on screen; on tablets and small laptops (touch screens or
		// not) what a finger touches is at least 44 px; the 1366 training-room PC has a mouse.
		expect(layout.tabs.length).toBeGreaterThan(1);
		for (const tab of layout.tabs) expect(tab!.bottom).toBeLessThanOrEqual(height);
		expect(layout.flagButtons.length).toBeGreaterThan(0);
		if (width <= 1280) {
			for (const tab of layout.tabs) expect(tab!.height).toBeGreaterThanOrEqual(44);
			for (const h of layout.optionHeights) expect(h).toBeGreaterThanOrEqual(44);
			for (const b of layout.flagButtons) expect(Math.min(b!.height, b!.width)).toBeGreaterThanOrEqual(44);
		}
	});
}

for (const lang of ['zh', 'en'] as const) {
	test(`a phone at 412×915 (${lang}): nothing in the header overlaps, the title gives way`, async ({ page }) => {
		await page.setViewportSize({ width: 412, height: 915 });
		await prepare(page, lang);
		await createProfile(page, lang === 'zh' ? '孙悦' : 'Sun Yue');
		await startScenario(page, scenario.id, 'assessment');
		await expect(page.locator('.app-header .clock')).toBeVisible();
		const parts = ['.brand', '.mine', '.lang', '.title', '.badge.mode', '.clock'];
		const boxes = await page.evaluate((selectors) => {
			return selectors.map((s) => {
				const r = document.querySelector(`.app-header ${s}`)!.getBoundingClientRect();
				return { s, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
			});
		}, parts);
		for (const [i, a] of boxes.entries()) {
			expect(a.right, `${a.s} inside the screen`).toBeLessThanOrEqual(412);
			for (const b of boxes.slice(i + 1)) {
				const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
				expect(apart, `${a.s} and ${b.s} do not overlap`).toBe(true);
			}
		}
	});
}
