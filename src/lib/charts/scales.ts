/** Colour scales shared by charts and their legends (d3 computes, Svelte draws). */
import { scaleLinear, scaleSequential } from 'd3-scale';

/** Share missed → fill: from the palest flag tint (nobody missed it) to flag red (everybody did). */
export const missColour = scaleSequential(scaleLinear<string>().domain([0, 1]).range(['#fdf3f1', '#b3261e'])).domain([
	0, 1
]);

/** Fill of a cell whose red flag never came up. */
export const NEVER_SHOWN_FILL = '#eef2f6';
