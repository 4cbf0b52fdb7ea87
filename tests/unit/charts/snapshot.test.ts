// @vitest-environment jsdom
// The snapshot machinery itself: what normalisation does, that a missing or changed snapshot fails, and
// that every committed snapshot belongs to a test (and every test to a snapshot).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectSnapshot, normalise, roundNumbers, SNAPSHOTS, snapshotFile, updating } from './snapshot';

const svg = (markup: string) => {
	const box = document.createElement('div');
	box.innerHTML = markup;
	return box.firstElementChild!;
};

describe('normalise', () => {
	it('sorts attributes, rounds geometry to 2 places but never words, renumbers ids and drops Plot\'s class hash', () => {
		const chart = svg(
			'<svg class="plot-d6a7b5" width="640"><style>.plot-d6a7b5 { display: block; }</style>' +
			'<clipPath id="plot-clip-17"><rect width="10.123456" x="-0.001"/></clipPath>' +
			'<g clip-path="url(#plot-clip-17)" aria-label="bar 12.345%"><rect y="3.14159" x="1e-7" fill="#0072B2"/><text>6.25%</text></g></svg>'
		);
		expect(normalise(chart)).toBe(
			[
				'<svg class="plot" width="640" xmlns="http://www.w3.org/2000/svg">',
				'  <style>',
				'    .plot { display: block; }',
				'  </style>',
				'  <clipPath id="id-1">',
				'    <rect width="10.12" x="0"/>',
				'  </clipPath>',
				'  <g aria-label="bar 12.345%" clip-path="url(#id-1)">',
				'    <rect fill="#0072B2" x="0" y="3.14"/>',
				'    <text>6.25%</text>',
				'  </g>',
				'</svg>',
				''
			].join('\n')
		);
	});
	it('rounds decimals and exponents, not the digits of names or colours', () => {
		expect(roundNumbers('M0.005,-1.2345L2e-9,10 translate(12.5,-0.004) #1e5aff plot-clip-3')).toBe('M0.01,-1.23L0,10 translate(12.5,0) #1e5aff plot-clip-3');
	});
	it('is the same for the same chart drawn twice (ids counted up in between)', () => {
		const draw = () => svg('<svg><clipPath id="plot-clip-' + Math.floor(Math.random() * 1e6) + '"></clipPath></svg>');
		expect(normalise(draw())).toBe(normalise(draw()));
	});
});

describe.skipIf(updating())('expectSnapshot', () => {
	const dir = mkdtempSync(join(tmpdir(), 'chart-snapshots-'));
	afterEach(() => vi.unstubAllEnvs());
	const chart = () => svg('<svg width="100"><rect width="10"/></svg>');

	it('fails when the snapshot is missing, and writes nothing', () => {
		vi.stubEnv('UPDATE_SNAPSHOTS', '');
		expect(() => expectSnapshot('missing', chart(), dir)).toThrow(/no snapshot .*missing\.svg: run with UPDATE_SNAPSHOTS=1/);
		expect(readdirSync(dir)).toEqual([]);
	});
	it('passes when the chart matches, fails when it differs', () => {
		vi.stubEnv('UPDATE_SNAPSHOTS', '');
		writeFileSync(snapshotFile('same', chart(), dir), normalise(chart()));
		expectSnapshot('same', chart(), dir);
		expect(() => expectSnapshot('same', svg('<svg width="100"><rect width="11"/></svg>'), dir)).toThrow(/must match its snapshot/);
	});
	it('writes a missing snapshot with UPDATE_SNAPSHOTS=1', () => {
		vi.stubEnv('UPDATE_SNAPSHOTS', '1');
		expectSnapshot('new', chart(), dir);
		expect(readFileSync(join(dir, 'new.svg'), 'utf8')).toBe(normalise(chart()));
		rmSync(dir, { recursive: true, force: true });
	});
});

describe('the committed snapshots', () => {
	it('each belongs to a test, and each test\'s snapshot is committed', () => {
		const tests = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.test.ts') && f !== 'snapshot.test.ts');
		const named = tests.flatMap((f) => [...readFileSync(join(import.meta.dirname, f), 'utf8').matchAll(/expectSnapshot\('([^']+)'/g)].map((m) => m[1]));
		expect(new Set(named).size, 'a snapshot name used twice').toBe(named.length);
		const files = readdirSync(SNAPSHOTS).map((f) => f.replace(/\.(svg|html)$/, ''));
		expect(files.sort()).toEqual([...named].sort());
	});
});
