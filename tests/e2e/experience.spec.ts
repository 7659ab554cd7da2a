/**
 * What a trainee sees and does for twenty minutes: every channel in both languages at the
 * training-room and tablet sizes (screenshots in the test output for review), practice against
 * assessment, marking red flags by pointer and keyboard, a whole scenario by keyboard alone, the
 * language switch, and axe on every page.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { BEGIN, createProfile, expectNoSeriousViolations, letTimeRun, loadScenario, nextOnPath, playPath, prepare, settle, startScenario } from './helpers';
import type { AttemptEvent } from '../../src/lib/scenario/compile';
import type { Language } from '../../src/lib/scenario/schema';

const police = loadScenario('fake-police-safe-account.json');
const supplier = loadScenario('supplier-new-bank-details.json');
/** One decision from the briefing to an ending: the quickest way to a debrief. */
const quick = loadScenario('mule-account-opening.json');

const SIZES = [
	{ name: 'pc', width: 1366, height: 768 },
	{ name: 'tablet', width: 1280, height: 800 },
	{ name: 'portrait', width: 800, height: 1280 }
] as const;

async function shot(page: Page, info: TestInfo, name: string) {
	await page.screenshot({ path: info.outputPath(`${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** The page itself never scrolls while playing at 1366×768: the panels inside it do. */
async function expectNoPageScroll(page: Page) {
	const { scrollH, scrollW, h, w } = await page.evaluate(() => ({
		scrollH: document.documentElement.scrollHeight,
		scrollW: document.documentElement.scrollWidth,
		h: innerHeight,
		w: innerWidth
	}));
	expect(scrollH, 'page height').toBeLessThanOrEqual(h);
	expect(scrollW, 'page width').toBeLessThanOrEqual(w);
}

/** Every control on screen is at least 44 px each way (tablets are used with fingers). */
async function expectTouchTargets(page: Page) {
	const small = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('button, a.button, select, input, summary, [role=tab]')]
			.filter((el) => {
				const r = el.getBoundingClientRect();
				if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden, .skip-link')) return false;
				if (r.bottom < 0 || r.top > innerHeight * 3) return false;
				return r.width < 44 || r.height < 44;
			})
			.map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)} "${el.textContent?.trim().slice(0, 30)}"`)
	);
	expect(small, 'controls smaller than 44 px').toEqual([]);
}

async function expectNoHorizontalOverflow(page: Page) {
	const { scrollW, w } = await page.evaluate(() => ({ scrollW: document.documentElement.scrollWidth, w: innerWidth }));
	expect(scrollW).toBeLessThanOrEqual(w);
}

/** Photographs the tab in view and every tab with something new on it. */
async function captureChannels(page: Page, info: TestInfo, prefix: string, seen: Set<string>) {
	const tabs = page.getByRole('tab');
	const active = (await page.locator('[role=tab][aria-selected=true]').getAttribute('id'))!;
	for (let i = 0; i < (await tabs.count()); i++) {
		const tab = tabs.nth(i);
		const id = (await tab.getAttribute('id'))!;
		if (id !== active && (await tab.locator('.count').count()) === 0) continue;
		await tab.click();
		await expect(page.locator(`#panel-${id.slice(4)}`)).toBeVisible();
		const channel = id.replace('tab-', '');
		seen.add(channel);
		await shot(page, info, `${prefix}-${channel}`);
	}
	await page.locator(`#${active}`).click();
}

async function tour(
	page: Page,
	info: TestInfo,
	events: AttemptEvent[],
	prefix: string,
	check: () => Promise<void>,
	upTo = events.length
) {
	const seen = new Set<string>();
	for (const [i, event] of events.slice(0, upTo).entries()) {
		if (event.type === 'trainee.choose') {
			await captureChannels(page, info, prefix, seen);
			await check();
			const button = page.locator(`[data-action="${event.action}"]`);
			await button.click();
			await expect(button).toHaveCount(0);
		} else if (event.type === 'clock.tick') {
			await letTimeRun(page, nextOnPath(page, events, i), event.seconds);
		}
	}
	await captureChannels(page, info, prefix, seen);
	return seen;
}

for (const size of SIZES) {
	for (const lang of ['zh', 'en'] as const) {
		test(`every channel, ${lang}, ${size.width}×${size.height}`, async ({ page }, info) => {
			test.setTimeout(180_000);
			await page.setViewportSize({ width: size.width, height: size.height });
			const prefix = `${lang}-${size.width}x${size.height}`;
			const check =
				size.name === 'pc'
					? () => expectNoPageScroll(page)
					: async () => {
							await expectTouchTargets(page);
							await expectNoHorizontalOverflow(page);
						};
			await prepare(page, lang);
			await page.goto('/');
			await expect(page.locator('form')).toBeVisible();
			await shot(page, info, `${prefix}-1-profiles`);
			await createProfile(page, lang === 'zh' ? '王芳' : 'Wang Fang');
			await shot(page, info, `${prefix}-2-library`);
			if (size.name !== 'pc') await expectTouchTargets(page);
			await page
				.locator(`[data-scenario="${police.scenario.id}"]`)
				.getByRole('button')
				.filter({ hasText: /练习|Practice/ })
				.click();
			await page.waitForURL(/\/play\//);
			await expect(page.getByRole('dialog')).toBeVisible();
			await shot(page, info, `${prefix}-3-briefing`);
			await page.getByRole('dialog').getByRole('button', { name: BEGIN }).click();
			await shot(page, info, `${prefix}-4-first-beat`);

			const seen = await tour(page, info, police.analysis.best.events as AttemptEvent[], `${prefix}-5-police`, check);
			expect([...seen].sort()).toEqual(['chat', 'counter', 'document', 'phone', 'sms', 'terminal']);
			await expect(page.locator('.ended')).toBeVisible();
			await shot(page, info, `${prefix}-6-ended`);
			await page.locator('.ended a').click();
			await page.waitForURL(/\/debrief\//);
			await expect(page.locator('.summary')).toBeVisible();
			await page.screenshot({ path: info.outputPath(`${prefix}-7-debrief.png`), fullPage: true, animations: 'disabled' });
			for (let screen = 0; screen < 4; screen++) {
				await page.evaluate((y) => scrollTo(0, y), screen * size.height);
				await shot(page, info, `${prefix}-7-debrief-screen${screen + 1}`);
			}
			if (size.name !== 'pc') await expectTouchTargets(page);
			await expectNoHorizontalOverflow(page);

			await page.goto('/');
			await startScenario(page, supplier.scenario.id, 'assessment');
			const mail = await tour(page, info, supplier.analysis.best.events as AttemptEvent[], `${prefix}-8-supplier`, check, 4);
			expect(mail).toContain('email');
		});
	}
}

test('caller ID is shown as the phone shows it: the spoofed "+96110" as it is', async ({ page }) => {
	await prepare(page, 'zh');
	await createProfile(page, '李静');
	await startScenario(page, police.scenario.id, 'practice');
	const events = police.analysis.best.events as AttemptEvent[];
	const upTo = events.findIndex((e) => e.type === 'trainee.choose' && e.action === 'ask-show');
	await playPath(page, police.scenario, { ...police.analysis.best, events: events.slice(0, upTo + 1) }, { markFlags: false });
	await page.locator('#tab-phone').click();
	await expect(page.getByTestId('caller-id').first()).toHaveText('+96110');
	await page.locator('#tab-chat').click();
	// The group shows its member count, and the forged warrant is described in words.
	await expect(page.locator('.chat header')).toContainText('3');
	await expect(page.locator('.chat figure figcaption').first()).toContainText('拘捕令');
});

test('a pressure event draws the eye for a moment: unread badge, highlighted tab and clock', async ({ page }) => {
	await prepare(page, 'en');
	await createProfile(page, 'Qian Li');
	await startScenario(page, police.scenario.id, 'assessment');
	const phone = page.locator('#tab-phone');
	// The "officer" chases her on the phone 100–140 simulated seconds in.
	for (let s = 0; s < 150 && (await phone.count()) === 0; s++) {
		await page.clock.runFor(1000);
		await settle(page);
	}
	await expect(phone.locator('.count')).toHaveText(/^1/);
	await expect(phone).toHaveClass(/arriving/);
	await expect(page.locator('.clock')).toHaveClass(/pressure/);
	await expect(page.locator('[aria-live=polite]').filter({ hasText: 'Phone' })).toHaveText(/Phone: 1 new/);
	await page.clock.runFor(6000);
	await expect(phone).not.toHaveClass(/arriving/);
	await expect(page.locator('.clock')).not.toHaveClass(/pressure/);
	await expect(phone.locator('.count')).toHaveText(/^1/);
	await phone.click();
	await expect(phone.locator('.count')).toHaveCount(0);
	await expect(page.locator('[data-item="tm-deadline"]')).toBeInViewport();
});

test('practice: hints, a pause that stops the clock, and feedback right after each decision', async ({ page }) => {
	await prepare(page, 'en');
	await createProfile(page, 'Zhou Lan');
	await startScenario(page, police.scenario.id, 'practice');
	await expect(page.getByTestId('mode')).toHaveText('Practice');
	await expect(page.locator('details.hint')).toBeVisible();
	await page.locator('details.hint summary').click();
	await expect(page.locator('details.hint p')).toBeVisible();

	await page.clock.runFor(10_000);
	const elapsed = page.locator('.clock .elapsed');
	await expect(elapsed).toHaveText('Elapsed 0:10');
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
	const time = await page.locator('.clock .time').textContent();
	await page.clock.runFor(120_000);
	await expect(page.locator('.clock .time')).toHaveText(time!);
	await expect(elapsed).toHaveText('Paused');
	await expect(page.locator('[data-action]').first()).toBeDisabled();
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(elapsed).toHaveText('Elapsed 0:10');
	await page.clock.runFor(5_000);
	await expect(elapsed).toHaveText('Elapsed 0:15');

	await expect(page.locator('.feedback')).toHaveCount(0);
	await page.locator('[data-action="check-terminal"]').click();
	await expect(page.locator('.feedback')).toContainText('Feedback · Right');
});

test('assessment: no hint, no pause, no feedback until the debrief, which names the mode', async ({ page }) => {
	await prepare(page, 'en');
	await createProfile(page, 'Sun Qiang');
	await startScenario(page, police.scenario.id, 'assessment');
	await expect(page.getByTestId('mode')).toHaveText('Assessment');
	await expect(page.locator('details.hint')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Pause|Resume/ })).toHaveCount(0);
	await page.locator('[data-action="check-terminal"]').click();
	await expect(page.locator('[data-action="check-terminal"]')).toHaveCount(0);
	await expect(page.locator('.feedback')).toHaveCount(0);
	await expect(page.locator('details.hint')).toHaveCount(0);
	await playPath(page, police.scenario, police.analysis.best, { markFlags: false, from: 1 });
	await page.locator('.ended a').click();
	await expect(page.getByTestId('debrief-mode')).toHaveText('Assessment');
	// The decisions' feedback is there now.
	await expect(page.locator('.timeline .why').first()).not.toBeEmpty();
});

test('red flags can be marked and unmarked by pointer and by keyboard alone', async ({ page }) => {
	await prepare(page, 'zh');
	await createProfile(page, '周敏');
	await startScenario(page, police.scenario.id, 'practice');
	const count = page.locator('#flags-title');
	const [first, second] = await page
		.locator('#panel-counter [data-flag]')
		.evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-flag')!));

	// Pointer.
	const pointer = page.locator(`[data-flag="${first}"]`);
	await pointer.click();
	await expect(pointer).toHaveAttribute('aria-pressed', 'true');
	await expect(count).toContainText('1');
	await pointer.click();
	await expect(pointer).toHaveAttribute('aria-pressed', 'false');
	await expect(count).toContainText('0');

	// Keyboard: Tab to the flag, Enter marks it, Space takes the mark back.
	await page.locator('#tab-counter').focus();
	const key = page.locator(`[data-flag="${second}"]`);
	for (let i = 0; i < 10 && !(await key.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(key).toBeFocused();
	expect(await key.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
	await page.keyboard.press('Enter');
	await expect(key).toHaveAttribute('aria-pressed', 'true');
	await expect(key).toHaveAccessibleName(/取消可疑标记/);
	await expect(count).toContainText('1');
	await page.keyboard.press('Space');
	await expect(key).toHaveAttribute('aria-pressed', 'false');
	await expect(count).toContainText('0');
});

/** Presses Tab until the element is focused (there is no pointer in this test). */
async function tabTo(page: Page, selector: string, max = 120) {
	const target = page.locator(selector).first();
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return target;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

async function expectFocusRing(page: Page) {
	const ring = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		return { visible: el.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});
	expect(ring.visible).toBe(true);
	expect(ring.style).not.toBe('none');
	expect(ring.width).toBeGreaterThanOrEqual(2);
}

test('a whole scenario played with Tab and Enter only, with a visible focus ring', async ({ page }) => {
	test.setTimeout(300_000); // a whole scenario by keyboard; slow on a loaded machine
	await prepare(page, 'en');
	await page.goto('/');
	await (await tabTo(page, 'input')).pressSequentially('Keyboard Only');
	await tabTo(page, 'form button[type=submit]');
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-scenario]').first()).toBeVisible();
	await tabTo(page, `[data-scenario="${police.scenario.id}"] button:has-text("Assessment")`);
	await expectFocusRing(page);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/play\//);
	await expect(page.getByRole('dialog').getByRole('button', { name: BEGIN })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('dialog')).toHaveCount(0);

	const events = police.analysis.best.events as AttemptEvent[];
	for (const [i, event] of events.entries()) {
		if (event.type === 'trainee.choose') {
			const button = await tabTo(page, `[data-action="${event.action}"]`);
			await expectFocusRing(page);
			await page.keyboard.press('Enter');
			await expect(button).toHaveCount(0);
		} else if (event.type === 'clock.tick') {
			await letTimeRun(page, nextOnPath(page, events, i), event.seconds);
		}
	}
	await expect(page.locator('.ended')).toHaveAttribute('data-ending', police.analysis.best.ending!);
	await tabTo(page, '.ended a');
	await expectFocusRing(page);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/debrief\//);
	await expect(page.locator('.summary')).toHaveAttribute('data-ending', police.analysis.best.ending!);
	await expect(page.getByRole('button', { name: /Try again/ })).toBeVisible();
});

async function switchLanguage(page: Page, to: Language) {
	// By role: while the briefing is open, the header behind it is inert and out of reach.
	await page.getByRole('button', { name: /^(Language|语言):/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', to === 'zh' ? 'zh-CN' : 'en');
}

test('the language switch works on every page and is remembered after a reload', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	// No stored choice: the page starts in the browser's language, then keeps the trainee's.
	const context = await browser.newContext({ locale: 'zh-CN', baseURL, viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('谁在训练？');
	await switchLanguage(page, 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is training?');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is training?');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await createProfile(page, 'Lin Yu');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a scenario');
	await switchLanguage(page, 'zh');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('选择一个场景');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('选择一个场景');

	await startScenario(page, quick.scenario.id, 'practice');
	await expect(page.locator('#tab-counter')).toContainText('柜台');
	await switchLanguage(page, 'en');
	await expect(page.locator('#tab-counter')).toContainText('Counter');
	await page.reload();
	// Nothing happened yet, so the briefing is shown again: in the language just chosen.
	await expect(page.getByRole('dialog')).toContainText('Learning objectives');
	await switchLanguage(page, 'zh');
	await expect(page.getByRole('dialog')).toContainText('学习目标');
	await page.getByRole('dialog').getByRole('button', { name: '开始' }).click();
	await expect(page.locator('#tab-counter')).toContainText('柜台');

	await page.locator(`[data-action="${quick.analysis.naive.choices[0]!.action}"]`).click();
	await page.locator('.ended a').click();
	await page.waitForURL(/\/debrief\//);
	await expect(page.locator('#timeline-title')).toHaveText('你的处置过程');
	await switchLanguage(page, 'en');
	await expect(page.locator('#timeline-title')).toHaveText('What you did');
	await page.reload();
	await expect(page.locator('#timeline-title')).toHaveText('What you did');

	await page.goto('/trainer/');
	await expect(page.getByRole('heading', { name: 'Trainer area' })).toBeVisible();
	await switchLanguage(page, 'zh');
	await expect(page.getByRole('heading', { name: '培训师区域' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: '培训师区域' })).toBeVisible();
	await context.close();
});

for (const [locale, heading, lang] of [
	['en-US', 'Who is training?', 'en'],
	['zh-CN', '谁在训练？', 'zh-CN']
] as const) {
	test(`with no choice stored, the language follows the browser (${locale})`, async ({ browser }) => {
		const context = await browser.newContext({ locale });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await context.close();
	});
}


// One test per part of the app, so that no test runs ten axe passes in a row (on a loaded two-core
// machine the single test of all pages ran past its 150 s).
for (const lang of ['zh', 'en'] as const) {
	test(`axe finds no serious or critical violation before play and on the trainer's gate (${lang})`, async ({ page }) => {
		test.setTimeout(180_000);
		await prepare(page, lang);
		await page.goto('/');
		await expect(page.locator('form')).toBeVisible();
		await expectNoSeriousViolations(page, 'profile picker');
		await createProfile(page, lang === 'zh' ? '陈晨' : 'Chen Chen');
		await expectNoSeriousViolations(page, 'library');

		await page
			.locator(`[data-scenario="${police.scenario.id}"]`)
			.getByRole('button')
			.filter({ hasText: /练习|Practice/ })
			.click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await expectNoSeriousViolations(page, 'briefing dialog');

		await page.goto('/trainer/');
		await expect(page.locator('input[type=password]')).toBeVisible();
		await expectNoSeriousViolations(page, 'trainer PIN gate');
	});

	test(`axe finds no serious or critical violation while playing (${lang})`, async ({ page }) => {
		test.setTimeout(180_000);
		await prepare(page, lang);
		await createProfile(page, lang === 'zh' ? '陈晨' : 'Chen Chen');
		await startScenario(page, police.scenario.id, 'practice');
		const events = police.analysis.best.events as AttemptEvent[];
		const upTo = events.findIndex((e) => e.type === 'trainee.choose' && e.action === 'ask-show');
		await playPath(page, police.scenario, { ...police.analysis.best, events: events.slice(0, upTo + 1) }, { markFlags: true });
		await page.locator('details.hint summary').click();
		for (const tab of await page.getByRole('tab').all()) {
			await tab.click();
			await expectNoSeriousViolations(page, `play, ${await tab.getAttribute('id')}`);
		}
		await page.getByRole('button', { name: /暂停|Pause/ }).click();
		await expectNoSeriousViolations(page, 'play, paused');
	});

	test(`axe finds no serious or critical violation at the end and on the debrief (${lang})`, async ({ page }) => {
		test.setTimeout(180_000);
		await prepare(page, lang);
		await createProfile(page, lang === 'zh' ? '陈晨' : 'Chen Chen');
		await startScenario(page, police.scenario.id, 'practice');
		await playPath(page, police.scenario, police.analysis.best, { markFlags: true });
		await expect(page.locator('.ended')).toBeVisible();
		await expectNoSeriousViolations(page, 'ended');
		await page.locator('.ended a').click();
		await page.waitForURL(/\/debrief\//);
		await expect(page.locator('.summary')).toBeVisible();
		await expectNoSeriousViolations(page, 'debrief');
	});
}
