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
  let data: number[] = new Array<number>(range ? 0 : mentions.length * 5);
  let n = 0;
  const ends = lines.lineEnds;
  const starts = lines.lineStarts;
  const lineCount = starts.length;
  let line = 0;
  const seen = new SeenInArticle();
  let article = -1;
  let prevLine = 0;
  let prevChar = 0;
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
  for (let i = 0; i < mentions.length; i++) {
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
  data.length = n;
  return data;
}

/** A larger copy of `data` (mentions cut at line breaks give more than one token). */
function grow(data: number[], used: number): number[] {
  const next = new Array<number>(Math.max(16, data.length * 2));
  for (let i = 0; i < used; i++) next[i] = data[i];
  return next;
}
