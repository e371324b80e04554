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
 * The encoded tokens of mentions: what `encodeTokens(mentionTokens(…))` gives (a unit test says so),
 * without an object per token. This runs on every edit over every mention of the document, so it
 * allocates nothing but the result and one set of entity ids per article.
 */
export function encodeMentions(mentions: readonly Mention[], lines: LineIndex, range?: { start: number; end: number }): number[] {
  const data: number[] = [];
  const ends = lines.lineEnds;
  let seen = new Set<string>();
  let article = -1;
  let prevLine = 0;
  let prevChar = 0;
  let type = 0;
  let bits = 0;
  const push = (line: number, character: number, length: number): void => {
    if (length <= 0) return;
    const dl = line - prevLine;
    data.push(dl, dl === 0 ? character - prevChar : character, length, type, bits);
    prevLine = line;
    prevChar = character;
  };
  for (const m of mentions) {
    if (m.article !== article) {
      article = m.article;
      seen = new Set();
    }
    const first = !seen.has(m.entityId);
    if (first) seen.add(m.entityId);
    if (range && (m.end <= range.start || m.start >= range.end)) continue;
    const t = TYPE_INDEX.get(m.type);
    if (t === undefined) continue;
    type = t;
    bits = first ? BIT_FIRST : 0;
    if (m.form === 'adjective') bits |= BIT_ADJECTIVE;
    else if (m.form === 'title') bits |= BIT_TITLE;
    if (!m.known) bits |= BIT_CANDIDATE;
    const p = lines.position(m.start);
    // The usual case: the mention lies on one line.
    if (m.end <= ends[p.line]) push(p.line, p.character, m.end - m.start);
    else for (const g of lines.lineSegments(m.start, m.end)) push(g.line, g.character, g.length);
  }
  return data;
}
