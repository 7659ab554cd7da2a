import { describe, expect, it } from 'vitest';
import { attemptsCsv, csvCell, csvFileName, decisionsCsv, localDateTime, type Cell } from './csv';
import type { AttemptRecord } from './records';
import type { Text } from '../scenario/schema';
import { resolveSetup } from '../attempt/setup';
import { miniScenario } from '../../../tests/unit/fixtures';

const bytes = (s: string) => [...new TextEncoder().encode(s)];

const first: AttemptRecord = {
	attemptId: 'a1',
	seed: 7,
	rules: 2,
	traineeId: 'p1',
	traineeName: '王秀兰',
	employeeNo: 'E0042',
	branch: '城东支行, 二楼',
	cohort: '2025-A',
	scenarioId: 'mini',
	scenarioVersion: 1,
	scamType: 'fake-police',
	audience: 'teller',
	mode: 'assessment',
	startedAt: new Date(2025, 2, 3, 9, 5, 7).getTime(),
	finished: true,
	outcome: 'fraud-stopped',
	ending: 'stopped',
	overall: 89,
	passed: true,
	competencies: { detect: 50, verify: 100, intervene: 100, communicate: null, comply: null, timeliness: 100 },
	moneyProtected: 200000,
	moneyLost: 0,
	redFlags: [{ clue: 'phone', shown: true, found: true, timeToMark: 12 }],
	falseAlarms: 1,
	decisions: [
		{ beat: 'counter', action: 'ask-purpose', verdict: 'good', at: 12 },
		{ beat: 'counter', action: 'call-110', verdict: 'good', at: 77 }
	],
	path: ['counter'],
	firstInterventionAt: 77,
	durationSeconds: 197,
	ignoredEvents: 0,
	summaryAgrees: true
};

/** A trainee whose details try to run as formulas and break the quoting. */
const second: AttemptRecord = {
	...first,
	attemptId: 'b2',
	seed: 8,
	rules: 2,
	traineeId: 'p2',
	traineeName: '=HYPERLINK("http://x","点我")',
	employeeNo: '+86',
	branch: '说 "你好"\n第二行',
	cohort: '@home',
	mode: 'practice',
	startedAt: new Date(2025, 2, 4, 14, 30, 0).getTime(),
	finished: false,
	outcome: null,
	ending: null,
	overall: 0,
	passed: false,
	competencies: { detect: null, verify: null, intervene: null, communicate: null, comply: null, timeliness: null },
	moneyProtected: 0,
	redFlags: [{ clue: 'phone', shown: false, found: false, timeToMark: null }],
	falseAlarms: 0,
	decisions: [{ beat: 'counter', action: 'ask-purpose', verdict: 'good', at: 4 }],
	firstInterventionAt: null,
	durationSeconds: 64
};

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['中文', '中文'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['line\nbreak', '"line\nbreak"'],
		['=1+1', "'=1+1"],
		['+86', "'+86"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', `"'\rx"`],
		['=A1,"x"', `"'=A1,""x"""`],
		['a=b', 'a=b'],
		[-5, '-5'],
		[12.5, '12.5'],
		[Number.NaN, ''],
		[true, 'true'],
		[null, ''],
		[undefined, '']
	] as [Cell, string][])('%j → %j', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});
});

