/** A content hash of a scenario: SHA-256 of its canonical JSON (keys sorted), in hex. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * The document as far as a result depends on it. `meta.provenance` (where the story comes from, for
 * trainers) is left out: adding or correcting it changes nothing a trainee sees while playing or how
 * an attempt is scored, so results played before it was written still verify against the same
 * id, version and hash, and attempts in progress go on.
 */
function hashedPart(value: unknown): unknown {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
	const doc = value as Record<string, unknown>;
	const meta = doc.meta;
	if (!meta || typeof meta !== 'object' || Array.isArray(meta) || !('provenance' in meta)) return value;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
	const { provenance, ...rest } = meta as Record<string, unknown>;
	return { ...doc, meta: rest };
}

/** The text the content hash is taken of (for tools that hash synchronously, e.g. with node:crypto). */
export function hashedJson(value: unknown): string {
	return canonicalJson(hashedPart(value));
}

export async function contentHash(value: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(hashedJson(value));
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
