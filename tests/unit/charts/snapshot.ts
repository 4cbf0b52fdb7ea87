// SVG snapshots of the charts, the way Observable Plot tests its own plots (test/plot.js): a chart is
// drawn in a DOM (jsdom, `// @vitest-environment jsdom` in each test file; TZ=UTC from vitest.config.ts),
// its markup normalised so that it reads the same on every run and machine, and compared with the file
// committed under __snapshots__/. A missing or different file fails the test; `UPDATE_SNAPSHOTS=1` (or
// `vitest -u`) writes it instead. Fonts are never measured: Plot estimates text widths from its own table.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const SNAPSHOTS = join(import.meta.dirname, '__snapshots__');

const SVG = 'http://www.w3.org/2000/svg';
const INDENT = '  ';

/** A #colour (left as it is), or a number with a fraction or an exponent (rounded to 2 places). */
const DECIMAL = /(#[0-9a-f]+)|(-?(?:\d*\.\d+(?:e[-+]?\d+)?|\d+e[-+]\d+))/gi;
/** Attributes that hold words rather than geometry: kept exactly as written. */
const WORDS = /^(aria-|href$|xlink:href$|title$|class$|id$)/;

export function roundNumbers(text: string): string {
	return text.replace(DECIMAL, (whole, colour: string | undefined, n: string) => {
		if (colour) return whole;
		const rounded = Math.round(Number(n) * 100) / 100;
		return String(Object.is(rounded, -0) ? 0 : rounded);
	});
}

/** Markup escapes, and the zero-width space Plot starts each tip line with written as an entity (visible in a diff). */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u200b/g, '&#x200B;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/**
 * Plot's per-version class name (plot-d6a7b5, plot-d6a7b5-swatches…) becomes `plot`, as Plot's own
 * snapshots do, so that a Plot upgrade that only changes its default styles' hash changes no file.
 */
const plotClass = (s: string) => s.replace(/\bplot-[0-9a-f]{6}\b/g, 'plot');

/**
 * Ids (Plot's clip paths count up across every plot drawn in the process) renumbered in document order,
 * with the references to them (url(#…), href="#…") renumbered alike.
 */
function renumberIds(root: Element): Map<string, string> {
	const ids = new Map<string, string>();
	for (const el of [root, ...root.querySelectorAll('[id]')]) {
		const id = el.getAttribute('id');
		if (id && !ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
	}
	return ids;
}

function attributeValue(name: string, value: string, ids: Map<string, string>): string {
	let v = plotClass(value);
	if (name === 'id') return ids.get(v) ?? v;
	v = v.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole));
	if ((name === 'href' || name === 'xlink:href') && v.startsWith('#') && ids.has(v.slice(1))) return `#${ids.get(v.slice(1))}`;
	return WORDS.test(name) ? v : roundNumbers(v);
}

/**
 * A chart's markup, one element a line, indented, attributes sorted by name, decimals rounded to 2
 * places (geometry only: the words of labels and titles are kept exactly), ids renumbered, Plot's class
 * hash dropped. An element whose only child is text keeps it on its line. `xmlns` is set on every svg
 * so that a snapshot file opens in a browser or an SVG viewer as it is.
 */
export function normalise(root: Element): string {
	const ids = renumberIds(root);
	const lines: string[] = [];
	const walk = (node: Node, depth: number) => {
		const pad = INDENT.repeat(depth);
		if (node.nodeType === node.TEXT_NODE) {
			lines.push(pad + escapeText(node.textContent ?? ''));
			return;
		}
		if (node.nodeType !== node.ELEMENT_NODE) return;
		const el = node as Element;
		const svg = el.namespaceURI === SVG;
		const tag = svg ? el.localName : el.localName.toLowerCase();
		const attributes = [...el.attributes].map((a) => [a.name, a.value] as [string, string]);
		if (tag === 'svg' && !el.hasAttribute('xmlns')) attributes.push(['xmlns', SVG]);
		const attrs = attributes
			.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
			.map(([name, value]) => ` ${name}="${escapeAttribute(attributeValue(name, value, ids))}"`)
			.join('');
		const children = [...el.childNodes].filter((c) => c.nodeType === c.ELEMENT_NODE || (c.nodeType === c.TEXT_NODE && c.textContent));
		if (tag === 'style') {
			// Plot's default styles: one rule a line
			lines.push(`${pad}<style${attrs}>`);
			for (const rule of plotClass(el.textContent ?? '').split(/(?<=\})/)) if (rule.trim()) lines.push(pad + INDENT + rule.trim().replace(/\s+/g, ' '));
			lines.push(`${pad}</style>`);
		} else if (!children.length) {
			lines.push(svg ? `${pad}<${tag}${attrs}/>` : `${pad}<${tag}${attrs}></${tag}>`);
		} else if (children.every((c) => c.nodeType === c.TEXT_NODE)) {
			lines.push(`${pad}<${tag}${attrs}>${escapeText(children.map((c) => c.textContent).join(''))}</${tag}>`);
		} else {
			lines.push(`${pad}<${tag}${attrs}>`);
			for (const child of children) walk(child, depth + 1);
			lines.push(`${pad}</${tag}>`);
		}
	};
	walk(root, 0);
	return `${lines.join('\n')}\n`;
}

/** The file a chart's snapshot lives in: .svg for a bare chart, .html for a chart with HTML around it. */
export function snapshotFile(name: string, root: Element, dir = SNAPSHOTS): string {
	return join(dir, `${name}.${root.namespaceURI === SVG && root.localName === 'svg' ? 'svg' : 'html'}`);
}

