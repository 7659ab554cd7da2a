/**
 * Phone calls read aloud: off unless the trainee turns it on, each new phone line spoken once in
 * the trainee's language by a voice of this device, captions always on screen, the choice kept
 * over a reload, held while the attempt is paused, silence when turned off or when the attempt
 * ends, and a switch that says why where the browser cannot speak. Headless Chromium has no voices:
 * a fake speechSynthesis records what the page asks it to say (its queue never drains, so a cancel
 * shows as an empty queue).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createProfile, expectNoSeriousViolations, loadScenario, playPath, prepare, settle } from './helpers';
import type { Language } from '../../src/lib/scenario/schema';

const { scenario, analysis } = loadScenario('fake-police-call-to-branch.json');

interface FakeVoice {
	name: string;
	lang: string;
	localService: boolean;
	default: boolean;
}
interface Said {
	text: string;
	lang: string;
	voice: string | null;
	pitch: number;
	rate: number;
}

/** Device voices for both languages, and a network voice (the default) for each, never to be used. */
const VOICES: FakeVoice[] = [
	{ name: 'Network Mandarin', lang: 'zh-CN', localService: false, default: true },
	{ name: 'Device Mandarin', lang: 'zh-CN', localService: true, default: false },
	{ name: 'Network English', lang: 'en-US', localService: false, default: false },
	{ name: 'Device English', lang: 'en-GB', localService: true, default: false }
];

/** Installs a recording speechSynthesis (`null`: none at all, as in a browser without the API). */
async function fakeSpeech(page: Page, voices: FakeVoice[] | null) {
	await page.addInitScript((voices) => {
		const w = window as unknown as Record<string, unknown>;
		if (!voices) {
			Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
			Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
			return;
		}
		const said: unknown[] = [];
		const queue: unknown[] = [];
		class Utterance extends EventTarget {
			text: string;
			lang = '';
			voice: { name: string } | null = null;
			pitch = 1;
			rate = 1;
			volume = 1;
			onend = null;
			onerror = null;
			constructor(text: string) {
				super();
				this.text = text;
			}
		}
		const synth = {
			get speaking() {
				return queue.length > 0;
			},
			pending: false,
			paused: false,
			getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name })),
			speak(u: Utterance) {
				const entry = { text: u.text, lang: u.lang, voice: u.voice?.name ?? null, pitch: u.pitch, rate: u.rate };
				said.push(entry);
				queue.push(entry);
			},
			cancel() {
				queue.length = 0;
			},
			pause() {
				this.paused = true;
			},
			resume() {
				this.paused = false;
			},
			addEventListener() {},
			removeEventListener() {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
		w.__speech = { said, queue };
	}, voices);
}

const speechPaused = (page: Page) => page.evaluate(() => (window as unknown as { speechSynthesis: { paused: boolean } }).speechSynthesis.paused);
const said = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { said: Said[] } }).__speech.said);
const queued = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { queue: Said[] } }).__speech.queue.length);
/** The caption of a phone line as the page shows it. */
const caption = (page: Page, id: string) => page.locator(`[data-item="${id}"] .line p > span`);

