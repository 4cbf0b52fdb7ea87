/** A year group as a short axis label, so that thirteen fit side by side: 'Year 7' → 'Y7', 'Reception' → 'Rec', 'Nursery 1' → 'N1'. */
export const shortYearGroup = (g: string) =>
	g.replace(/^Year (\d+)$/, 'Y$1').replace('Reception', 'Rec').replace('Nursery ', 'N').replace('Not recorded', 'N/K');
