/**
 * How a cohort moved through one scenario: the beats its attempts passed through, the moves
 * between them and the endings they reached, as a layered flow (a Sankey-like chart drawn by
 * Svelte). Pure: the counts, then a small layered layout of our own (d3-sankey is unmaintained).
 *
 * - Each attempt's route is its `path` (beats in order) followed by its ending. A move is a pair
 *   of consecutive entries; a route that comes back to a beat counts each move again.
 * - Layers: the moves form a graph that may have cycles (a beat visited twice). A depth-first
 *   walk from the start, following the busiest moves first, marks the moves back to a beat still
 *   on its stack as back moves; the rest form a DAG, layered by longest path from the start.
 *   Endings share the last layer, so they line up on the right.
 * - Within a layer, nodes are ordered by the weighted mean position of their sources (two sweeps
 *   of the barycentre heuristic), which keeps most moves from crossing.
 */
import type { Outcome, Scenario } from '../scenario/schema';
import type { AttemptRecord } from './records';

export interface PathNode {
	id: string;
	kind: 'beat' | 'ending';
	layer: number;
	/** Attempts that passed through it (at least once). */
	attempts: number;
	/** attempts / all attempts. */
	share: number;
	/** Entries into it (an attempt that came back counts twice). */
	visits: number;
	outcome?: Outcome;
}

export interface PathLink {
	source: string;
	target: string;
	/** Moves along it (an attempt that made it twice counts twice). */
	count: number;
	/** count / all attempts. */
	share: number;
	/** Goes back against the layering (part of a cycle). */
	back: boolean;
}

export interface ScenarioPaths {
	/** Attempts counted. */
	n: number;
	/** Attempts that ended (all of them, for finished attempts). */
	ended: number;
	nodes: PathNode[];
	links: PathLink[];
	layers: number;
}

const key = (a: string, b: string) => `${a}\u0000${b}`;

