/**
 * Semantic tokens of a document: one token per mention (cut at line breaks), typed by entity type,
 * with modifiers for adjectives, role phrases, candidates and the first mention in an article.
 * Full results are remembered per document so that a delta request can answer with edits.
 */
import type { Mention } from '../analysis/types';
import { diffTokens, modifierBits, TOKEN_TYPES, type AbsoluteToken, type TokenEdit, type TokenModifier } from '../common/legend';
import type { LineIndex } from './positions';

export function mentionTokens(mentions: readonly Mention[], lines: LineIndex, range?: { start: number; end: number }): AbsoluteToken[] {
  const seen = new Set<string>();
  const out: AbsoluteToken[] = [];
  for (const m of mentions) {
    const key = `${m.article}\u0000${m.entityId}`;
    const first = !seen.has(key);
    seen.add(key);
    if (range && (m.end <= range.start || m.start >= range.end)) continue;
    const modifiers: TokenModifier[] = [];
    if (m.form === 'adjective') modifiers.push('adjective');
    if (m.form === 'title') modifiers.push('title');
    if (!m.known) modifiers.push('candidate');
    if (first) modifiers.push('firstMention');
    for (const s of lines.lineSegments(m.start, m.end)) out.push({ ...s, type: m.type, modifiers });
  }
  return out;
}

/** The last full result sent for each document, for delta requests. */
export class TokenResults {
  private next = 1;
  private readonly last = new Map<string, { resultId: string; data: number[] }>();

  /** Remembers `data` as the document's latest result and returns its id. */
  remember(uri: string, data: number[]): string {
    const resultId = String(this.next++);
    this.last.set(uri, { resultId, data });
    return resultId;
  }

  /** Edits from the result `previousResultId` to `data`, or undefined when that result is not the last one. */
  delta(uri: string, previousResultId: string, data: number[]): TokenEdit[] | undefined {
    const prev = this.last.get(uri);
    if (!prev || prev.resultId !== previousResultId) return undefined;
    return diffTokens(prev.data, data);
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const BIT_ADJECTIVE = modifierBits(['adjective']);
const BIT_TITLE = modifierBits(['title']);
const BIT_CANDIDATE = modifierBits(['candidate']);
const BIT_FIRST = modifierBits(['firstMention']);

/**
 * The entity ids already seen in the current article, for the firstMention modifier. Articles hold a
 * few dozen mentions of a handful of entities: a short list compared by identity (ids are shared
 * strings of the knowledge base) beats hashing every id into a fresh Set; a long article moves to a Set.
 */
class SeenInArticle {
  private list: string[] = [];
  private set: Set<string> | undefined;

  clear(): void {
    this.list.length = 0;
    this.set = undefined;
  }

  /** True the first time `id` is added since the last clear. */
  add(id: string): boolean {
    if (this.set) {
      if (this.set.has(id)) return false;
      this.set.add(id);
      return true;
    }
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i] === id) return false;
    list.push(id);
    if (list.length > 32) this.set = new Set(list);
    return true;
  }
}

/**
 * The encoded tokens of mentions: what `encodeTokens(mentionTokens(…))` gives (a unit test says so),
 * without an object per token. This runs on every edit over every mention of the document, so it
 * allocates nothing but the result: the array is sized once (one token a mention, the usual case),
 * lines are found by walking forward (mentions are in text order), not by a search per mention.
 */
export function encodeMentions(mentions: readonly Mention[], lines: LineIndex, range?: { start: number; end: number }): number[] {
  const out = { data: new Array<number>(range ? 0 : mentions.length * 5), n: 0, line: 0, char: 0 };
  encodeInto(out, mentions, 0, mentions.length, lines, range);
  out.data.length = out.n;
  return out.data;
}

/** An encoding in progress: the data, how much of it is used, and the last token's line and character. */
interface Encoding {
  data: number[];
  n: number;
  line: number;
  char: number;
}

/** Appends the tokens of `mentions[from, to)` to `out`, relative to its last token. */
function encodeInto(out: Encoding, mentions: readonly Mention[], from: number, to: number, lines: LineIndex, range?: { start: number; end: number }): void {
  let data = out.data;
  let n = out.n;
  const ends = lines.lineEnds;
  const starts = lines.lineStarts;
  const lineCount = starts.length;
  let line = from < to ? lines.lineOf(mentions[from].start) : 0;
  const seen = new SeenInArticle();
  let article = -1;
  let prevLine = out.line;
  let prevChar = out.char;
  const push = (line: number, character: number, length: number, type: number, bits: number): void => {
    if (length <= 0) return;
    const dl = line - prevLine;
    if (n + 5 > data.length) data = grow(data, n);
    data[n] = dl;
    data[n + 1] = dl === 0 ? character - prevChar : character;
    data[n + 2] = length;
    data[n + 3] = type;
    data[n + 4] = bits;
    n += 5;
    prevLine = line;
    prevChar = character;
  };
  for (let i = from; i < to; i++) {
    const m = mentions[i];
    if (m.article !== article) {
      article = m.article;
      seen.clear();
    }
    const first = seen.add(m.entityId);
    if (range && (m.end <= range.start || m.start >= range.end)) continue;
    const type = TYPE_INDEX.get(m.type);
    if (type === undefined) continue;
    let bits = first ? BIT_FIRST : 0;
    if (m.form === 'adjective') bits |= BIT_ADJECTIVE;
    else if (m.form === 'title') bits |= BIT_TITLE;
    if (!m.known) bits |= BIT_CANDIDATE;
    while (line + 1 < lineCount && starts[line + 1] <= m.start) line++;
    // The usual case: the mention lies on one line.
    if (m.end <= ends[line]) push(line, Math.min(m.start, ends[line]) - starts[line], m.end - m.start, type, bits);
    else for (const g of lines.lineSegments(m.start, m.end)) push(g.line, g.character, g.length, type, bits);
  }
  out.data = data;
  out.n = n;
  out.line = prevLine;
  out.char = prevChar;
}

