/**
 * `npm run size`: the initial JavaScript of every trainee page (/, /me/, each /play/…/ and /debrief/…/, and
 * the pages of imported scenarios),
 * gzip level 9, against a budget (100 KiB, or FD_BUDGET_KIB), and proof that none of it is d3,
 * trainer code or the artifact renderer (loaded when a drawn document first appears). Reads the build in FD_KIT_DIR (default .svelte-kit) and FD_BUILD_DIR (default
 * build); run after `npm run build`. Exits 1 when a page is over budget or loads forbidden code.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { helloFigure, htmlPages, kib, largestParts, modulesOf, pageLoad, readChunkGraph, ROOT, type PageLoad } from './initial-js';

const kitDir = resolve(ROOT, process.env.FD_KIT_DIR ?? '.svelte-kit');
const buildDir = resolve(ROOT, process.env.FD_BUILD_DIR ?? 'build');
const budgetKib = Number(process.env.FD_BUDGET_KIB ?? 100);
/** The hello-world ratio aimed for (printed, not enforced). */
const AIM_RATIO = 3;

/** Code that only trainer pages may load: d3 and everything written for trainers. */
const FORBIDDEN: { what: string; test: RegExp }[] = [
	{ what: 'd3', test: /(^|\/)node_modules\/(d3-[^/]+|internmap)\// },
	{ what: 'charts', test: /^src\/lib\/charts\// },
	{ what: 'analytics', test: /^src\/lib\/analytics\// },
	{ what: 'trainer', test: /^src\/lib\/trainer\// },
	{ what: 'trainer routes', test: /^src\/routes\/trainer\// },
	{ what: 'results import', test: /^src\/lib\/(results\/(import|parse|verify|bundle)\.ts|components\/ResultsImport\.svelte)$/ },
	// Validation is for files coming in (a trainer's import); built-in scenarios are checked at build time.
	{ what: 'zod', test: /(^|\/)node_modules\/zod\// },
	{ what: 'scenario check', test: /^src\/lib\/(scenario\/(validate|analyse)\.ts|library\/check\.ts)$|node_modules\/@xstate\/graph\// },
	// Drawn documents are loaded when the first one appears (ArtifactSlot), never with the page.
	{ what: 'artifact renderer', test: /^src\/lib\/channels\/artifact\// }
];

if (!Number.isFinite(budgetKib) || budgetKib <= 0) {
	console.error(`FD_BUDGET_KIB must be a positive number of KiB, not "${process.env.FD_BUDGET_KIB}"`);
	process.exit(2);
}
for (const dir of [kitDir, buildDir])
	if (!existsSync(dir)) {
		console.error(`${relative(ROOT, dir)} does not exist: build first (npm run build)`);
		process.exit(2);
	}

const graph = readChunkGraph(kitDir);
if (!existsSync(join(kitDir, 'chunk-modules.json'))) {
	console.error(`${relative(ROOT, kitDir)}/chunk-modules.json is missing: it is written by the plugin in vite.config.ts; build again`);
	process.exit(2);
}
const pages = htmlPages(buildDir);
/** Every page a trainee opens: the library, their results, and play and debrief (built-in or imported). */
const TRAINEE_PAGE = /^\/((me|imported\/play|imported\/debrief)\/|(play|debrief)\/[^/]+\/)?$/;
const trainee = [...pages.keys()].filter((r) => TRAINEE_PAGE.test(r)).sort();
const playCount = trainee.filter((r) => r.startsWith('/play/')).length;
const debriefCount = trainee.filter((r) => r.startsWith('/debrief/')).length;
if (!pages.has('/') || !playCount || !debriefCount) {
	console.error(`expected /, /play/*/ and /debrief/*/ pages in ${relative(ROOT, buildDir)}; found ${[...pages.keys()].join(' ')}`);
	process.exit(2);
}

function forbiddenIn(load: PageLoad) {
	return modulesOf(load, graph).flatMap(({ module, chunk }) =>
		FORBIDDEN.filter((f) => f.test.test(module)).map((f) => ({ what: f.what, module, chunk }))
	);
}

const hello = helloFigure((line) => console.log(line));
const loads = trainee.map((route) => pageLoad(route, pages.get(route)!, buildDir, graph));

const rows = loads.map((load) => {
	const bad = forbiddenIn(load);
	return {
		route: load.route,
		files: load.files.length,
		raw: kib(load.rawBytes).toFixed(1),
		gzip: kib(load.gzipBytes).toFixed(1),
		ratio: (load.gzipBytes / hello.gzipBytes).toFixed(2),
		over: load.gzipBytes > budgetKib * 1024,
		bad
	};
});

const width = Math.max(...rows.map((r) => r.route.length), 5);
console.log(`\nInitial JavaScript per trainee page (gzip -9), budget ${budgetKib} KiB; hello world ${kib(hello.gzipBytes).toFixed(1)} KiB gzip\n`);
console.log(`${'route'.padEnd(width)}  files  raw KiB  gzip KiB  × hello  check`);
for (const r of rows)
	console.log(
		`${r.route.padEnd(width)}  ${String(r.files).padStart(5)}  ${r.raw.padStart(7)}  ${r.gzip.padStart(8)}  ${r.ratio.padStart(7)}  ${
			r.over ? 'OVER BUDGET' : r.bad.length ? 'FORBIDDEN CODE' : 'ok'
		}`
	);

// Where the bytes of the largest page go: the first place to look when it grows.
const largestLoad = loads.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
console.log(`\nLargest parts of ${largestLoad.route} (KiB before minification and gzip):`);
for (const { part, bytes } of largestParts(largestLoad, graph)) console.log(`  ${kib(bytes).toFixed(1).padStart(6)}  ${part}`);

// The same measure on a trainer page, which must find d3: proof that the check can see it.
const control = pages.has('/trainer/') ? forbiddenIn(pageLoad('/trainer/', pages.get('/trainer/')!, buildDir, graph)) : [];
const controlSees = new Set(control.map((c) => c.what));

// The artifact renderer must exist, in a chunk of its own the play page loads later: otherwise
// "not in the initial load" would hold of code that is simply missing.
const ARTIFACT = FORBIDDEN.find((f) => f.what === 'artifact renderer')!.test;
const artifactChunks = [...graph].filter(([, info]) => info.modules.some((m) => ARTIFACT.test(m))).map(([file]) => file);
console.log(`Artifact renderer: ${artifactChunks.length ? artifactChunks.join(', ') + ', loaded when the first drawn document appears' : 'NOT FOUND in any chunk'}`);

const worst = rows.reduce((a, b) => (Number(b.gzip) > Number(a.gzip) ? b : a));
const maxRatio = Number(worst.ratio);
console.log(
	`\nLargest: ${worst.route} ${worst.gzip} KiB gzip = ${worst.ratio} × the SvelteKit hello world (aim ≤ ${AIM_RATIO}×: ${
		maxRatio <= AIM_RATIO ? 'met' : 'missed'
	})`
);
console.log(
	`Forbidden on trainee pages: ${FORBIDDEN.map((f) => f.what).join(', ')}; ${
		rows.every((r) => !r.bad.length) ? 'none found' : 'FOUND'
	} in ${rows.length} pages (${graph.size} chunks mapped). Control: /trainer/ loads ${
		controlSees.size ? [...controlSees].join(', ') : 'none of them'
	}.`
);

let failed = false;
for (const r of rows) {
	if (r.over) {
		console.error(`✗ ${r.route}: ${r.gzip} KiB gzip is over the ${budgetKib} KiB budget`);
		failed = true;
	}
	for (const b of r.bad.slice(0, 5)) console.error(`✗ ${r.route}: ${b.what} code ${b.module} (in ${b.chunk})`);
	if (r.bad.length > 5) console.error(`  … and ${r.bad.length - 5} more forbidden modules on ${r.route}`);
	if (r.bad.length) failed = true;
}
if (!artifactChunks.length) {
	console.error('✗ no chunk holds src/lib/channels/artifact/: the play page could never draw a document');
	failed = true;
}
if (pages.has('/trainer/') && !controlSees.has('d3')) {
	console.error('✗ the trainer page shows no d3 module: the chunk map cannot be trusted (build with the vite.config.ts plugin)');
	failed = true;
}
process.exit(failed ? 1 : 0);
