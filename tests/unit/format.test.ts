import { describe, expect, it } from 'vitest';
import {
	absenceShares, attendanceShown, between, cell, change, comparePoints, count, countOf, dateTime, dayDate, days, decimal, figure, fileSize,
	longDate, mediumDate, minutes, multiple, percent, percentFigure, pointsBetween, pointsDiff, rate, round, roundPercent, rowShares, sharesAddingUp,
	shown, signed, signedPercent, targetText
} from '../../src/lib/catalog/format';

describe('percentages', () => {
	it('round half away from zero as written in decimal: 23 of 80 is 28.8%', () => {
		expect(0.2875 * 100).toBeLessThan(28.75); // the binary trap every toFixed fell into
		expect(percent(23 / 80)).toBe('28.8%');
		expect(rate(23, 80)).toBe('28.8%');
		expect(percent(0.0145)).toBe('1.5%'); // 0.0145 * 1000 is 14.4999… in binary
		expect(percent(1 - 0.9375)).toBe('6.3%');
		expect(percent(0.06249)).toBe('6.2%');
		expect(percent(1 / 3, 2)).toBe('33.33%');
		expect(percent(0.5, 0)).toBe('50%');
		expect(targetText(96)).toBe('96%');
		expect(targetText(94.5)).toBe('94.5%');
		expect(roundPercent(1.005 / 100, 2)).toBe(1.01);
		expect(round(2.25)).toBe(2.3);
		expect(round(12.35)).toBe(12.4);
	});

	it('never shows a negative zero', () => {
		expect(percent(-0.00001)).toBe('0.0%');
		expect(Object.is(roundPercent(-0.00001), 0)).toBe(true);
		expect(Object.is(round(-0.04), 0)).toBe(true);
		expect(signed(-0.04)).toBe('0.0');
		expect(pointsBetween(0.06249, 0.0625 - 0.0005)).toBe('0.0 points'); // both 6.2%
		expect(signedPercent(-0.0004)).toBe('0.0%');
		expect(decimal(-0.04)).toBe('0.0');
	});

	it('says what is unknown', () => {
		expect(percent(null)).toBe('–');
		expect(percent(undefined)).toBe('–');
		expect(percent(Number.NaN)).toBe('–');
		expect(rate(3, 0)).toBe('–');
		expect(percentFigure(null)).toBe('');
		expect(percentFigure(23 / 80)).toBe('28.8');
		expect(figure(1234.25)).toBe('1234.3');
		expect(figure(undefined)).toBe('');
		expect(count(null)).toBe('–');
		expect(pointsBetween(0.5, null)).toBe('–');
	});

	it('signs relative changes with a true minus', () => {
		expect(signedPercent(0.12)).toBe('+12.0%');
		expect(signedPercent(-0.05)).toBe('−5.0%');
	});
});