/** Counts and layers of the routes of `units` (finished attempts of `scenario`). */
export function analysePaths(scenario: Scenario, units: readonly AttemptRecord[]): ScenarioPaths {
	const n = units.length;
	const beatOrder = new Map(scenario.beats.map((b, i) => [b.id, i]));
	const endingOrder = new Map(scenario.endings.map((e, i) => [e.id, i]));
	const outcomes = new Map(scenario.endings.map((e) => [e.id, e.outcome]));
	const attempts = new Map<string, number>();
	const visits = new Map<string, number>();
	const moves = new Map<string, { source: string; target: string; count: number }>();
	let ended = 0;
	for (const r of units) {
		const route = r.ending ? [...r.path, r.ending] : r.path;
		if (r.ending) ended++;
		for (const id of new Set(route)) attempts.set(id, (attempts.get(id) ?? 0) + 1);
		route.forEach((id, i) => {
			visits.set(id, (visits.get(id) ?? 0) + 1);
			if (i === 0) return;
			const k = key(route[i - 1]!, id);
			const m = moves.get(k);
			if (m) m.count++;
			else moves.set(k, { source: route[i - 1]!, target: id, count: 1 });
		});
	}
	const isEnding = (id: string) => endingOrder.has(id) && !beatOrder.has(id);
	const docOrder = (id: string) => (isEnding(id) ? 10_000 + endingOrder.get(id)! : (beatOrder.get(id) ?? 5_000));
	const ids = [...attempts.keys()].sort((a, b) => docOrder(a) - docOrder(b) || (a < b ? -1 : 1));

	// Outgoing moves, busiest first (then document order): the walk that finds the back moves.
	const out = new Map<string, { target: string; count: number }[]>(ids.map((id) => [id, []]));
	for (const m of moves.values()) out.get(m.source)!.push({ target: m.target, count: m.count });
	for (const list of out.values()) list.sort((a, b) => b.count - a.count || docOrder(a.target) - docOrder(b.target));
	const back = new Set<string>();
	const state = new Map<string, 'open' | 'done'>();
	const visit = (id: string) => {
		state.set(id, 'open');
		for (const { target } of out.get(id)!) {
			const s = state.get(target);
			if (s === 'open') back.add(key(id, target));
			else if (!s) visit(target);
		}
		state.set(id, 'done');
	};
	if (attempts.has(scenario.start)) visit(scenario.start);
	for (const id of ids) if (!state.has(id)) visit(id); // not reachable from the start (cannot happen for real routes)

	// Longest path from the start over forward moves (a DAG now), in topological order.
	const layer = new Map<string, number>();
	const indegree = new Map(ids.map((id) => [id, 0]));
	const forward = [...moves.values()].filter((m) => !back.has(key(m.source, m.target)));
	for (const m of forward) indegree.set(m.target, indegree.get(m.target)! + 1);
	const queue = ids.filter((id) => indegree.get(id) === 0);
	for (const id of queue) layer.set(id, 0);
	while (queue.length) {
		const id = queue.shift()!;
		for (const m of forward)
			if (m.source === id) {
				layer.set(m.target, Math.max(layer.get(m.target) ?? 0, layer.get(id)! + 1));
				indegree.set(m.target, indegree.get(m.target)! - 1);
				if (indegree.get(m.target) === 0) queue.push(m.target);
			}
	}
	const beatLayers = ids.filter((id) => !isEnding(id)).map((id) => layer.get(id) ?? 0);
	const last = beatLayers.length ? Math.max(...beatLayers) + 1 : 0;
	for (const id of ids) if (isEnding(id)) layer.set(id, last);

	const nodes: PathNode[] = ids.map((id) => ({
		id,
		kind: isEnding(id) ? 'ending' : 'beat',
		layer: layer.get(id) ?? 0,
		attempts: attempts.get(id)!,
		share: n ? attempts.get(id)! / n : 0,
		visits: visits.get(id)!,
		...(isEnding(id) ? { outcome: outcomes.get(id)! } : {})
	}));
	const links: PathLink[] = [...moves.values()]
		.map((m) => ({ ...m, share: n ? m.count / n : 0, back: back.has(key(m.source, m.target)) }))
		.sort((a, b) => docOrder(a.source) - docOrder(b.source) || docOrder(a.target) - docOrder(b.target));
	return { n, ended, nodes, links, layers: nodes.length ? Math.max(...nodes.map((x) => x.layer)) + 1 : 0 };
}

// ---------------------------------------------------------------------------------------------
// Layout

export interface LayoutOptions {
	/** Width of the drawing, labels of the last layer included. */
	width: number;
	nodeWidth: number;
	/** Room kept right of the last layer for the endings' labels. */
	endLabelWidth: number;
	/** Height of the tallest node (the one with the most visits). */
	maxNodeHeight: number;
	/** Least vertical room per node: its label's lines. */
	minSlot: number;
	gap: number;
	top: number;
}

export interface PlacedNode extends PathNode {
	x: number;
	y: number;
	height: number;
	/** Room for its label: from x + nodeWidth to the next layer. */
	labelWidth: number;
	/** Vertical room for its label (its slot). */
	slot: number;
}

export interface PlacedLink extends PathLink {
	/** Stroke width. */
	width: number;
	/** Centre of the band where it leaves the source and where it meets the target. */
	y0: number;
	y1: number;
	x0: number;
	x1: number;
}

export interface PathLayout {
	width: number;
	height: number;
	nodes: PlacedNode[];
	links: PlacedLink[];
}

