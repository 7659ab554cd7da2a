import { describe, expect, it } from 'vitest';
import { orderOptions } from './order';

const options = ['wait', 'ask-purpose', 'call-110', 'process', 'call-manager', 'refuse'].map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((o) => o.id);

describe('orderOptions', () => {
	it('keeps the authored order under rules 1, as attempts from before were shown', () => {
		expect(ids(orderOptions(options, 7, 'counter', 1))).toEqual(ids(options));
	});

	it('shows the same order for the same seed and beat, whatever order they are given in', () => {
		const once = ids(orderOptions(options, 7, 'counter', 2));
		expect(ids(orderOptions([...options].reverse(), 7, 'counter', 2))).toEqual(once);
		expect([...once].sort()).toEqual(ids(options).sort());
	});

	it('shows different orders to different seeds, and puts the authored first option anywhere', () => {
		const orders = new Set<string>();
		const firstPlaces = new Set<number>();
		for (let seed = 1; seed <= 50; seed++) {
			const order = ids(orderOptions(options, seed, 'counter', 2));
			orders.add(order.join());
			firstPlaces.add(order.indexOf('wait'));
		}
		expect(orders.size).toBeGreaterThan(30);
		expect(firstPlaces.size).toBe(options.length);
	});

	it('orders each beat on its own', () => {
		const beats = new Set<string>();
		for (const beat of ['a', 'b', 'c', 'd', 'e']) beats.add(ids(orderOptions(options, 7, beat, 2)).join());
		expect(beats.size).toBeGreaterThan(1);
	});

	it('keeps the others in their order when one is used up, and places a new one anywhere', () => {
		const all = ids(orderOptions(options, 11, 'counter', 2));
		const without = ids(
			orderOptions(
				options.filter((o) => o.id !== all[2]),
				11,
				'counter',
				2
			)
		);
		expect(without).toEqual(all.filter((id) => id !== all[2]));
		const places = new Set<number>();
		for (let seed = 1; seed <= 40; seed++) places.add(ids(orderOptions(options, seed, 'counter', 2)).indexOf('refuse'));
		expect(places.size).toBeGreaterThan(3);
	});

	it('keeps pinned options first or last', () => {
		const pinned = [{ id: 'end-call', pin: 'last' as const }, ...options, { id: 'say-hello', pin: 'first' as const }];
		for (let seed = 1; seed <= 20; seed++) {
			const order = ids(orderOptions(pinned, seed, 'counter', 2));
			expect(order[0]).toBe('say-hello');
			expect(order.at(-1)).toBe('end-call');
		}
	});
});
