/** What every channel view needs from the page: how to show text, who is who, and marking. */
import type { Channel, Item, Scenario, Text } from '$lib/scenario/schema';

export interface ShownItem {
	item: Item;
	/** Simulated second it appeared. */
	at: number;
	/** Appeared since the trainee last looked at this channel. */
	fresh: boolean;
}

/** A decision the trainee took, shown in the channel where it was taken ("You: …"). */
export interface ShownChoice {
	/** Simulated second it was taken. */
	at: number;
	/** The action's label, rendered. */
	label: string;
	/** The channel the beat had in focus. */
	channel: Channel;
	/** Items that answered it (they come after it even when they appear the same second). */
	replies: string[];
}

export interface ChannelProps {
	scenario: Scenario;
	items: ShownItem[];
	/** Renders scenario text with this attempt's names, amounts and numbers. */
	r: (text: Text) => string;
	/** A cast member's name in this attempt ("" for none). */
	name: (castId: string | undefined) => string;
	/** Time of day for a simulated second ("10:07"). */
	clock: (seconds: number) => string;
	isFlagged: (id: string) => boolean;
	toggleFlag: (id: string) => void;
	/** Read-only: the trainer's replay. */
	readonly?: boolean;
	/** The trainee's own decisions on this channel, to show between the lines they answered. */
	choices?: ShownChoice[];
	/** Read-aloud is on: says a phone line again (the phone shows a "hear again" button per line). */
	repeat?: (item: Item) => void;
}

export type Entry = { kind: 'item'; shown: ShownItem } | { kind: 'choice'; choice: ShownChoice };

/** Items and the trainee's decisions in the order they happened. */
export function interleave(items: ShownItem[], choices: ShownChoice[] = []): Entry[] {
	const out: Entry[] = [];
	let next = 0;
	for (const shown of items) {
		while (
			next < choices.length &&
			(shown.at > choices[next]!.at || choices[next]!.replies.includes(shown.item.id))
		)
			out.push({ kind: 'choice', choice: choices[next++]! });
		out.push({ kind: 'item', shown });
	}
	while (next < choices.length) out.push({ kind: 'choice', choice: choices[next++]! });
	return out;
}

/** Items grouped by thread, in order of first appearance; items without a thread come first. */
export function byThread(items: ShownItem[]): { thread: string | null; items: ShownItem[] }[] {
	const groups = new Map<string | null, ShownItem[]>();
	for (const s of items) {
		const key = s.item.thread ?? null;
		if (!groups.has(key)) groups.set(key, []);
		groups.get(key)!.push(s);
	}
	return [...groups].map(([thread, list]) => ({ thread, items: list }));
}

export function castOf(scenario: Scenario, id: string | undefined) {
	return id ? scenario.cast.find((c) => c.id === id) : undefined;
}

export function threadOf(scenario: Scenario, id: string | null) {
	return id ? scenario.threads.find((t) => t.id === id) : undefined;
}

/** The decisions that belong to one thread: where their answer came, or the last one then in view. */
export function choicesIn(thread: string | null, items: ShownItem[], choices: ShownChoice[] = []): ShownChoice[] {
	return choices.filter((choice) => {
		const reply = items.find((s) => choice.replies.includes(s.item.id));
		const before = items.filter((s) => s.at <= choice.at).at(-1) ?? items[0];
		return ((reply ?? before)?.item.thread ?? null) === thread;
	});
}
