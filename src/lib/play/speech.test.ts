import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isPhoneLine, LineLog, pickVoice, SPEECH_LANG, speakerVoice, unavailable, type VoiceLike } from './speech';
import type { Scenario } from '$lib/scenario/schema';

const voice = (name: string, lang: string, localService = true, isDefault = false): VoiceLike => ({
	name,
	lang,
	localService,
	default: isDefault
});

const line = (id: string, from = 'caller') => ({ id, channel: 'phone', kind: 'speech', from });

describe('pickVoice', () => {
	it('takes a Mandarin voice of this device for zh, and an English one for en', () => {
		const voices = [voice('Daniel', 'en-GB'), voice('Tingting', 'zh-CN'), voice('Mei-Jia', 'zh-TW'), voice('Sinji', 'zh-HK')];
		expect(pickVoice(voices, 'zh')?.name).toBe('Tingting');
		expect(pickVoice(voices, 'en')?.name).toBe('Daniel');
	});

	it('never takes a remote voice, even the only one or the default', () => {
		const voices = [voice('Google 普通话（中国大陆）', 'zh-CN', false, true), voice('Google US English', 'en-US', false)];
		expect(pickVoice(voices, 'zh')).toBeNull();
		expect(pickVoice(voices, 'en')).toBeNull();
		expect(pickVoice([...voices, voice('eSpeak Mandarin', 'cmn-CN')], 'zh')?.name).toBe('eSpeak Mandarin');
	});

	it('ranks zh-CN over Taiwanese Mandarin over Cantonese, and reads Android tags (zh_CN)', () => {
		expect(pickVoice([voice('HK', 'zh-HK'), voice('TW', 'zh-TW')], 'zh')?.name).toBe('TW');
		expect(pickVoice([voice('HK', 'zh-HK')], 'zh')?.name).toBe('HK');
		expect(pickVoice([voice('TW', 'zh-TW'), voice('Android', 'zh_CN')], 'zh')?.name).toBe('Android');
		expect(pickVoice([voice('en-IN', 'en-IN'), voice('en-US', 'en-US')], 'en')?.name).toBe('en-US');
	});

	it('prefers the default voice among equals, then the name (the same choice every time)', () => {
		expect(pickVoice([voice('B', 'en-US'), voice('A', 'en-US'), voice('C', 'en-US', true, true)], 'en')?.name).toBe('C');
		expect(pickVoice([voice('B', 'en-US'), voice('A', 'en-US')], 'en')?.name).toBe('A');
	});

	it('finds nothing for a language without a voice (no English voice is used for Chinese text)', () => {
		expect(pickVoice([voice('Daniel', 'en-GB'), voice('Thomas', 'fr-FR')], 'zh')).toBeNull();
		expect(pickVoice([], 'en')).toBeNull();
		// "enm" (Middle English) or "zu" are not English or Chinese.
		expect(pickVoice([voice('x', 'enm'), voice('y', 'zu')], 'en')).toBeNull();
	});

	it('speaks zh-CN for Chinese and en for English', () => {
		expect(SPEECH_LANG).toEqual({ zh: 'zh-CN', en: 'en' });
	});
});

describe('unavailable', () => {
	it('says why it cannot speak: no API, or no voice of this device for the language', () => {
		expect(unavailable(false, [voice('T', 'zh-CN')], 'zh')).toBe('no-api');
		expect(unavailable(true, [], 'zh')).toBe('no-voice');
		expect(unavailable(true, [voice('T', 'zh-CN')], 'en')).toBe('no-voice');
		expect(unavailable(true, [voice('T', 'zh-CN')], 'zh')).toBeNull();
	});
});

