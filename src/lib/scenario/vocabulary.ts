/**
 * The words of the scenario format: languages, competencies, scam types, channels, outcomes and
 * citations. Kept apart from the zod schema (`schema.ts`) so that the engine and the pages a
 * trainee loads can use them without carrying the validator, which only imports need.
 */

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const COMPETENCIES = [
	'detect',
	'verify',
	'intervene',
	'communicate',
	'comply',
	'timeliness'
] as const;
export type Competency = (typeof COMPETENCIES)[number];

export const SCAM_TYPES = [
	'fake-police',
	'investment',
	'fake-customer-service',
	'otp-takeover',
	'mule-account',
	'stop-payment',
	'boss-impersonation',
	'supplier-fraud',
	'task-scam', // 刷单返利: click-farming rebates, then "unfreezing" payments
	'fake-loan', // 虚假贷款: "unfreezing fee", "deposit to prove repayment ability"
	'fake-acquaintance', // 冒充熟人、亲属: "your grandson is in trouble"
	'elderly-targeted', // 养老诈骗: pension "projects", health products, cash to a "courier"
	'fake-credit-record', // 注销校园贷、虚假征信
	'romance-extortion', // 网络交友、裸聊敲诈
	'fake-tax-bureau', // 冒充税务机关: 电子税务局 refund or audit phishing
	'fake-bank-notice', // 冒充银行: 对公账户年检, "account abnormal" calls
	'payroll-diversion', // 工资代发账户被改: a payroll bank-detail change
	'legitimate'
] as const;
export type ScamType = (typeof SCAM_TYPES)[number];

export const AUDIENCES = ['teller', 'accountant', 'both'] as const;
export const CHANNELS = ['counter', 'terminal', 'chat', 'phone', 'sms', 'email', 'document'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What kind of line an item is; the channel decides how it is drawn. */
export const ITEM_KINDS = [
	'speech', // someone says it (counter, phone)
	'action', // what someone does, in the narrator's voice ("keeps the phone at her ear")
	'message', // a chat, SMS or email message
	'image', // an image described in words (a "warrant", a balance screenshot)
	'field', // a labelled field on a form or record (payee, amount…)
	'row', // a row of a table (account history)
	'prompt', // a risk prompt of the core banking system
	'call', // a call's caller ID and state
	'note' // a paragraph of a document
] as const;

/**
 * What a drawn artifact is: the frame it is drawn in (paper with a letterhead, a card, a phone
 * screen, a handwritten slip…). Drawn from the scenario's data, never from pictures of real
 * people or real bank brands.
 */
export const ARTIFACT_KINDS = [
	'warrant', // a "warrant", "arrest order" or "freeze order" in an official's letterhead
	'notice', // a "notice" from an authority or regulator, a letter with a seal
	'letter', // a company's letter or notice on its letter paper
	'contract', // a contract page
	'certificate', // a deposit certificate, an account-information sheet
	'id-card', // an identity card, a warrant card, a student card
	'bank-card', // a bank card, a card sleeve with its receipt
	'receipt', // a receipt or invoice
	'form', // a filled paper form (a payment order, an approval form)
	'handwritten-note', // a slip of paper written by hand
	'flyer', // an advertising leaflet
	'screenshot', // a phone app's screen: a balance, a chat, a "withdrawal under review"
	'web-page', // a web page in a browser, with its address bar
	'video-call', // a frame of a video call
	'photo' // a photo of something else (several cards, a desk): described by its details
] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** How one detail of an artifact is drawn. */
export const DETAIL_ROLES = [
	'issuer', // the letterhead: who the document says it is from
	'title', // the document's title ("刑事拘捕令")
	'number', // a document, case or serial number
	'field', // a labelled value (label + text)
	'line', // a line of body text
	'amount', // a sum drawn large
	'status', // a status line drawn as a banner ("资金已冻结")
	'seal', // a round red seal with its text
	'stamp', // a rectangular stamp (a bank's business stamp)
	'signature', // a signature or handwriting
	'portrait', // a photo of a person: a drawn silhouette with the caption in text
	'qr', // a QR code (drawn, not scannable) with what it says it does
	'address', // a web address or an e-mail sender address
	'date', // a date line
	'caption' // a small note under the artifact (what the trainee sees around it)
] as const;
export type DetailRole = (typeof DETAIL_ROLES)[number];

export const OUTCOMES = [
	'fraud-stopped', // the fraud is stopped, the money is safe
	'partial-loss', // part of the money is gone
	'money-lost', // the fraud succeeded
	'honest-served', // an honest customer was served properly
	'honest-refused', // an honest customer was refused or reported without cause
	'complaint', // an honest customer left angry and complains
	// an adult customer went ahead after warning, delay and police contact, and the trainee
	// documented everything the rules ask for (the customer decides; the trainee did their job)
	'customer-decided'
] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Endings that count as the trainee doing their job. */
export const GOOD_OUTCOMES: readonly Outcome[] = ['fraud-stopped', 'honest-served', 'customer-decided'];
/**
 * Endings that harm: money gone, or an honest customer refused, reported or driven to complain.
 * Scoring ranks every one of them below every ending that does not harm; a partial loss sits
 * between (part of the money was saved, part was not).
 */
export const HARMFUL_OUTCOMES: readonly Outcome[] = ['money-lost', 'honest-refused', 'complaint'];

/**
 * Each harmful choice costs this many percentage points of the process score (`attempt/score.ts`);
 * the graph check picks the best path under the same cost.
 */
export const HARMFUL_COST_PERCENT = 15;

export const VERDICTS = ['good', 'acceptable', 'poor', 'harmful'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Anti-Telecom and Online Fraud Law articles, Criminal Law 287-2 and payment controls. */
export const CITATIONS = [
	'afl-16',
	'afl-17',
	'afl-18',
	'afl-20',
	'afl-30',
	'afl-31',
	'afl-32',
	'afl-34',
	'afl-44',
	'cl-287-2',
	'control-callback',
	'control-dual-approval',
	'control-vendor-master',
	'control-no-chat-orders',
	'protocol-counter',
	'protocol-proportionate',
	'settlement-40'
] as const;
export type Citation = (typeof CITATIONS)[number];
