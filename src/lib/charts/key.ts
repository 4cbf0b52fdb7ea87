/** One entry of a chart's key: its words and a swatch drawn as a line, a dashed line, a dot or a box. */
export interface KeyItem {
	label: string;
	colour: string;
	shape: 'line' | 'dash' | 'dot' | 'box';
}

/** An HTML key (no SVG, so the card's SVG download finds the chart itself) and the chart, in one element. */
export function withKey(chart: Element, items: KeyItem[]): Element {
	const wrap = document.createElement('div');
	const key = document.createElement('ul');
	key.className = 'overview-key';
	key.setAttribute('style', 'display:flex;flex-wrap:wrap;gap:0.4rem 1.4rem;list-style:none;margin:0 0 0.4rem;padding:0;font-size:1rem;color:#1b1f24');
	for (const item of items) {
		const li = document.createElement('li');
		const swatch = document.createElement('span');
		swatch.setAttribute('aria-hidden', 'true');
		const base = 'display:inline-block;vertical-align:middle;margin-right:0.45rem;';
		const style = {
			line: `${base}width:1.6rem;height:0;border-top:3px solid ${item.colour}`,
			dash: `${base}width:1.6rem;height:0;border-top:3px dashed ${item.colour}`,
			dot: `${base}width:0.8rem;height:0.8rem;border-radius:50%;background:${item.colour}`,
			box: `${base}width:0.9rem;height:0.9rem;background:${item.colour}`
		}[item.shape];
		swatch.setAttribute('style', style);
		li.append(swatch, item.label);
		key.append(li);
	}
	wrap.append(key, chart);
	return wrap;
}
