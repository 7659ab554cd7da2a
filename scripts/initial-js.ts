/**
 * What a prerendered page loads before it can run: the scripts and module preloads in its HTML and
 * every chunk those import statically, measured gzip-compressed (zlib level 9) as a server would
 * send them. Used by `npm run size` and `npm run bench`, for the app and for SvelteKit's hello world
 * built the same way (`bench/hello`).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '..');
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'fraud-drill');
const HELLO_DIR = join(ROOT, 'bench', 'hello');

export interface ChunkInfo {
	/** Chunks imported statically (file names relative to the client output folder). */
	imports: string[];
	/** Source modules bundled into the chunk (paths relative to the project, or package paths). */
	modules: string[];
	/** What each module adds to the chunk before minification (not in Vite's manifest). */
	moduleBytes?: Record<string, number>;
}
export type ChunkGraph = Map<string, ChunkInfo>;

export interface PageLoad {
	/** The route, e.g. `/play/boss-qq-group/`. */
	route: string;
	/** Every JavaScript file of the initial load, relative to the site folder. */
	files: string[];
	rawBytes: number;
	gzipBytes: number;
}

/**
 * The client chunks and what is in them: `chunk-modules.json`, written by the plugin in
 * vite.config.ts, or (for a build without that plugin, the hello world) Vite's manifest.
 */
export function readChunkGraph(kitDir: string): ChunkGraph {
	const written = join(kitDir, 'chunk-modules.json');
	if (existsSync(written)) {
		const chunks = JSON.parse(readFileSync(written, 'utf8')) as Record<string, ChunkInfo>;
		return new Map(Object.entries(chunks));
	}
	const manifestFile = join(kitDir, 'output', 'client', '.vite', 'manifest.json');
	if (!existsSync(manifestFile)) throw new Error(`${relative(ROOT, kitDir)} has neither chunk-modules.json nor a Vite manifest: build first`);
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; src?: string; imports?: string[] }>;
	const graph: ChunkGraph = new Map();
	for (const entry of Object.values(manifest)) {
		if (!entry.file.endsWith('.js')) continue;
		graph.set(entry.file, {
			imports: (entry.imports ?? []).map((key) => manifest[key]!.file),
			modules: entry.src ? [entry.src] : []
		});
	}
	return graph;
}

/** The prerendered HTML pages of a static build: route → file. */
export function htmlPages(buildDir: string): Map<string, string> {
	const pages = new Map<string, string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_app') walk(path);
			} else if (entry.name === 'index.html') {
				const route = `/${relative(buildDir, dirname(path)).split('\\').join('/')}/`.replace(/^\/\/$/, '/');
				pages.set(route, path);
			}
		}
	};
	walk(buildDir);
	return pages;
}

/** The scripts a page's HTML loads: `<script src>`, `<link rel=modulepreload>` and `import("…")` in inline scripts. */
export function scriptsInHtml(html: string): string[] {
	const found: string[] = [];
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi))
		if (/\brel=["']?modulepreload\b/i.test(tag)) found.push(/\bhref=["']([^"']+)["']/i.exec(tag)![1]!);
	for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) found.push(src!);
	for (const [, body] of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi))
		for (const [, spec] of body!.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(spec!);
	return found;
}

const gzipped = new Map<string, number>();
export function gzipSize(file: string): number {
	let size = gzipped.get(file);
	if (size === undefined) gzipped.set(file, (size = gzipSync(readFileSync(file), { level: 9 }).length));
	return size;
}

/** The initial JavaScript of one page: what its HTML names, plus the static imports of those, transitively. */
export function pageLoad(route: string, htmlFile: string, buildDir: string, graph: ChunkGraph): PageLoad {
	const html = readFileSync(htmlFile, 'utf8');
	const queue = scriptsInHtml(html).map((href) => {
		const path = new URL(href, `http://site${route}`).pathname.slice(1);
		if (!existsSync(join(buildDir, path))) throw new Error(`${route} loads ${href}, which is not in ${relative(ROOT, buildDir)}`);
		return path;
	});
	const files = new Set<string>();
	while (queue.length) {
		const file = queue.pop()!;
		if (files.has(file)) continue;
		files.add(file);
		const chunk = graph.get(file);
		if (!chunk) throw new Error(`${route}: ${file} is not a chunk of this build (stale chunk-modules.json?)`);
		queue.push(...chunk.imports);
	}
	let rawBytes = 0;
	let gzipBytes = 0;
	for (const file of files) {
		const path = join(buildDir, file);
		rawBytes += readFileSync(path).length;
		gzipBytes += gzipSize(path);
	}
	return { route, files: [...files].sort(), rawBytes, gzipBytes };
}

