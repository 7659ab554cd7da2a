import { expect, test } from './fixtures';
import { createProfile, loadScenario, playPath, prepare, settle, startScenario } from './helpers';

const { scenario, analysis } = loadScenario('fake-police-safe-account.json');

test('a teller plays the fake-police scenario to the best ending and reads the debrief', async ({ page }) => {
	await prepare(page, 'en');
	await createProfile(page, 'Li Jing');
	await startScenario(page, scenario.id, 'assessment');
	const found = await playPath(page, scenario, analysis.best, { markFlags: true });
	const best = scenario.endings.find((e) => e.id === analysis.best.ending)!;
	await expect(page.locator('.ended')).toHaveAttribute('data-ending', best.id);

	await page.getByRole('link', { name: 'See the debrief' }).click();
	await page.waitForURL(/\/debrief\//);
	await expect(page.locator('.summary')).toHaveAttribute('data-ending', best.id);
	await expect(page.getByText('Passed', { exact: true })).toBeVisible();
	// Every decision is listed with why it was right.
	await expect(page.locator('.timeline li.choice')).toHaveCount(analysis.best.choices.length);
	await expect(page.locator('.timeline .verdict-badge.harmful')).toHaveCount(0);
	// Every red flag marked is reported as found.
	await expect(page.locator('.clues li.found')).toHaveCount(found.size);
	expect(found.size).toBeGreaterThanOrEqual(5);
	const overall = Number((await page.getByTestId('overall').textContent())!.replace('%', ''));
	expect(overall).toBeGreaterThanOrEqual(scenario.meta.passMark);
});

/** The page's heartbeat: a tick saved every 15 s of simulated time. */
const HEARTBEAT_SECONDS = 15;

test('reloading in the middle of a scenario resumes at the same beat, clock and marks', async ({ page }) => {
	await prepare(page, 'zh');
	await createProfile(page, '王芳');
	await startScenario(page, scenario.id, 'practice');
	// The first three events of the best path, all decisions.
	const first = analysis.best.events.slice(0, 3);
	expect(first.every((e) => e.type === 'trainee.choose')).toBe(true);
	const found = new Set<string>();
	await playPath(page, scenario, { ...analysis.best, events: first }, { markFlags: true, found });
	await page.clock.runFor(15_000); // a heartbeat tick falls due…
	await settle(page); // …and is saved
	const prompt = await page.locator('#prompt').textContent();
	// The clock on screen runs on between saved ticks (the page saves one every 15 s of simulated
	// time, and before each decision); a reload resumes from the last saved tick, so it may show up
	// to one heartbeat less, never more.
	const elapsedSeconds = async () => {
		const [m, s] = (await page.locator('.clock .elapsed').textContent())!.match(/(\d+):(\d\d)/)!.slice(1).map(Number);
		return m! * 60 + s!;
	};
	const before = await elapsedSeconds();
	const actions = await page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
	const url = page.url();

	await page.reload();
	await expect(page.locator('#prompt')).toHaveText(prompt!);
	await expect.poll(elapsedSeconds).toBeGreaterThanOrEqual(before - HEARTBEAT_SECONDS - 1);
	expect(await elapsedSeconds()).toBeLessThanOrEqual(before);
	expect(await page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(
		actions
	);
	await expect(page.locator('#flags-title')).toContainText(String(found.size));
	expect(page.url()).toBe(url);

	// And carries on to the best ending.
	await playPath(page, scenario, analysis.best, { markFlags: false, from: first.length });
	await expect(page.locator('.ended')).toHaveAttribute('data-ending', analysis.best.ending!);
	await expect(page.getByRole('link', { name: '查看复盘' })).toBeVisible();
});

test('the debrief of a genuine customer: no "0 of 0" red flags, and no step both "Acceptable" and "Best path"', async ({ page }) => {
	const honest = loadScenario('honest-house-purchase.json');
	// The best course starts the withdrawal with an option whose own verdict is "acceptable".
	expect(honest.analysis.best.choices.some((c) => honest.scenario.beats.find((b) => b.id === c.beat)!.actions.find((a) => a.id === c.action)!.verdict === 'acceptable')).toBe(true);
	await prepare(page, 'en');
	await createProfile(page, 'Zhao Lei');
	await startScenario(page, honest.scenario.id, 'assessment');
	await playPath(page, honest.scenario, honest.analysis.best, { markFlags: false });
	await page.getByRole('link', { name: 'See the debrief' }).click();
	await page.waitForURL(/\/debrief\//);
	await expect(page.getByTestId('no-red-flags')).toHaveText('This scenario has no red flags to find.');
	await expect(page.locator('.summary')).not.toContainText('0 of 0');
	await expect(page.locator('#flags-title')).toHaveText('Red flags');
	const steps = page.locator('.timeline li.choice');
	await expect(steps).toHaveCount(honest.analysis.best.choices.length);
	// Each step on the best course says so, once; none says "Acceptable" beside it.
	await expect(page.locator('.timeline .on-best')).toHaveCount(honest.analysis.best.choices.length);
	for (const step of await steps.all()) await expect(step.locator('.verdict-badge')).toHaveCount(1);
	await expect(page.locator('.timeline .verdict-badge.acceptable')).toHaveCount(0);
});
