/**
 * Documents, images and screens are drawn, not described: a red flag marked on "[图片] 一张拘捕令…"
 * trains reading, not noticing. This finds what a scenario still describes in prose where an
 * artifact kind exists for it, so the check can refuse it and say what to draw instead.
 */
import type { Item, Scenario, Thread } from "./schema";
import type { Problem } from "./validate";
import { eachItem } from "./validate";
import type { ArtifactKind } from "./vocabulary";

/** An opening that says "what follows describes a picture": [图片], ［截图］, （图）, [Attachment]… */
const PICTURE_TAG =
  /^\s*[[［(（【]\s*(图片?|截图|附件|照片|收据|宣传单|会议画面|视频|扫描件|image|picture|photo|screenshot|attachment|receipt|leaflet|flyer)(?![a-z])[^\]］)）】]*[\]］)）】]/i;

/** Names of documents that have an artifact kind, as titles and labels say them. */
const DOCUMENT_NAMES: [RegExp, ArtifactKind][] = [
  [/拘捕令|逮捕令|通缉令|冻结令|arrest warrant|freeze order/i, "warrant"],
  [/通知书|监管通知|notice from|regulator'?s notice/i, "notice"],
  [
    /身份证|警官证|学生证|\bID card\b|identity card|warrant card|student card/i,
    "id-card",
  ],
  [/存单|deposit certificate|certificate of deposit/i, "certificate"],
  [/纸条|手写|handwritten/i, "handwritten-note"],
  [/卡套|银行卡照片|card sleeve/i, "bank-card"],
];

function documentKind(
  ...texts: ({ zh: string; en: string } | undefined)[]
): ArtifactKind | null {
  for (const t of texts) {
    if (!t) continue;
    for (const [pattern, kind] of DOCUMENT_NAMES)
      if (pattern.test(t.zh) || pattern.test(t.en)) return kind;
  }
  return null;
}

/** Every item that describes in words what should be drawn, with what to draw it as. */
export function proseDocuments(s: Scenario): Problem[] {
  const threads = new Map<string, Thread>(s.threads.map((t) => [t.id, t]));
  const problems: Problem[] = [];
  for (const { where, value } of eachItem(s)) {
    if (value.artifact) continue;
    const problem = proseProblem(
      value,
      value.thread ? threads.get(value.thread) : undefined,
    );
    if (problem) problems.push({ where, message: problem });
  }
  return problems;
}

function proseProblem(item: Item, thread: Thread | undefined): string | null {
  if (item.kind === "image")
    return 'is an image described in words: draw it as an "artifact" (a kind such as "screenshot", "notice" or "photo", and its details, each of which the trainee can mark)';
  const tag = PICTURE_TAG.exec(item.text.zh) ?? PICTURE_TAG.exec(item.text.en);
  if (tag)
    return `describes a picture in words ("${tag[0].trim()}…"): draw it as an "artifact" with its details, so that the trainee marks what is wrong where it is`;
  // Speech, narration and the bank's own system may name a document ("she shows her ID card",
  // "online ID check: match"); only the documents on the desk are drawn.
  if (item.channel !== "document") return null;
  const kind = documentKind(item.label, thread?.title);
  if (kind)
    return `is part of a document that has an artifact kind ("${kind}"): draw the document as an "artifact" and put this line among its details`;
  return null;
}
