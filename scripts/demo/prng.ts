// A small seeded PRNG (mulberry32) and the few distributions the demo generator needs.
// Everything in the demo is drawn from these, so the same seed gives byte-identical files.

/** Mixes several integers into one 32-bit seed (so each school-year gets its own stream). */
export function mixSeed(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const p of parts) {
		h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
		h = (h ^ (h >>> 13)) >>> 0;
		h = Math.imul(h, 0xc2b2ae35);
		h = (h ^ (h >>> 16)) >>> 0;
	}
	return h >>> 0;
}

export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1): mulberry32. */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) | 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks a key by weight from [value, weight] pairs. */
	weighted<T>(table: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of table) total += w;
		let x = this.next() * total;
		for (const [value, w] of table) {
			x -= w;
			if (x < 0) return value;
		}
		return table[table.length - 1][0];
	}

	/** Standard normal (Box-Muller). */
	normal(): number {
		const u = 1 - this.next();
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal with mean 1 and the given sigma: a right-skewed multiplier. */
	skewed(sigma: number): number {
		return Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
	}

	/** Fisher-Yates shuffle in place. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}
}
