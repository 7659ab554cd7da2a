/** What every channel view needs from the page: how to show text, who is who, and marking. */
import type { Item, Scenario, Text } from '$lib/scenario/schema';

export interface ShownItem {
	item: Item;
	/** Simulated second it appeared. */
	at: number;
	/** Appeared since the trainee last looked at this channel. */
	fresh: boolean;
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