describe('LineLog: which lines are spoken', () => {
	const call = { id: 'ring', channel: 'phone', kind: 'call', from: 'caller' };
	const counter = { id: 'hello', channel: 'counter', kind: 'speech', from: 'customer' };
	const action = { id: 'sigh', channel: 'phone', kind: 'action' };

	it('speaks only phone speech: not the caller ID, not narration, not the counter', () => {
		expect([call, counter, action, line('a')].filter(isPhoneLine).map((x) => x.id)).toEqual(['a']);
		const log = new LineLog();
		expect(log.next([call, counter, action, line('a')], { on: true, running: true }).map((x) => x.id)).toEqual(['a']);
	});

	it('speaks each new line once, however often the page renders', () => {
		const log = new LineLog();
		const on = { on: true, running: true };
		expect(log.next([line('a'), line('b')], on).map((x) => x.id)).toEqual(['a', 'b']);
		expect(log.next([line('a'), line('b')], on)).toEqual([]);
		expect(log.next([line('a'), line('b'), line('c')], on).map((x) => x.id)).toEqual(['c']);
		expect(log.next([line('a'), line('b'), line('c')], on)).toEqual([]);
	});

	it('speaks nothing when off, and lines that appeared while off are not spoken when turned on', () => {
		const log = new LineLog();
		expect(log.next([line('a')], { on: false, running: true })).toEqual([]);
		expect(log.next([line('a')], { on: true, running: true })).toEqual([]);
		expect(log.next([line('a'), line('b')], { on: true, running: true }).map((x) => x.id)).toEqual(['b']);
	});

	it('waits for play to begin: the opening lines are spoken after the briefing, none after the end', () => {
		const log = new LineLog();
		expect(log.next([line('a')], { on: true, running: false })).toEqual([]);
		expect(log.next([line('a')], { on: true, running: true }).map((x) => x.id)).toEqual(['a']);
		expect(log.next([line('a'), line('z')], { on: true, running: false })).toEqual([]);
	});

	it('does not say again what was on screen when a stored attempt is resumed', () => {
		const log = new LineLog([line('a'), call, line('b')]);
		expect(log.has('a') && log.has('b')).toBe(true);
		expect(log.next([line('a'), call, line('b'), line('c')], { on: true, running: true }).map((x) => x.id)).toEqual(['c']);
	});
});

describe('speakerVoice', () => {
	const cast = [
		{ id: 'caller', avatar: 'man' },
		{ id: 'customer', avatar: 'elderly-woman' },
		{ id: 'accomplice', avatar: 'man' },
		{ id: 'third', avatar: 'man' },
		{ id: 'sys', avatar: 'system' }
	] as const;

	it('gives each speaker a pitch of their own, the same every time', () => {
		const voices = cast.map((c) => speakerVoice(cast, c.id));
		expect(voices).toEqual(cast.map((c) => speakerVoice(cast, c.id)));
		const men = [voices[0]!, voices[2]!, voices[3]!].map((v) => v.pitch);
		expect(new Set(men).size).toBe(3);
		expect(voices[1]!.pitch).toBeGreaterThan(voices[0]!.pitch);
		expect(voices[1]!.rate).toBeLessThan(1);
	});

	it('keeps pitch and rate inside what the API takes; no one in the cast sounds neutral', () => {
		expect(speakerVoice(cast, undefined)).toEqual({ pitch: 1, rate: 1 });
		expect(speakerVoice(cast, 'nobody')).toEqual({ pitch: 1, rate: 1 });
		expect(speakerVoice(cast, 'sys')).toEqual({ pitch: 1, rate: 1 });
		const many = Array.from({ length: 12 }, (_, i) => ({ id: `w${i}`, avatar: 'young-woman' as const }));
		for (const c of many) {
			const v = speakerVoice(many, c.id);
			expect(v.pitch).toBeGreaterThanOrEqual(0.5);
			expect(v.pitch).toBeLessThanOrEqual(2);
		}
	});

	it('tells the speakers of every built-in scenario apart on the phone', () => {
		for (const file of ['fake-police-call-to-branch', 'boss-qq-group', 'payroll-detail-change', 'voice-clone-ceo-call']) {
			const scenario = JSON.parse(readFileSync(`scenarios/${file}.json`, 'utf8')) as Scenario;
			const speakers = new Set<string>();
			const walk = (o: unknown): void => {
				if (Array.isArray(o)) o.forEach(walk);
				else if (o && typeof o === 'object') {
					const x = o as Record<string, unknown>;
					if (x.channel === 'phone' && x.kind === 'speech' && typeof x.from === 'string') speakers.add(x.from);
					Object.values(x).forEach(walk);
				}
			};
			walk(scenario.beats);
			walk(scenario.timers);
			const voices = [...speakers].map((id) => JSON.stringify(speakerVoice(scenario.cast, id)));
			expect(new Set(voices).size, file).toBe(voices.length);
		}
	});
});
