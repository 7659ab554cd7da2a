/**
 * Read-aloud of phone calls, the browser's side: the speechSynthesis API, the voices of this
 * device, and the trainee's choice (off unless turned on, remembered per trainee on this device).
 * Fire and forget: nothing here is awaited by play, and an API that throws only goes quiet.
 * What to speak and how is decided in `speech.ts`.
 */
import type { Language } from '$lib/scenario/schema';
import { pickVoice, SPEECH_LANG, unavailable, type SpeakerVoice, type Unavailable } from './speech';

const KEY = 'fraud-drill.read-aloud';

function synthesis(): SpeechSynthesis | null {
	if (typeof window === 'undefined') return null;
	const synth = (window as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
	return synth && typeof window.SpeechSynthesisUtterance === 'function' ? synth : null;
}

export class ReadAloud {
	/** The trainee's choice (speaks only when the device can too, see `reason`). */
	on = $state(false);
	private voices = $state.raw<SpeechSynthesisVoice[]>([]);
	private readonly synth = synthesis();
	private key = KEY;
	/** Utterances being spoken: kept referenced until they end (Chromium drops their events otherwise). */
	private live: SpeechSynthesisUtterance[] = [];
	private readonly onVoices = () => this.loadVoices();

	constructor() {
		if (!this.synth) return;
		this.loadVoices();
		// Chromium lists its voices only after a while, and says so with this event.
		this.synth.addEventListener?.('voiceschanged', this.onVoices);
	}

	private loadVoices() {
		try {
			this.voices = this.synth?.getVoices() ?? [];
		} catch {
			this.voices = [];
		}
	}

	/** Reads the trainee's choice; each trainee on a shared PC has their own. */
	load(profileId: string | undefined) {
		this.key = profileId ? `${KEY}.${profileId}` : KEY;
		try {
			this.on = localStorage.getItem(this.key) === 'on';
		} catch {
			this.on = false;
		}
	}

	/** Why it cannot speak `lang` here (no API, no voice of this device), or null. */
	reason(lang: Language): Unavailable {
		return unavailable(!!this.synth, this.voices, lang);
	}

	/** On and able to speak `lang`. */
	speaking(lang: Language) {
		return this.on && !this.reason(lang);
	}

	set(on: boolean) {
		this.on = on;
		try {
			localStorage.setItem(this.key, on ? 'on' : 'off');
		} catch {
			// Private mode without storage: the choice lasts for this page.
		}
		if (!on) this.cancel();
	}

	/** Queues a line; returns at once. Nothing is said without a voice of this device. */
	speak(text: string, lang: Language, how: SpeakerVoice) {
		const voice = pickVoice(this.voices, lang);
		if (!this.synth || !voice || !text.trim()) return;
		try {
			const utterance = new SpeechSynthesisUtterance(text);
			utterance.lang = SPEECH_LANG[lang];
			utterance.voice = voice;
			utterance.pitch = how.pitch;
			utterance.rate = how.rate;
			const done = () => (this.live = this.live.filter((u) => u !== utterance));
			utterance.onend = done;
			utterance.onerror = done;
			this.live.push(utterance);
			this.synth.speak(utterance);
		} catch {
			// A broken speech engine never stops play.
		}
	}

	/** Stops what is being said and drops what is queued. */
	cancel() {
		this.live = [];
		try {
			this.synth?.cancel();
		} catch {
			// As above.
		}
	}

	/** Holds what is being said and what is queued while the attempt is paused; carries on after. */
	hold(paused: boolean) {
		try {
			if (paused) this.synth?.pause();
			else this.synth?.resume();
		} catch {
			// As above.
		}
	}

	destroy() {
		this.cancel();
		this.synth?.removeEventListener?.('voiceschanged', this.onVoices);
	}
}
