import { describe, expect, it } from 'vitest';
import { libraryCards, type CatalogueEntry } from './catalogue';

const entry = (id: string, version: number, imported = false) =>
	({ id, version, imported: imported || undefined, hash: `${id}@${version}` }) as unknown as CatalogueEntry;

describe('the library cards', () => {
	it('never shows an imported document that takes a built-in id, whatever its version', () => {
		const cards = libraryCards([entry('fake-police', 2)], [entry('fake-police', 99, true), entry('branch-otp', 1, true)]);
		expect(cards.map((c) => `${c.id}@${c.version}`)).toEqual(['fake-police@2', 'branch-otp@1']);
	});

	it('shows one card per imported scenario: its latest version', () => {
		const cards = libraryCards([], [entry('branch-otp', 1, true), entry('branch-otp', 3, true), entry('branch-otp', 2, true)]);
		expect(cards.map((c) => `${c.id}@${c.version}`)).toEqual(['branch-otp@3']);
	});
});