// What jsdom does not do, done the same way on every machine (installed when this module loads).

/**
 * jsdom lays nothing out, so SVG has no getBBox; Plot's tip asks it for the size of its text once drawn.
 * Here a box is estimated from the characters (6 px each, 10 px a line, about Plot's 10 px sans-serif),
 * never from a font, so a tip is drawn the same on every machine.
 */
function estimateTextBoxes(): void {
	const proto = window.SVGElement.prototype as SVGElement & { getBBox?: () => DOMRect };
	if (proto.getBBox) return;
	proto.getBBox = function (this: SVGElement) {
		const lines = [...this.querySelectorAll('tspan[dy]')].map((t) => t.textContent?.replace(/\u200b/g, '') ?? '');
		const width = Math.max(0, ...lines.map((l) => l.length * 6));
		return { x: 0, y: 0, width, height: lines.length * 10 } as DOMRect;
	};
}

/**
 * jsdom has no canvas, on which Plot paints a continuous colour legend (256 pixels, one colour each,
 * then an image of them). Here the canvas keeps the colours it is painted with and its "image" names
 * them (the count and five evenly spaced ones), so the legend's scheme is in the snapshot as words.
 */
function paintRampsAsWords(): void {
	const proto = window.HTMLCanvasElement.prototype as HTMLCanvasElement & { colours?: string[] };
	proto.getContext = function (this: HTMLCanvasElement & { colours?: string[] }) {
		const colours: string[] = (this.colours = []);
		return { fillStyle: '', fillRect(this: { fillStyle: string }) { colours.push(String(this.fillStyle)); } } as never;
	} as never;
	proto.toDataURL = function (this: HTMLCanvasElement & { colours?: string[] }) {
		const c = this.colours ?? [];
		const picks = c.length ? [0, 0.25, 0.5, 0.75, 1].map((f) => c[Math.round(f * (c.length - 1))]) : [];
		return `ramp of ${c.length} colours: ${picks.join(' ')}`;
	};
}

if (typeof window !== 'undefined') {
	estimateTextBoxes();
	paintRampsAsWords();
}

/** Whether this run may write snapshots: UPDATE_SNAPSHOTS=1, or vitest's -u. */
export function updating(): boolean {
	if (process.env.UPDATE_SNAPSHOTS === '1') return true;
	const state = expect.getState().snapshotState as { snapshotUpdateState?: string } | undefined;
	return state?.snapshotUpdateState === 'all';
}

/**
 * Compares the chart's normalised markup with its committed snapshot. A missing snapshot is written only
 * when updating; otherwise the test fails (so CI cannot pass on files it has just written).
 */
export function expectSnapshot(name: string, root: Element, dir = SNAPSHOTS): void {
	const file = snapshotFile(name, root, dir);
	const actual = normalise(root);
	const update = updating();
	if (!existsSync(file)) {
		if (!update) throw new Error(`no snapshot ${file}: run with UPDATE_SNAPSHOTS=1 to write it, then review and commit it`);
		mkdirSync(dir, { recursive: true });
		writeFileSync(file, actual);
		return;
	}
	const expected = readFileSync(file, 'utf8');
	if (actual !== expected && update) {
		writeFileSync(file, actual);
		return;
	}
	expect(actual, `${name} must match its snapshot ${file}`).toBe(expected);
}

const translation = (el: Element): [number, number] => {
	const m = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(el.getAttribute('transform') ?? '');
	return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};

/**
 * The middle of a drawn mark (or of a bar's top edge: where a bar's value is) in its svg's coordinates:
 * its own geometry plus every translation above it.
 */
export function centreOf(mark: Element, edge: 'middle' | 'top' = 'middle'): [number, number] {
	const n = (name: string) => Number(mark.getAttribute(name) ?? 0);
	let [x, y] =
		mark.localName === 'rect' ? [n('x') + n('width') / 2, n('y') + (edge === 'top' ? 0 : n('height') / 2)]
		: mark.localName === 'circle' ? [n('cx'), n('cy')]
		: mark.localName === 'line' ? [(n('x1') + n('x2')) / 2, (n('y1') + n('y2')) / 2]
		: [n('x'), n('y')];
	for (let el: Element | null = mark; el && el.localName !== 'svg'; el = el.parentElement) {
		const [tx, ty] = translation(el);
		x += tx;
		y += ty;
	}
	return [x, y];
}

const frame = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Points at a mark (the `nth` element matching `selector`, the first by default) as a reader's mouse
 * would, and waits until Plot has drawn its tip, so that the snapshot holds the tip's words. The chart is
 * put in the document meanwhile (Plot sizes a tip only once its svg is connected) and taken out again.
 */
export async function pointAt(root: Element, selector: string, { nth = 0, edge = 'middle' }: { nth?: number; edge?: 'middle' | 'top' } = {}): Promise<void> {
	const mark = root.querySelectorAll(selector)[nth];
	if (!mark) throw new Error(`no mark ${selector} [${nth}] to point at`);
	const svg = mark.closest('svg')!;
	const [clientX, clientY] = centreOf(mark, edge);
	document.body.append(root);
	try {
		svg.dispatchEvent(new window.MouseEvent('pointermove', { clientX, clientY }));
		for (let i = 0; i < 20; i++) {
			await frame();
			// drawn: its outline has a shape and nothing above it is hidden any more
			if ([...svg.querySelectorAll('g[aria-label="tip"] path[d]')].some((p) => !p.closest('[visibility="hidden"]'))) return;
		}
		throw new Error(`no tip drawn for ${selector}`);
	} finally {
		root.remove();
	}
}
