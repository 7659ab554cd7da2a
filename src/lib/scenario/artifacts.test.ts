import { describe, expect, it } from 'vitest';
import { miniDoc, miniScenario } from '../../../tests/unit/fixtures';
import { proseDocuments } from './artifacts';
import { advance, indexScenario, marksOf, startContext, type AttemptContext } from './compile';
import { formatProblem, validateScenario } from './validate';
import { scoreAttempt } from '../attempt/score';

type Doc = ReturnType<typeof miniDoc>;

/** A "warrant" shown in reply to asking the purpose: a seal, a case number and a title to mark. */
function withWarrant(doc: Doc) {
	doc.beats[0].actions[0].reply = [
		{
			id: 'warrant',
			channel: 'chat',
			kind: 'image',
			from: 'customer',
			text: { zh: '她手机上的“拘捕令”图片', en: "A 'warrant' on her phone" },
			artifact: {
				kind: 'warrant',
				details: [
					{ id: 'w-title', role: 'title', text: { zh: '刑事拘捕令', en: 'Arrest warrant' } },
					{ id: 'w-number', role: 'number', text: { zh: '（2025）第0417号', en: 'No. (2025) 0417' } },
					{ id: 'w-seal', role: 'seal', text: { zh: '最高人民检察院', en: 'Supreme Procuratorate' } }
				]
			}
		}
	];
	doc.clues.push({
		id: 'seal',
		kind: 'red-flag',
		items: ['w-seal'],
		label: { zh: '检察院的章', en: "A procuratorate's seal" },
		explanation: { zh: '拘捕令不会发图片。', en: 'Warrants are not sent as pictures.' }
	});
}

const problemsOf = (edit: (doc: Doc) => void) => {
	const doc = miniDoc();
	edit(doc);
	const result = validateScenario(doc);
	return result.ok ? proseDocuments(result.scenario).map(formatProblem) : result.problems.map(formatProblem);
};

describe('artifacts in the format', () => {
	it('accepts an item drawn as an artifact whose clue points at a detail', () => {
		expect(problemsOf(withWarrant)).toEqual([]);
	});

	it('refuses a clue that points at the artifact as a whole, and names its details', () => {
		const found = problemsOf((d) => {
			withWarrant(d);
			d.clues.at(-1).items = ['warrant'];
		});
		expect(found).toEqual([
			'clue "seal": item "warrant" is drawn as an artifact, so the trainee marks its details, not the whole of it: point at the detail that shows the clue ("w-title", "w-number", "w-seal")'
		]);
	});

	it('refuses a detail whose id another item has', () => {
		const found = problemsOf((d) => {
			withWarrant(d);
			d.beats[0].actions[0].reply[0].artifact.details[0].id = 'on-phone';
		});
		expect(found).toContain(
			'beat "counter", action "ask-purpose", reply item "warrant", detail "on-phone": another item or detail already has the id "on-phone" (beat "counter", item "on-phone")'
		);
	});
});

describe('proseDocuments', () => {
	it('refuses an image described in words, a picture tag and a line of an ID card on the desk', () => {
		const found = problemsOf((d) => {
			d.threads = [{ id: 'id-card', channel: 'document', title: { zh: '居民身份证', en: 'Identity card' } }];
			d.beats[0].items.push(
				{ id: 'pic', channel: 'chat', kind: 'image', text: { zh: '一张截图', en: 'A screenshot' } },
				{ id: 'tag', channel: 'chat', kind: 'message', text: { zh: '［图片］一张拘捕令', en: '[Image] A warrant' } },
				{ id: 'idc', channel: 'document', kind: 'field', thread: 'id-card', label: { zh: '姓名', en: 'Name' }, text: { zh: '王芳', en: 'Wang Fang' } },
				{ id: 'said', channel: 'counter', kind: 'speech', text: { zh: '我的身份证在这里。', en: 'Here is my ID card.' } }
			);
		});
		expect(found).toHaveLength(3);
		expect(found[0]).toMatch(/^beat "counter", item "pic": is an image described in words: draw it as an "artifact"/);
		expect(found[1]).toMatch(/^beat "counter", item "tag": describes a picture in words \("［图片］…"\)/);
		expect(found[2]).toMatch(/^beat "counter", item "idc": is part of a document that has an artifact kind \("id-card"\)/);
	});

	it('passes a document drawn as an artifact', () => {
		expect(problemsOf(withWarrant)).toEqual([]);
	});
});

describe('marking the details of an artifact', () => {
	const scenario = miniScenario(withWarrant);
	const ix = indexScenario(scenario);
	const input = { moneyAtRisk: 50000, timing: { 'timer:leaves': 350 } };
	const start = startContext(scenario, input);
	const shown = advance(ix, advance(ix, start, { type: 'clock.tick', seconds: 12 }), { type: 'trainee.choose', action: 'ask-purpose' });

	it('lists the details as what can be marked on the item', () => {
		expect(marksOf(ix, 'warrant')).toEqual(['w-title', 'w-number', 'w-seal']);
		expect(marksOf(ix, 'on-phone')).toEqual(['on-phone']);
	});

	it('lets a detail be marked once its item is shown, and never the artifact as a whole', () => {
		expect(advance(ix, start, { type: 'trainee.flag', item: 'w-seal' })).toBe(start);
		expect(advance(ix, shown, { type: 'trainee.flag', item: 'warrant' })).toBe(shown);
		const marked: AttemptContext = advance(ix, shown, { type: 'trainee.flag', item: 'w-seal' });
		expect(marked.flags).toEqual([{ item: 'w-seal', at: shown.time }]);
	});

	it('scores the clue in the detail, seen when its item appeared, and a plain detail as a false alarm', () => {
		let c = advance(ix, shown, { type: 'trainee.flag', item: 'w-seal' });
		c = advance(ix, c, { type: 'trainee.flag', item: 'w-title' });
		const points = { detect: 10, verify: 10, intervene: 10, communicate: 10, comply: 10, timeliness: 10 };
		const score = scoreAttempt(scenario, c, points);
		const seal = score.redFlags.find((r) => r.clue.id === 'seal')!;
		expect(seal.appearedAt).toBe(shown.shown.find((s) => s.item === 'warrant')!.at);
		expect(seal.markedAt).toBe(shown.time);
		expect(score.falseAlarms).toEqual(['w-title']);
	});
});