describe('differences are the differences of the figures shown', () => {
	it('subtracts the rounded percentages, not the raw fractions', () => {
		// 6.26% shows as 6.3%, 5.94% as 5.9%: the raw gap is 0.32 points, the reader's 0.4
		expect(percent(0.0626)).toBe('6.3%');
		expect(percent(0.0594)).toBe('5.9%');
		expect(pointsDiff(0.0626, 0.0594)).toBe(0.4);
		expect(pointsBetween(0.0626, 0.0594)).toBe('+0.4 points');
		expect(pointsBetween(0.0594, 0.0626)).toBe('−0.4 points');
		expect(pointsBetween(0.0594, 0.0626, 1, 'pts')).toBe('−0.4 pts');
		expect(pointsBetween(0.0594, 0.0626, 1, '')).toBe('−0.4');
	});

	it('holds for any pair of figures', () => {
		let seed = 7;
		const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		for (let i = 0; i < 2000; i++) {
			const a = Math.round(next() * 5000) / Math.round(1 + next() * 5000);
			const b = Math.round(next() * 5000) / Math.round(1 + next() * 5000);
			const shownA = Number(percent(a).slice(0, -1));
			const shownB = Number(percent(b).slice(0, -1));
			expect(pointsDiff(a, b)).toBeCloseTo(shownA - shownB, 9);
			expect(Number(pointsBetween(a, b, 1, '').replace('−', '-'))).toBeCloseTo(shownA - shownB, 9);
		}
	});

	it('compares in words from the figures shown', () => {
		const target = 0.96;
		expect(comparePoints(0.95949, target, { above: 'above target', below: 'below target', same: 'on target' })).toBe('0.1 points below target');
		expect(comparePoints(0.95951, target, { above: 'above target', below: 'below target', same: 'on target' })).toBe('on target');
		expect(comparePoints(0.9625, target, { above: 'above', below: 'below', same: 'level' })).toBe('0.3 points above');
	});

	it('describes a change since a year before', () => {
		expect(change(0.2875, 0.2834, false, 'points', '2024/25')).toEqual({ arrow: '▲', text: '0.5 points up on 2024/25', tone: 'worse' });
		expect(change(0.9401, 0.9404, true, 'points', '2024/25')).toEqual({ arrow: '=', text: 'same as 2024/25', tone: 'same' });
		// days shown to one decimal place: 12.35 → 12.4, 11.44 → 11.4
		expect(change(12.35, 11.44, false, 'days', 'last year')).toEqual({ arrow: '▲', text: '1.0 day up on last year', tone: 'worse' });
		expect(between(12.35, 11.44)).toBe(1);
	});
});

describe('figures that add up', () => {
	it('shows the pack’s three figures adding up: 93.7% = 100% − (3.9% + 2.4%)', () => {
		// authorised 3.94%, unauthorised 2.34%: 6.28% overall shows as 6.3%, the parts alone as 3.9% + 2.3%
		const s = absenceShares({ authorised: 0.0394, unauthorised: 0.0234 });
		expect([percent(s.attendance), percent(s.overall), percent(s.authorised), percent(s.unauthorised)]).toEqual(['93.7%', '6.3%', '4.0%', '2.3%']);
	});

	it('always adds up, whatever the figures', () => {
		let seed = 11;
		const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		for (let i = 0; i < 5000; i++) {
			const possible = 1 + Math.floor(next() * 20000);
			const authorised = Math.floor(next() * possible * 0.2);
			const unauthorised = Math.floor(next() * (possible - authorised) * 0.2);
			const s = absenceShares({ authorised: authorised / possible, unauthorised: unauthorised / possible, overall: (authorised + unauthorised) / possible });
			const n = (f: number | null) => Math.round(Number(percent(f).slice(0, -1)) * 10);
			expect(n(s.authorised) + n(s.unauthorised)).toBe(n(s.overall));
			expect(n(s.attendance) + n(s.overall)).toBe(1000);
			// the whole is the overall rate rounded on its own, as every other page shows it
			expect(percent(s.overall)).toBe(percent((authorised + unauthorised) / possible));
		}
	});

	it('makes attendance the complement of absence as shown, even at a tie', () => {
		// 6.25% absence shows as 6.3%, so attendance (93.75%) shows as 93.7%, not 93.8%
		expect(percent(absenceShares({ overall: 0.0625 }).attendance)).toBe('93.7%');
		expect(percent(attendanceShown(0.9375))).toBe('93.7%');
		expect(percent(attendanceShown(0.94123))).toBe('94.1%');
		expect(attendanceShown(null)).toBeNull();
	});

	it('rounds a row’s attendance and absence columns together, keeping withheld ones', () => {
		const row = { attendance_rate: 0.9372, overall_absence_rate: 0.0628, authorised_absence_rate: 0.0394, unauthorised_absence_rate: 0.0234, pupils: 80 };
		const s = rowShares(row);
		expect([s.attendance_rate, s.overall_absence_rate, s.authorised_absence_rate, s.unauthorised_absence_rate, s.pupils].map((v, i) => (i < 4 ? percent(v) : v)))
			.toEqual(['93.7%', '6.3%', '4.0%', '2.3%', 80]);
		expect(rowShares({ attendance_rate: null, overall_absence_rate: null })).toEqual({ attendance_rate: null, overall_absence_rate: null });
		expect(rowShares({ attendance_rate: 0.9375 }).attendance_rate).toBe(0.937);
		expect(rowShares(null)).toBeNull();
	});

	it('keeps what is known when a part is missing', () => {
		const s = absenceShares({ authorised: 0.0394 });
		expect([s.overall, s.attendance, percent(s.authorised), s.unauthorised]).toEqual([null, null, '3.9%', null]);
	});

	it('splits by largest remainder, a tie to the larger part', () => {
		expect(sharesAddingUp(0.1, [0.0333, 0.0333, 0.0334]).map((f) => percent(f))).toEqual(['3.3%', '3.3%', '3.4%']);
		expect(sharesAddingUp(0.0625, [0.0425, 0.02]).map((f) => percent(f))).toEqual(['4.3%', '2.0%']);
		expect(sharesAddingUp(0.003, [0.0015, 0.0015]).map((f) => percent(f))).toEqual(['0.2%', '0.1%']); // equal: the earlier
	});

	it('answers fractions that show exactly as the figure', () => {
		expect(shown(23 / 80)).toBe(0.288);
		expect(percent(shown(0.9375))).toBe('93.8%');
	});
});

