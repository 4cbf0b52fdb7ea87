/**
 * Makes an Observable Plot figure read well to assistive technology and pass WCAG checks: each chart
 * svg that Plot labelled (ariaLabel) becomes one image with that name (its data is in the table
 * alternative beside it), or a named group when its marks are links, and the labels Plot puts on the marks inside ("bar", "rule", …), which ARIA
 * does not allow on a plain <g>, are removed.
 */
export function accessiblePlot(figure: Element): Element {
	const svgs = figure instanceof SVGSVGElement ? [figure] : [...figure.querySelectorAll('svg')];
	for (const svg of svgs) {
		svg.querySelectorAll('g[aria-label], g[aria-description]').forEach((g) => {
			g.removeAttribute('aria-label');
			g.removeAttribute('aria-description');
		});
		// a chart whose marks are links (a bar opens its pupils) stays a group, so the links stay reachable
		if (svg.hasAttribute('aria-label')) svg.setAttribute('role', svg.querySelector('a') ? 'group' : 'img');
		else svg.setAttribute('aria-hidden', 'true'); // a legend's swatches: the chart's name and table say it
	}
	return figure;
}
