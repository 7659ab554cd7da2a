/**
 * Messages from the results module, in both UI languages at once (like scenario text), so the
 * pure code needs no locale and a page shows `tx(words)`.
 */
export interface Words {
	zh: string;
	en: string;
}

export const both = (zh: string, en: string): Words => ({ zh, en });

/** Enough of a UUID to tell rows apart in a message. */
export function shortId(id: string): string {
	return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
