/**
 * The UI language: zh-CN or en, remembered on this device, defaulting to the browser's language.
 * `t(key)` looks up a UI string; `tx(text)` picks a scenario text's language.
 */
import { browser } from '$app/environment';
import type { Language, Text } from '$lib/scenario/schema';
import type { MessageKey } from './messages';
import { format } from './format';

const STORAGE_KEY = 'fraud-drill.language';

function initialLanguage(): Language {
	if (!browser) return 'zh';
	const saved = localStorage.getItem(STORAGE_KEY);
	if (saved === 'zh' || saved === 'en') return saved;
	return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

class Locale {
	lang = $state<Language>(initialLanguage());

	/** The value for `<html lang>`. */
	get htmlLang() {
		return this.lang === 'zh' ? 'zh-CN' : 'en';
	}

	set(lang: Language) {
		this.lang = lang;
		if (browser) {
			localStorage.setItem(STORAGE_KEY, lang);
			document.documentElement.lang = this.htmlLang;
		}
	}
}

export const locale = new Locale();

export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return format(locale.lang, key, params);
}

export function tx(text: Text): string {
	return text[locale.lang];
}