describe('attemptsCsv', () => {
	const scenarios = [miniScenario()];

	it('writes the exact bytes Excel opens with Chinese intact: BOM, CRLF, quoting, formula guard', () => {
		const expected =
			'\uFEFF' +
			'训练记录编号,姓名,工号,网点 / 部门,培训班,场景编号,场景名称,场景版本,诈骗类型,模式,开始时间,已完成,结果,结局编号,' +
			'总分（%）,通过,识别（%）,核实（%）,干预（%）,沟通（%）,合规（%）,时效（%）,保住资金（元）,损失资金（元）,' +
			'出现的风险信号数,标出的风险信号数,误标数,首次干预（模拟秒）,用时（模拟秒）\r\n' +
			'a1,王秀兰,E0042,"城东支行, 二楼",2025-A,mini,小测试,1,冒充公检法,考核,2025-03-03 09:05:07,是,成功阻止诈骗,stopped,' +
			'89,是,50,100,100,,,100,200000,0,1,1,1,77,197\r\n' +
			`b2,"'=HYPERLINK(""http://x"",""点我"")",'+86,"说 ""你好""\n第二行",'@home,mini,小测试,1,冒充公检法,练习,` +
			'2025-03-04 14:30:00,否,,,0,否,,,,,,,0,0,0,0,0,,64\r\n';
		const csv = attemptsCsv([first, second], 'zh', scenarios);
		expect(csv).toBe(expected);
		expect(bytes(csv)).toEqual(bytes(expected));
		expect(bytes(csv).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('speaks English when asked, and falls back to the id without the scenario', () => {
		const lines = attemptsCsv([first], 'en').split('\r\n');
		expect(lines[0]).toBe(
			'\uFEFFAttempt ID,Name,Employee number,Branch / department,Cohort,Scenario ID,Scenario,Scenario version,' +
				'Scam type,Mode,Started,Finished,Outcome,Ending ID,Overall (%),Passed,Detect (%),Verify (%),Intervene (%),' +
				'Communicate (%),Comply (%),Timeliness (%),Money protected (CNY),Money lost (CNY),Red flags shown,' +
				'Red flags found,False alarms,First intervention (simulated s),Duration (simulated s)'
		);
		expect(lines[1]).toBe(
			'a1,王秀兰,E0042,"城东支行, 二楼",2025-A,mini,mini,1,Fake police,Assessment,2025-03-03 09:05:07,Yes,' +
				'Fraud stopped,stopped,89,Yes,50,100,100,,,100,200000,0,1,1,1,77,197'
		);
		expect(lines).toHaveLength(3);
		expect(lines[2]).toBe('');
	});

	it('writes only the header for no attempts', () => {
		expect(attemptsCsv([], 'zh').split('\r\n')).toHaveLength(2);
	});
});

describe('decisionsCsv', () => {
	// The action label names the customer, so each row shows the name that attempt's seed drew.
	const scenario = miniScenario((doc) => {
		doc.beats[0].actions[0].label = { zh: '询问{customer}转账用途', en: 'Ask {customer} what the money is for' };
	});
	const customer = (seed: number) => resolveSetup(scenario, seed).values.customer as Text;

	it('writes one row per decision with labels and verdicts in Chinese, exact bytes', () => {
		const expected =
			'\uFEFF' +
			'训练记录编号,姓名,工号,培训班,场景编号,模式,步骤,时间（模拟秒）,情节编号,情节,处置编号,处置,评价\r\n' +
			`a1,王秀兰,E0042,2025-A,mini,考核,1,12,counter,柜台,ask-purpose,询问${customer(7).zh}转账用途,正确\r\n` +
			'a1,王秀兰,E0042,2025-A,mini,考核,2,77,counter,柜台,call-110,报警,正确\r\n' +
			`b2,"'=HYPERLINK(""http://x"",""点我"")",'+86,'@home,mini,练习,1,4,counter,柜台,ask-purpose,询问${customer(8).zh}转账用途,正确\r\n`;
		const csv = decisionsCsv([first, second], [scenario], 'zh');
		expect(customer(7).zh).not.toBe(customer(8).zh);
		expect(bytes(csv)).toEqual(bytes(expected));
	});

	it('writes English labels, and keeps the ids when the scenario is unknown', () => {
		const en = decisionsCsv([first], [scenario], 'en').split('\r\n');
		expect(en[0]).toBe(
			'\uFEFFAttempt ID,Name,Employee number,Cohort,Scenario ID,Mode,Step,Time (simulated s),Beat ID,Beat,Action ID,Action,Verdict'
		);
		expect(en[1]).toBe(
			`a1,王秀兰,E0042,2025-A,mini,Assessment,1,12,counter,Counter,ask-purpose,Ask ${customer(7).en} what the money is for,Right`
		);
		const unknown = decisionsCsv([first], [], 'en').split('\r\n');
		expect(unknown[2]).toBe('a1,王秀兰,E0042,2025-A,mini,Assessment,2,77,counter,,call-110,,Right');
	});
});

describe('localDateTime', () => {
	it.each([
		[new Date(2025, 0, 2, 3, 4, 5), '2025-01-02 03:04:05'],
		[new Date(2025, 11, 31, 23, 59, 59), '2025-12-31 23:59:59']
	])('%s → %s', (date, expected) => {
		expect(localDateTime(date.getTime())).toBe(expected);
	});
});

describe('csvFileName', () => {
	it('dates the file by the local calendar, as its rows are', () => {
		// 00:30 on 5 December here; in China (UTC+8) the UTC date is still the 4th.
		const justAfterMidnight = new Date(2026, 11, 5, 0, 30);
		expect(csvFileName('attempts', '2025A', justAfterMidnight)).toBe('fraud-drill-attempts-2025A-2026-12-05.csv');
		expect(csvFileName('decisions', '', new Date(2026, 11, 31, 23, 59))).toBe('fraud-drill-decisions-all-2026-12-31.csv');
	});
});
