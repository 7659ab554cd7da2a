/**
 * Assessment integrity as a trainee meets it: from the library card to the first decisions of an
 * assessment, nothing says which scam it is or that the customer is honest, the briefing gives no
 * procedure, the cast panel lists no one who has not appeared, and nothing on screen carries a
 * verdict. Options come in the order drawn from the attempt's seed, the same after a reload and on
 * the trainer's replay.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { BEGIN, createProfile, loadScenario, prepare } from './helpers';
import { SCAM_TYPE_LABEL } from '../../src/lib/i18n/labels';
import { orderOptions } from '../../src/lib/attempt/order';
import { resolveSetup } from '../../src/lib/attempt/setup';
import { replaySteps } from '../../src/lib/attempt/replay';
import { availableActions, indexScenario, startContext } from '../../src/lib/scenario/compile';
import { generateCohort, resultsBundle } from '../fixtures/cohort';
import type { Language, Scenario, Text } from '../../src/lib/scenario/schema';

const cases = [
	['fake-police-safe-account.json', 'teller'],
	['boss-qq-group.json', 'accountant'],
	['honest-house-purchase.json', 'honest']
] as const;

/** A scenario text as a check: the parts of it between placeholders (which the attempt fills in). */
const fragments = (text: Text, lang: Language, min = 4) =>
	text[lang]
		.split(/\{[^}]*\}/)
		.map((s) => s.trim())
		.filter((s) => s.length >= min);

async function expectNone(page: Page, where: string, texts: string[]) {
	const shown = await page.locator(where).innerText();
	for (const text of texts) expect(shown, `"${text}" in ${where}`).not.toContain(text);
}

function revealing(scenario: Scenario, lang: Language) {
	const { meta } = scenario;
	return [
		...fragments(meta.title, lang),
		...fragments(meta.summary, lang),
		SCAM_TYPE_LABEL[meta.scamType][lang],
		// The honest label, whichever scenario this is.
		SCAM_TYPE_LABEL.legitimate[lang]
	];
}

async function attemptSeed(page: Page): Promise<number> {
	const id = new URL(page.url()).searchParams.get('attempt')!;
	return page.evaluate(
		(attemptId) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('fraud-drill');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('attempts').objectStore('attempts').get(attemptId);
					get.onsuccess = () => {
						resolve(get.result.seed);
						open.result.close();
					};
					get.onerror = () => reject(get.error);
				};
			}),
		id
	);
}

/** Starts a practice attempt from the library (English), up to its briefing. */
async function startPractice(page: Page, id: string) {
	await page
		.locator(`[data-scenario="${id}"]`)
		.getByRole('button')
		.filter({ hasText: /^Practice$/ })
		.click();
	await page.waitForURL(/\/play\//);
}

const onScreen = (page: Page) =>
	page.locator('#decisions [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')!));

