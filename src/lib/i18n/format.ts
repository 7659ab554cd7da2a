/**
 * A UI string with its parameters filled in. A key may have a `_one` form for n = 1 ("1 detail
 * marked", not "1 details marked"); Chinese has no plural, so its `_one` form reads the same.
 * The core catalogue is always here; others (the trainer's) add themselves when loaded.
 */
import type { Language } from '../scenario/schema';
import { messages, type MessageKey } from './messages';

const added: Record<Language, Record<string, string>> = { zh: {}, en: {} };

/** Adds a catalogue (e.g. `trainer-messages.ts`, on the trainer's pages only). */
export function addMessages(more: Record<Language, Record<string, string>>) {
	Object.assign(added.zh, more.zh);
	Object.assign(added.en, more.en);
}

export function format(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
	const core: Record<string, string> = messages[lang];
	const find = (k: string) => core[k] ?? added[lang][k];
	// A key of a catalogue not loaded shows as itself (never blank), and the tests look for that.
	const template = (params?.n === 1 && find(`${key}_one`)) || find(key) || key;
	return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m)) : template;
}