async function openBriefing(page: Page, lang: Language) {
	await prepare(page, lang);
	await createProfile(page, lang === 'zh' ? '周宁' : 'Zhou Ning');
	await page
		.locator(`[data-scenario="${scenario.id}"]`)
		.getByRole('button')
		.filter({ hasText: /练习|Practice/ })
		.click();
	await page.waitForURL(/\/play\//);
	await expect(page.getByRole('dialog')).toBeVisible();
}

async function begin(page: Page) {
	await page.getByRole('dialog').getByRole('button', { name: /开始|Begin/ }).click();
	await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function choose(page: Page, action: string) {
	const button = page.locator(`[data-action="${action}"]`);
	await button.click();
	await expect(button).toHaveCount(0);
	await settle(page);
}

test('off by default; turned on it speaks each new phone line once in Chinese, remembers the choice, and stops when turned off (zh)', async ({
	page
}) => {
	await fakeSpeech(page, VOICES);
	await openBriefing(page, 'zh');
	const inBriefing = page.getByRole('dialog').getByTestId('read-aloud');
	await expect(inBriefing).toHaveAttribute('aria-pressed', 'false');
	await expect(page.getByRole('dialog')).toContainText('默认关闭');
	await begin(page);

	// Off: the call's opening lines are on screen as text, and nothing is said.
	const toggle = page.locator('.status-bar').getByTestId('read-aloud');
	await expect(toggle).toHaveAccessibleName('朗读来电');
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await expect(caption(page, 'c-intro')).toBeVisible();
	await expect(caption(page, 'c-secret')).toBeVisible();
	await expect(page.locator('[data-repeat]')).toHaveCount(0);
	expect(await said(page)).toEqual([]);

	// On: what was already said is not said again; the reply to the next decision is, once.
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	expect(await said(page)).toEqual([]);
	await choose(page, 'ask-who');
	await expect(caption(page, 'c-callback-no')).toBeVisible();
	const reply = (await caption(page, 'c-callback-no').textContent())!;
	await expect.poll(() => said(page)).toHaveLength(1);
	const [first] = await said(page);
	expect(first).toMatchObject({ text: reply, lang: 'zh-CN', voice: 'Device Mandarin' });

	// "Hear again" says that line once more, with the same voice and pitch.
	await page.locator('[data-repeat="c-callback-no"]').click();
	await expect.poll(() => said(page)).toHaveLength(2);
	expect((await said(page))[1]).toEqual(first);

	// A reload resumes the attempt with read-aloud still on, and says none of the old lines again.
	await page.reload();
	await expect(caption(page, 'c-callback-no')).toBeVisible();
	await settle(page);
	await expect(page.locator('.status-bar').getByTestId('read-aloud')).toHaveAttribute('aria-pressed', 'true');
	expect(await said(page)).toEqual([]);

	// The next lines on the phone: each once, the same caller with the same pitch.
	await choose(page, 'decline-phone');
	await expect(caption(page, 'p-threat')).toBeVisible();
	await expect.poll(() => said(page).then((s) => s.map((x) => x.text))).toEqual([
		(await caption(page, 'p-urgent').textContent())!,
		(await caption(page, 'p-threat').textContent())!
	]);
	const now = await said(page);
	expect(now[0]!.pitch).toBe(first!.pitch);
	expect(now.every((s) => s.lang === 'zh-CN' && s.voice === 'Device Mandarin')).toBe(true);
	expect(await queued(page)).toBe(2);

	// A pause holds the voice with the clock, and resuming carries on with what was queued.
	const pause = page.locator('button.pause');
	await pause.click();
	await expect(pause).toHaveAttribute('aria-pressed', 'true');
	await expect.poll(() => speechPaused(page)).toBe(true);
	expect(await queued(page)).toBe(2);
	await pause.click();
	await expect(pause).toHaveAttribute('aria-pressed', 'false');
	await expect.poll(() => speechPaused(page)).toBe(false);

	// Off: what is queued is dropped, and new lines are shown but not said.
	await page.locator('.status-bar').getByTestId('read-aloud').click();
	await expect(page.locator('.status-bar').getByTestId('read-aloud')).toHaveAttribute('aria-pressed', 'false');
	await expect.poll(() => queued(page)).toBe(0);
	await choose(page, 'callback-his');
	await expect(caption(page, 'p-fake-desk')).toBeVisible();
	expect(await said(page)).toHaveLength(2);
});

test('turned on in the briefing, it reads the opening in English, every line once to the end, and goes quiet at the end (en)', async ({
	page
}) => {
	test.setTimeout(180_000);
	await fakeSpeech(page, VOICES);
	await openBriefing(page, 'en');
	const inBriefing = page.getByRole('dialog').getByTestId('read-aloud');
	await expect(inBriefing).toHaveAccessibleName('Read calls aloud');
	await inBriefing.click();
	await expect(inBriefing).toHaveAttribute('aria-pressed', 'true');
	expect(await said(page)).toEqual([]);
	await begin(page);

	const opening = ['c-intro', 'c-knows-id', 'c-ask-data', 'c-secret'];
	const texts = await Promise.all(opening.map((id) => caption(page, id).textContent()));
	await expect.poll(() => said(page).then((s) => s.map((x) => x.text))).toEqual(texts);
	const spoken = await said(page);
	expect(spoken.every((s) => s.lang === 'en' && s.voice === 'Device English')).toBe(true);
	expect(new Set(spoken.map((s) => s.pitch)).size).toBe(1);
	// Captions stay: every line said is on screen as text.
	for (const id of opening) await expect(caption(page, id)).toBeVisible();

	await playPath(page, scenario, analysis.best, { markFlags: false });
	await expect(page.locator('.ended')).toBeVisible();
	await settle(page);
	// Every phone line that appeared was said exactly once, and the end silenced what was queued.
	const all = await said(page);
	expect(new Set(all.map((s) => s.text)).size).toBe(all.length);
	expect(all.length).toBeGreaterThan(opening.length);
	await expect.poll(() => queued(page)).toBe(0);
	await expect(page.locator('[data-repeat]')).toHaveCount(0);
});

test('without speechSynthesis the switch cannot be turned on and says why (zh)', async ({ page }) => {
	await fakeSpeech(page, null);
	await openBriefing(page, 'zh');
	const inBriefing = page.getByRole('dialog').getByTestId('read-aloud');
	await expect(inBriefing).toHaveAttribute('aria-disabled', 'true');
	await expect(page.getByRole('dialog')).toContainText('这个浏览器不支持语音朗读');
	await begin(page);
	const toggle = page.locator('.status-bar').getByTestId('read-aloud');
	await expect(toggle).toHaveText('朗读不可用');
	await expect(toggle).toHaveAccessibleDescription(/这个浏览器不支持语音朗读/);
	// It stays in the tab order (so its reason can be read), and pressing it changes nothing.
	await toggle.press('Enter');
	await expect(toggle).toBeFocused();
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fraud-drill.read-aloud')))).toEqual([]);
	await expect(caption(page, 'c-intro')).toBeVisible();
});

test('with only network voices it stays off and says no voice of this device can read English (en)', async ({ page }) => {
	await fakeSpeech(page, VOICES.filter((v) => !v.localService));
	await openBriefing(page, 'en');
	await begin(page);
	const toggle = page.locator('.status-bar').getByTestId('read-aloud');
	await expect(toggle).toHaveAttribute('aria-disabled', 'true');
	await expect(toggle).toHaveAccessibleDescription(/no English voice of its own/);
	// It stays in the tab order (so its reason can be read), and pressing it changes nothing.
	await toggle.press('Enter');
	await expect(toggle).toBeFocused();
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fraud-drill.read-aloud')))).toEqual([]);
	await choose(page, 'ask-who');
	await expect(caption(page, 'c-callback-no')).toBeVisible();
});

for (const lang of ['zh', 'en'] as const) {
	test(`axe finds no serious or critical violation on the play page with read-aloud on (${lang})`, async ({ page }) => {
		test.setTimeout(120_000);
		await fakeSpeech(page, VOICES);
		await openBriefing(page, lang);
		await page.getByRole('dialog').getByTestId('read-aloud').click();
		await expectNoSeriousViolations(page, 'briefing with the read-aloud switch');
		await begin(page);
		await expect(page.locator('[data-repeat="c-intro"]')).toBeVisible();
		await expectNoSeriousViolations(page, 'phone with read-aloud on');
	});
}

/** As in experience.spec.ts: axe in small steps of the frozen page clock, once animations are done. */
