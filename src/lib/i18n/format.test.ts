import { describe, expect, it } from 'vitest';
import { format } from './format';
import { messages } from './messages';
import { trainerMessages } from './trainer-messages';

describe('format', () => {
	it('says "1 detail", not "1 details"', () => {
		expect(format('en', 'flagsMarked', { n: 1 })).toBe('1 detail marked as suspicious');
		expect(format('en', 'flagsMarked', { n: 0 })).toBe('0 details marked as suspicious');
		expect(format('en', 'flagsMarked', { n: 3 })).toBe('3 details marked as suspicious');
		expect(format('zh', 'flagsMarked', { n: 1 })).toBe('已标记 1 处可疑细节');
	});

	it('fills parameters and leaves unknown ones as they are', () => {
		expect(format('en', 'signedInAs', { name: 'Li Jing' })).toBe('Trainee: Li Jing');
		expect(format('en', 'signedInAs')).toBe(messages.en.signedInAs);
	});

	it("finds the trainer's strings once their catalogue is loaded, and no key is in both catalogues", () => {
		expect(format('en', 'scenarioWaiting')).toBe(trainerMessages.en.scenarioWaiting);
		for (const lang of ['zh', 'en'] as const)
			expect(Object.keys(trainerMessages[lang]).filter((k) => k in messages[lang])).toEqual([]);
	});

	it('has a _one form only for keys that exist, in both languages', () => {
		for (const lang of ['zh', 'en'] as const)
			for (const key of Object.keys(messages[lang]).filter((k) => k.endsWith('_one')))
				expect(Object.keys(messages[lang])).toContain(key.slice(0, -'_one'.length));
	});
});