/** Source modules in a page's initial load. */
export function modulesOf(load: PageLoad, graph: ChunkGraph): { module: string; chunk: string }[] {
	return load.files.flatMap((chunk) => graph.get(chunk)!.modules.map((module) => ({ module, chunk })));
}

/** A module's package (`dexie`, `@sveltejs/kit`), or the module itself for the app's own code. */
export function packageOf(module: string): string {
	const at = module.lastIndexOf('node_modules/');
	if (at < 0) return module;
	const parts = module.slice(at + 'node_modules/'.length).split('/');
	return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** The largest contributors to a page's initial load (bytes before minification), by package. */
export function largestParts(load: PageLoad, graph: ChunkGraph, count = 12): { part: string; bytes: number }[] {
	const bytes = new Map<string, number>();
	for (const file of load.files)
		for (const [module, size] of Object.entries(graph.get(file)!.moduleBytes ?? {}))
			bytes.set(packageOf(module), (bytes.get(packageOf(module)) ?? 0) + size);
	return [...bytes].map(([part, size]) => ({ part, bytes: size })).sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/** The cache key for anything built from the installed packages: the lock file and the hello world's sources. */
export function installKey(): string {
	const hash = createHash('sha256').update(readFileSync(join(ROOT, 'package-lock.json')));
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else hash.update(posix.join(relative(HELLO_DIR, path))).update(readFileSync(path));
		}
	};
	walk(join(HELLO_DIR, 'src'));
	for (const f of ['svelte.config.js', 'vite.config.js']) hash.update(f).update(readFileSync(join(HELLO_DIR, f)));
	return hash.digest('hex').slice(0, 16);
}

export interface HelloBuild {
	/** Kit's output folder (what `vite preview` serves). */
	kitDir: string;
	/** The static site. */
	buildDir: string;
}

/**
 * Builds the hello world into a new folder under node_modules/.cache/fraud-drill (inside the
 * project, so Kit's server build finds the packages while it prerenders).
 */
export function buildHello(): HelloBuild & { remove: () => void } {
	mkdirSync(CACHE_DIR, { recursive: true });
	const out = mkdtempSync(join(CACHE_DIR, 'hello-build-'));
	const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
	const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: HELLO_DIR,
		env: { ...process.env, HELLO_OUT_DIR: out },
		encoding: 'utf8'
	});
	if (run.status !== 0) {
		rmSync(out, { recursive: true, force: true });
		throw new Error(`building bench/hello failed:\n${run.stdout}\n${run.stderr}`);
	}
	return { kitDir: join(out, '.svelte-kit'), buildDir: join(out, 'build'), remove: () => rmSync(out, { recursive: true, force: true }) };
}

export interface HelloFigure {
	key: string;
	rawBytes: number;
	gzipBytes: number;
	files: number;
}

/** The hello world's initial JavaScript, built once per installed package set and cached. */
export function helloFigure(log: (line: string) => void = () => {}): HelloFigure {
	const key = installKey();
	const cacheFile = join(CACHE_DIR, `hello-size-${key}.json`);
	if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as HelloFigure;
	log('Building the SvelteKit hello world (bench/hello) once for this package-lock.json…');
	const hello = buildHello();
	try {
		const load = pageLoad('/', join(hello.buildDir, 'index.html'), hello.buildDir, readChunkGraph(hello.kitDir));
		const figure: HelloFigure = { key, rawBytes: load.rawBytes, gzipBytes: load.gzipBytes, files: load.files.length };
		writeFileSync(cacheFile, JSON.stringify(figure));
		return figure;
	} finally {
		hello.remove();
	}
}

export const kib = (bytes: number) => bytes / 1024;