for (const [file, kind] of cases)
	for (const lang of ['zh', 'en'] as const)
		test(`an assessment gives nothing away: ${kind} (${file}, ${lang})`, async ({ page }) => {
			const { scenario } = loadScenario(file);
			const situation = scenario.meta.situation!;
			await prepare(page, lang);
			await createProfile(page, lang === 'zh' ? '考核学员' : 'Assessed trainee');

			// The library card: the neutral situation only; no scam type filter.
			const card = page.locator(`[data-scenario="${scenario.id}"]`);
			await expect(card.getByRole('heading')).toHaveText(situation.title[lang]);
			await expectNone(page, `[data-scenario="${scenario.id}"]`, revealing(scenario, lang));
			await expect(page.getByLabel(lang === 'zh' ? '诈骗类型' : 'Scam type')).toHaveCount(0);

			// The briefing: the situation and the role, no objectives (the procedure).
			await card
				.getByRole('button')
				.filter({ hasText: lang === 'zh' ? '考核' : 'Assessment' })
				.click();
			await page.waitForURL(/\/play\//);
			const dialog = page.getByRole('dialog');
			await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(situation.title[lang]);
			await expectNone(page, '[role=dialog]', [
				...revealing(scenario, lang),
				...scenario.meta.objectives.flatMap((o) => fragments(o, lang))
			]);
			await expect(
				dialog.getByRole('heading', {
					name: lang === 'zh' ? '学习目标' : 'Learning objectives'
				})
			).toHaveCount(0);
			await dialog.getByRole('button', { name: BEGIN }).click();
			await expect(dialog).toHaveCount(0);

			// The page: title, header, cast panel.
			expect(await page.title()).toContain(situation.title[lang]);
			await expectNone(page, 'body', revealing(scenario, lang));
			const ix = indexScenario(scenario);
			const seed = await attemptSeed(page);
			const start = startContext(scenario, resolveSetup(scenario, seed));
			const appeared = new Set(start.shown.map((s) => ix.items.get(s.item)!.from));
			const unmet = scenario.cast.slice(1).filter((m) => !appeared.has(m.id));
			expect(unmet.length, 'someone has yet to appear at the start').toBeGreaterThan(0);
			await expect(page.locator('.side .others li')).toHaveCount(scenario.cast.slice(1).length - unmet.length);
			const listed = await page.locator('.side .others li').allInnerTexts();
			for (const member of unmet) {
				const role = fragments(member.role, lang, 2);
				expect(role.length, `${member.id} has a role to look for`).toBeGreaterThan(0);
				for (const li of listed)
					expect(
						role.every((f) => li.includes(f)),
						`${member.id} listed: ${li}`
					).toBe(false);
			}
			await expectNone(
				page,
				'.side',
				scenario.cast.flatMap((m) => (m.truth ? fragments(m.truth, lang) : []))
			);

			// The options: the order drawn from the seed; no verdict in any attribute or text.
			const expected = orderOptions(availableActions(ix, start), seed, start.beat, 2).map((a) => a.id);
			expect(await onScreen(page)).toEqual(expected);
			const attributes = await page
				.locator('#decisions [data-action]')
				.evaluateAll((els) => els.flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`)));
			for (const a of attributes) expect(a).toMatch(/^(type=button|class=action(\s+svelte-\w+)?|data-action=[\w-]+)$/);

			// A mark and a decision: no feedback until the debrief.
			const flag = page.locator('[data-flag]').first();
			await flag.click();
			await expect(flag).toHaveAttribute('aria-pressed', 'true');
			await page.locator(`[data-action="${expected[0]}"]`).click();
			await expect(page.locator(`[data-action="${expected[0]}"]`)).toHaveCount(0);
			await expect(page.locator('[data-mark-feedback], .feedback')).toHaveCount(0);
			await expectNone(page, 'body', revealing(scenario, lang));
		});

test('two attempts show different orders; a reload shows the same one', async ({ page }) => {
	const { scenario } = loadScenario('fake-police-safe-account.json');
	await prepare(page, 'en');
	await createProfile(page, 'Order');
	const seen = new Map<number, string[]>();
	for (let i = 0; i < 6 && new Set([...seen.values()].map((o) => o.join())).size < 2; i++) {
		await page.goto('/');
		await startPractice(page, scenario.id);
		await page.getByRole('dialog').getByRole('button', { name: BEGIN }).click();
		const order = await onScreen(page);
		const seed = await attemptSeed(page);
		const start = startContext(scenario, resolveSetup(scenario, seed));
		expect(order).toEqual(
			orderOptions(availableActions(indexScenario(scenario), start), seed, start.beat, 2).map((a) => a.id)
		);
		seen.set(seed, order);
		// Resume: the same order after a reload.
		await page.reload();
		await expect(page.locator('#decisions [data-action]').first()).toBeVisible();
		expect(await onScreen(page)).toEqual(order);
	}
	expect(new Set([...seen.values()].map((o) => o.join())).size).toBeGreaterThan(1);
});

test("the trainer's replay shows each step's options in the order the trainee saw them", async ({ page }, info) => {
	const entry = loadScenario('honest-house-purchase.json');
	const cohort = generateCohort({
		trainees: 1,
		scenarios: [entry.scenario],
		seed: 4242,
		retries: 0,
		facts: { [entry.scenario.id]: entry.scoring },
		hashes: { [entry.scenario.id]: entry.hash }
	});
	const attempt = cohort.attempts[0]!;
	const events = cohort.events.filter((e) => e.attemptId === attempt.id).map((e) => e.event);
	mkdirSync(info.outputDir, { recursive: true });
	const file = info.outputPath('one-attempt.json');
	writeFileSync(
		file,
		JSON.stringify(
			resultsBundle({ ...cohort, attempts: [attempt], events: cohort.events.filter((e) => e.attemptId === attempt.id) })
		)
	);
	await prepare(page, 'en');
	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('2468');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText('1');
	await page.goto(`/trainer/attempt/?id=${attempt.id}`);

	// Step by step: at each decision, the options listed are the ones the seed ordered.
	const ix = indexScenario(entry.scenario);
	const steps = replaySteps(entry.scenario, attempt.seed, events);
	const slider = page.getByRole('slider');
	let checked = 0;
	for (let i = 0; i < events.length; i++) {
		const c = steps[i]!.snapshot.context;
		if (events[i]!.type !== 'trainee.choose' || c.ending) continue;
		await slider.fill(String(i));
		const expected = orderOptions(availableActions(ix, c), attempt.seed, c.beat, 2).map((a) => a.id);
		await expect(page.locator('[data-testid="replay-options"] li')).toHaveCount(expected.length);
		expect(
			await page
				.locator('[data-testid="replay-options"] li')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-option')))
		).toEqual(expected);
		checked++;
	}
	expect(checked).toBeGreaterThan(2);
});

test('practice says after a mark whether it was a red flag, and why', async ({ page }) => {
	const { scenario } = loadScenario('fake-police-safe-account.json');
	await prepare(page, 'en');
	await createProfile(page, 'Practice');
	await startPractice(page, scenario.id);
	await expect(page.getByRole('dialog').getByRole('heading', { level: 2 })).toHaveText(scenario.meta.title.en);
	await page.getByRole('dialog').getByRole('button', { name: BEGIN }).click();
	const redFlags = new Map(
		scenario.clues.filter((c) => c.kind === 'red-flag').flatMap((c) => c.items.map((i) => [i, c]))
	);
	const flags = await page.locator('[data-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')!));
	const right = flags.find((id) => redFlags.has(id))!;
	const wrong = flags.find((id) => !scenario.clues.some((c) => c.items.includes(id)))!;
	await page.locator(`[data-flag="${right}"]`).click();
	await expect(page.locator(`[data-mark-feedback="${right}"]`)).toContainText(redFlags.get(right)!.label.en);
	await expect(page.locator(`[data-mark-feedback="${right}"]`)).toContainText(
		redFlags.get(right)!.explanation.en.slice(0, 30)
	);
	await page.locator(`[data-flag="${wrong}"]`).click();
	await expect(page.locator(`[data-mark-feedback="${wrong}"]`)).toContainText('not a red flag');
	await page.locator(`[data-flag="${wrong}"]`).click();
	await expect(page.locator('[data-mark-feedback]')).toHaveCount(0);
});
