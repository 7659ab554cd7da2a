import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// FD_BUILD_DIR / FD_KIT_DIR let a second build (benchmarks, a parallel test run) use its own folders.
		adapter: adapter({ strict: true, pages: process.env.FD_BUILD_DIR ?? 'build', assets: process.env.FD_BUILD_DIR ?? 'build' }),
		outDir: process.env.FD_KIT_DIR ?? '.svelte-kit',
		// index.html in a folder per route: works on any static server or intranet share.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Prerendered pages carry this as a <meta> tag, with a hash for every inline script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte sets style attributes (transitions, dynamic widths); no style sheets from elsewhere.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
