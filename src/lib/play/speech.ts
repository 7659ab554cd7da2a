/**
 * Read-aloud of phone calls, the part that decides (pure: no DOM, no speechSynthesis). Which lines
 * are spoken (each phone line once, as it appears while the attempt runs, never the lines already
 * on screen when an attempt is resumed), which voice (a voice on this device for the trainee's
 * language, never a network voice) and how each speaker sounds (a pitch and rate per cast member,
 * the same every time). The browser adapter is `read-aloud.svelte.ts`.
 */
import type { CastMember, Language } from '$lib/scenario/schema';

/** What the decision needs of a `SpeechSynthesisVoice`. */
export interface VoiceLike {
	name: string;
	lang: string;
	localService: boolean;
	default: boolean;
}

/** What the decision needs of a shown item. */
export interface LineLike {
	id: string;
	channel: string;
	kind: string;
	from?: string;
}

/** The BCP 47 tag an utterance is spoken in, per UI language. */
export const SPEECH_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

/**
 * Tags that can read the language's text, best first (Mandarin in simplified script before the
 * Taiwanese voice, Cantonese last: it reads the characters, with Cantonese sounds).
 */
const PREFERRED: Record<Language, RegExp[]> = {
	zh: [/^(zh-cn|zh-hans(-cn)?|cmn-hans(-cn)?|cmn-cn)$/, /^(zh|cmn)(-(?!hk|mo|yue)|$)/, /^(yue|zh-(hk|mo|yue))(-|$)/],
	en: [/^en-(us|gb)$/, /^en(-|$)/]
};

/** "zh_CN" (Android) and "zh-cn" are the same tag as "zh-CN". */
function tag(lang: string) {
	return lang.trim().toLowerCase().replace(/_/g, '-');
}

function rank(voice: VoiceLike, lang: Language): number {
	const t = tag(voice.lang);
	const i = PREFERRED[lang].findIndex((re) => re.test(t));
	return i < 0 ? -1 : i;
}

/**
 * The best voice on this device for `lang`, or null when there is none. Only voices with
 * `localService` (speech made on the device): a remote voice would send the text to a server.
 * Among equals, the browser's default voice, then the name (so the choice is stable).
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: Language): V | null {
	const usable = voices.filter((v) => v.localService === true && rank(v, lang) >= 0);
	usable.sort(
		(a, b) => rank(a, lang) - rank(b, lang) || Number(b.default) - Number(a.default) || a.name.localeCompare(b.name)
	);
	return usable[0] ?? null;
}

/** A line said on the phone (a call's caller ID and state are shown, not spoken). */
export function isPhoneLine(item: LineLike): boolean {
	return item.channel === 'phone' && item.kind === 'speech';
}

export interface SpeakerVoice {
	/** 0 to 2, 1 the voice's own. */
	pitch: number;
	/** 0.1 to 10, 1 the voice's own. */
	rate: number;
}

const NEUTRAL: SpeakerVoice = { pitch: 1, rate: 1 };

/** A starting point per portrait: women higher, men lower, older people a little slower. */
const BY_AVATAR: Record<CastMember['avatar'], SpeakerVoice> = {
	'elderly-woman': { pitch: 1.15, rate: 0.88 },
	'elderly-man': { pitch: 0.8, rate: 0.88 },
	woman: { pitch: 1.2, rate: 1 },
	man: { pitch: 0.85, rate: 1 },
	'young-woman': { pitch: 1.3, rate: 1.06 },
	'young-man': { pitch: 0.95, rate: 1.06 },
	official: { pitch: 0.9, rate: 0.95 },
	boss: { pitch: 0.8, rate: 0.97 },
	colleague: { pitch: 1.05, rate: 1.02 },
	system: NEUTRAL
};

/** Moves a second, third… speaker with the same portrait away from the first. */
const SPREAD = [0, 0.15, -0.12, 0.28, -0.24];

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * How a cast member sounds: from their portrait, and apart from everyone earlier in the cast with
 * the same portrait (two "man" callers get different pitches). Lines of no one in the cast (a
 * recorded message) get the voice's own pitch and rate.
 */
export function speakerVoice(cast: readonly Pick<CastMember, 'id' | 'avatar'>[], from: string | undefined): SpeakerVoice {
	const i = from === undefined ? -1 : cast.findIndex((c) => c.id === from);
	if (i < 0) return NEUTRAL;
	const member = cast[i]!;
	const base = BY_AVATAR[member.avatar] ?? NEUTRAL;
	const same = cast.slice(0, i).filter((c) => c.avatar === member.avatar).length;
	const pitch = Math.min(2, Math.max(0.5, base.pitch + SPREAD[same % SPREAD.length]! + 0.04 * Math.floor(same / SPREAD.length)));
	return { pitch: round(pitch), rate: base.rate };
}

/**
 * Which phone lines have been heard. A line is heard once: when it is on screen while the attempt
 * runs (spoken then if read-aloud is on, and not later when read-aloud is turned on). The lines on
 * screen when a stored attempt is resumed were heard before the reload.
 */
export class LineLog {
	private readonly heard = new Set<string>();

	constructor(alreadyHeard: Iterable<LineLike> = []) {
		for (const item of alreadyHeard) if (isPhoneLine(item)) this.heard.add(item.id);
	}

	/**
	 * The phone lines among `items` not heard yet, now heard. Speaks (returns) them only when
	 * read-aloud is `on`; while the attempt is not `running` (the briefing, the ending) nothing is
	 * heard, so the opening lines are spoken when play begins.
	 */
	next<T extends LineLike>(items: readonly T[], { on, running }: { on: boolean; running: boolean }): T[] {
		if (!running) return [];
		const fresh = items.filter((item) => isPhoneLine(item) && !this.heard.has(item.id));
		for (const item of fresh) this.heard.add(item.id);
		return on ? fresh : [];
	}

	has(id: string) {
		return this.heard.has(id);
	}
}

/** Why read-aloud cannot be used here, or null when it can. */
export type Unavailable = 'no-api' | 'no-voice' | null;

export function unavailable(hasApi: boolean, voices: readonly VoiceLike[], lang: Language): Unavailable {
	if (!hasApi) return 'no-api';
	return pickVoice(voices, lang) ? null : 'no-voice';
}
