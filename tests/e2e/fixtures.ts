/**
 * The e2e `test`: every test also fails if the page sends a request off its own origin, breaks the
 * Content-Security-Policy, or throws an uncaught error.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ guard: void }>({
	guard: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const offOrigin: string[] = [];
			const problems: string[] = [];
			page.on('request', (request) => {
				const url = request.url();
				if (/^(data|blob):/.test(url)) return;
				if (new URL(url).origin !== origin) offOrigin.push(url);
			});
			page.on('console', (message) => {
				if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
			});
			page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
			await use();
			expect(offOrigin, 'requests that left the page origin').toEqual([]);
			expect(problems, 'CSP violations and uncaught errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
