import { describe, expect, it } from 'vitest';
import { changeSentences, groupPhrase, type FigureChange } from '../../src/lib/server/pack/sentences';

const school = (measure: FigureChange['measure'], previous: number | null, current: number | null, pupils = 200): FigureChange => ({
	measure, previous, current, previousPupils: pupils, currentPupils: pupils
});
const group = (dimension: string, value: string, measure: FigureChange['measure'], previous: number | null, current: number | null, pupils = 40, previousPupils = pupils): FigureChange => ({
	measure, group: { dimension, value }, previous, current, currentPupils: pupils, previousPupils
});

describe('changeSentences', () => {
	it('writes the examples of the brief', () => {
		const sentences = changeSentences(
			[school('attendance', 0.929, 0.941), group('fsm', 'FSM eligible', 'persistent', 0.31, 0.274)],
			{ targetPercent: 93.5 }
		);
		expect(sentences.map((s) => s.text)).toEqual([
			'Attendance rose 1.2 points to 94.1%, above the 93.5% target.',
			'Persistent absence among pupils eligible for free school meals fell from 31.0% to 27.4%.'
		]);
		expect(sentences.map((s) => s.points)).toEqual([1.2, -3.6]);
	});

	it('says below, or meeting, the target', () => {
		expect(changeSentences([school('attendance', 0.95, 0.9399)], { targetPercent: 96 })[0].text).toBe('Attendance fell 1.0 points to 94.0%, below the 96% target.');
		expect(changeSentences([school('attendance', 0.95, 0.96)], { targetPercent: 96 })[0].text).toBe('Attendance rose 1.0 points to 96.0%, meeting the 96% target.');
		expect(changeSentences([school('attendance', 0.95, 0.96)])[0].text).toBe('Attendance rose 1.0 points to 96.0%.');
	});

	it('puts the whole school’s attendance first, then ranks by the size of the change', () => {
		const sentences = changeSentences(
			[
				school('unauthorised', 0.012, 0.019),
				group('sex', 'Male', 'persistent', 0.2, 0.25),
				school('attendance', 0.94, 0.945),
				school('persistent', 0.18, 0.152),
				group('sen', 'EHC plan', 'attendance', 0.9, 0.87, 12)
			],
			{ national: { persistent: 0.178 } }
		);
		expect(sentences.map((s) => s.text)).toEqual([
			'Attendance rose 0.5 points to 94.5%.',
			'Persistent absence among boys rose from 20.0% to 25.0%.',
			'Attendance among pupils with an EHC plan fell 3.0 points to 87.0%.',
			'Persistent absence fell from 18.0% to 15.2% of pupils, below the national 17.8%.',
			'Unauthorised absence rose from 1.2% to 1.9% of sessions.'
		]);
	});

	it('skips changes resting on small numbers, withheld figures and changes that do not show', () => {
		const sentences = changeSentences([
			group('cla', 'Looked after', 'persistent', 0.5, 0.25, 4), // 4 pupils
			group('eal', 'EAL', 'persistent', 0.2, 0.4, 12, 9), // 9 pupils last half-term
			group('fsm', 'FSM eligible', 'persistent', null, 0.3), // withheld
			school('severe', 0.0204, 0.0196), // 2.0% and 2.0% as shown
			school('authorised', 0.03, 0.04, 12)
		]);
		expect(sentences.map((s) => s.text)).toEqual(['Authorised absence rose from 3.0% to 4.0% of sessions.']);
		expect(changeSentences([group('eal', 'EAL', 'persistent', 0.2, 0.4, 9)], { minPupils: 5 })).toHaveLength(1);
	});

	it('keeps at most `limit` sentences', () => {
		const many = ['Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11', 'Year 12', 'Year 13'].map((y, i) =>
			group('year_group', y, 'persistent', 0.1, 0.1 + (i + 1) / 100)
		);
		const sentences = changeSentences(many);
		expect(sentences).toHaveLength(6);
		expect(sentences[0].text).toBe('Persistent absence among Year 13 pupils rose from 10.0% to 17.0%.');
		expect(changeSentences(many, { limit: 2 })).toHaveLength(2);
	});

	it('names groups in plain words', () => {
		expect(groupPhrase('sex', 'Female')).toBe('girls');
		expect(groupPhrase('sen', 'SEN support')).toBe('pupils on SEN support');
		expect(groupPhrase('year_group', 'Reception')).toBe('Reception pupils');
		expect(groupPhrase('ethnicity', 'Asian')).toBe('Asian pupils');
	});
});