describe('counts, days, minutes and other figures', () => {
	it('counts', () => {
		expect(count(1234)).toBe('1,234');
		expect(countOf(23, 80)).toBe('23 of 80');
		expect(countOf(1500, 12000)).toBe('1,500 of 12,000');
	});

	it('days and minutes', () => {
		expect(days(1)).toBe('1 day');
		expect(days(2.5)).toBe('2.5 days');
		expect(days(3)).toBe('3 days');
		expect(days(1.04)).toBe('1 day');
		expect(days(1234.5)).toBe('1,234.5 days');
		expect(decimal(12.35)).toBe('12.4');
		expect(decimal(3, 2)).toBe('3.00');
		expect(minutes(85)).toBe('1 h 25 min');
		expect(minutes(40)).toBe('40 min');
		expect(minutes(null)).toBe('0 min');
		expect(minutes(12.6)).toBe('13 min');
		expect(multiple(2.25)).toBe('2.3×');
		expect(fileSize(1.5 * 1024 ** 3)).toBe('1.5 GB');
		expect(fileSize(24 * 1024 ** 2)).toBe('24.0 MB');
		expect(fileSize(900 * 1024 - 5)).toBe('900 KB');
	});

	it('withheld figures show as c', () => {
		const row = { rate: 0.5, pupils: null, withheld_columns: 'pupils' };
		expect(cell(row, 'pupils', (v) => count(v as number))).toBe('c');
		expect(cell(row, 'rate', (v) => percent(v as number))).toBe('50.0%');
	});

	it('dates', () => {
		expect(longDate('2024-09-02')).toBe('2 September 2024');
		expect(mediumDate('2026-11-23')).toBe('23 Nov 2026');
		expect(mediumDate('2026-11-23T10:00:00Z')).toBe('23 Nov 2026');
		expect(dayDate('2024-09-04')).toMatch(/^Wed,? 4 Sept? 2024$/); // ICU's en-GB: "Wed, 4 Sept 2024"
		expect(longDate(null)).toBe('–');
		// in England's time, summer or winter
		expect(dateTime('2026-11-23T16:07:05Z')).toBe('23 Nov 2026, 16:07');
		expect(dateTime('2026-06-23T16:07:05Z', { seconds: true })).toBe('23 Jun 2026, 17:07:05');
	});
});