/** Encoded tokens with the line count of the text they were made for. */
export interface EncodedTokens {
  data: number[];
  lineCount: number;
}

/**
 * The tokens of `mentions` after an incremental analysis, made from the tokens of the text before the
 * edit: the tokens of the unchanged articles before the analysed ones are copied, the mentions between
 * are encoded, and the tokens of the articles after are copied (moved by the change in line count; only
 * the first is encoded again, being relative to the one before it). Equal to `encodeMentions` (a test
 * says so), but a keystroke in a 10 MB file no longer encodes its 66,000 tokens. Articles start on a
 * line of their own, so whole lines separate the three stretches. Undefined when the stretches do not
 * fit the old tokens (then encode everything).
 */
export function reencodeMentions(
  prev: EncodedTokens,
  mentions: readonly Mention[],
  lines: LineIndex,
  reuse: { mentionsBefore: number; mentionsAfter: number; keptBefore: number; keptAfter: number },
): number[] | undefined {
  const old = prev.data;
  // Kept articles before end before the edit, so their lines are the same in both texts: the line
  // after the last of them is where the old tokens stop being kept. Kept articles after begin after
  // the edit, on a line of their own, moved by the change in line count.
  const fromLine = reuse.keptBefore > 0 ? lines.lineOf(reuse.keptBefore) + 1 : 0;
  const toLine = reuse.keptAfter >= lines.text.length ? lines.lineCount : lines.lineOf(reuse.keptAfter);
  const lineDelta = lines.lineCount - prev.lineCount;
  const oldToLine = toLine - lineDelta;
  const middleEnd = mentions.length - reuse.mentionsAfter;
  if (fromLine > toLine || oldToLine < fromLine || reuse.mentionsBefore > middleEnd || old.length % 5 !== 0) return undefined;
  // The old tokens' absolute lines: the first token on the changed lines, and the first after them.
  let line = 0;
  let char = 0;
  let lastLine = 0;
  let lastChar = 0;
  let prefixEnd = -1;
  let suffixStart = old.length;
  for (let i = 0; i < old.length; i += 5) {
    line += old[i];
    char = old[i] ? old[i + 1] : char + old[i + 1];
    if (prefixEnd < 0 && line >= fromLine) prefixEnd = i;
    if (line >= oldToLine) {
      suffixStart = i;
      break;
    }
    if (prefixEnd < 0) {
      lastLine = line;
      lastChar = char;
    }
  }
  if (prefixEnd < 0) prefixEnd = suffixStart;
  const out: Encoding = { data: new Array<number>(old.length + 5 * (middleEnd - reuse.mentionsBefore)), n: prefixEnd, line: prefixEnd ? lastLine : 0, char: prefixEnd ? lastChar : 0 };
  for (let i = 0; i < prefixEnd; i++) out.data[i] = old[i];
  encodeInto(out, mentions, reuse.mentionsBefore, middleEnd, lines);
  if (suffixStart < old.length) {
    // The first token after the change: its absolute place moved by whole lines only.
    const first = line + lineDelta;
    const dl = first - out.line;
    if (dl < 0) return undefined;
    let data = out.data;
    let n = out.n;
    if (n + (old.length - suffixStart) > data.length) {
      const bigger = new Array<number>(n + (old.length - suffixStart));
      for (let i = 0; i < n; i++) bigger[i] = data[i];
      data = bigger;
    }
    data[n] = dl;
    data[n + 1] = dl === 0 ? char - out.char : char;
    for (let k = 2; k < 5; k++) data[n + k] = old[suffixStart + k];
    n += 5;
    for (let i = suffixStart + 5; i < old.length; i++) data[n++] = old[i];
    out.data = data;
    out.n = n;
  }
  out.data.length = out.n;
  return out.data;
}

/** A larger copy of `data` (mentions cut at line breaks give more than one token). */
function grow(data: number[], used: number): number[] {
  const next = new Array<number>(Math.max(16, data.length * 2));
  for (let i = 0; i < used; i++) next[i] = data[i];
  return next;
}