export function layoutPaths(paths: ScenarioPaths, options: LayoutOptions): PathLayout {
	const { width, nodeWidth, endLabelWidth, maxNodeHeight, minSlot, gap, top } = options;
	const layers: PathNode[][] = Array.from({ length: paths.layers }, () => []);
	for (const node of paths.nodes) layers[node.layer]!.push(node);
	const flowOf = (id: string) => {
		const node = paths.nodes.find((x) => x.id === id)!;
		return node.visits;
	};
	const most = Math.max(1, ...paths.nodes.map((x) => x.visits));
	const k = maxNodeHeight / most;

	// Barycentre ordering: two sweeps, sources to targets.
	const position = new Map<string, number>();
	layers.forEach((layer) => layer.forEach((node, i) => position.set(node.id, i)));
	for (let sweep = 0; sweep < 2; sweep++)
		for (const layer of layers.slice(1)) {
			const centre = new Map<string, number>();
			for (const node of layer) {
				let sum = 0;
				let weight = 0;
				for (const l of paths.links)
					if (l.target === node.id && !l.back) {
						sum += position.get(l.source)! * l.count;
						weight += l.count;
					}
				centre.set(node.id, weight ? sum / weight : position.get(node.id)!);
			}
			layer.sort((a, b) => centre.get(a.id)! - centre.get(b.id)! || position.get(a.id)! - position.get(b.id)!);
			layer.forEach((node, i) => position.set(node.id, i));
		}

	const columns = Math.max(1, paths.layers - 1);
	const step = paths.layers > 1 ? (width - endLabelWidth - nodeWidth) / columns : 0;
	const placed = new Map<string, PlacedNode>();
	let height = top;
	for (const [l, layer] of layers.entries()) {
		let y = top;
		for (const node of layer) {
			const h = Math.max(2, flowOf(node.id) * k);
			const slot = Math.max(h, minSlot);
			placed.set(node.id, {
				...node,
				x: l * step,
				y: y + (slot - h) / 2,
				height: h,
				labelWidth: node.kind === 'ending' ? endLabelWidth - 8 : step - nodeWidth - 8,
				slot
			});
			y += slot + gap;
		}
		height = Math.max(height, y);
	}

	// Bands stacked at each end in the order of the other end, so that they do not cross at the node.
	const outgoing = new Map<string, PathLink[]>();
	const incoming = new Map<string, PathLink[]>();
	for (const link of paths.links) {
		(outgoing.get(link.source) ?? outgoing.set(link.source, []).get(link.source)!).push(link);
		(incoming.get(link.target) ?? incoming.set(link.target, []).get(link.target)!).push(link);
	}
	const offset = new Map<string, { y0: number; y1: number }>();
	for (const [id, list] of outgoing) {
		const node = placed.get(id)!;
		let y = node.y;
		for (const link of [...list].sort((a, b) => placed.get(a.target)!.y - placed.get(b.target)!.y)) {
			const w = link.count * k;
			offset.set(key(link.source, link.target), { y0: y + w / 2, y1: 0 });
			y += w;
		}
	}
	for (const [id, list] of incoming) {
		const node = placed.get(id)!;
		let y = node.y;
		for (const link of [...list].sort((a, b) => placed.get(a.source)!.y - placed.get(b.source)!.y)) {
			const w = link.count * k;
			offset.get(key(link.source, link.target))!.y1 = y + w / 2;
			y += w;
		}
	}
	const links: PlacedLink[] = paths.links.map((link) => {
		const s = placed.get(link.source)!;
		const t = placed.get(link.target)!;
		const o = offset.get(key(link.source, link.target))!;
		return { ...link, width: Math.max(1, link.count * k), y0: o.y0, y1: o.y1, x0: s.x + nodeWidth, x1: t.x };
	});
	return { width, height: height + 8, nodes: [...placed.values()], links };
}

/** The SVG path of a link: a horizontal S-curve forward, a loop under the nodes for a back move. */
export function linkPath(link: Pick<PlacedLink, 'x0' | 'x1' | 'y0' | 'y1' | 'back'>, nodeWidth: number, bottom: number): string {
	const { x0, x1, y0, y1 } = link;
	if (!link.back) {
		const mid = (x0 + x1) / 2;
		return `M${x0},${y0}C${mid},${y0} ${mid},${y1} ${x1},${y1}`;
	}
	// Back: out of the source's right side, down under everything, and into the target's left side.
	const left = x1 - nodeWidth / 2;
	return `M${x0},${y0}C${x0 + 30},${y0} ${x0 + 30},${bottom} ${x0},${bottom}L${left + 10},${bottom}C${left - 20},${bottom} ${left - 20},${y1} ${x1},${y1}`;
}
