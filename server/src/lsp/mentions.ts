/**
 * The answer to `arabicNewsLens/mentions` (common/protocol.ts): the visible mentions of a document,
 * or of some ranges of it, as five integers per piece (line, character, length, type, form), read
 * from the cached analysis. Lines and characters come from positions.ts (`LineIndex.lineSegments`).
 */
import type { Mention } from '../analysis/types';
import { MARK_FORMS, type EntityTypeName, type MarkForm } from '../common/protocol';
import type { LineIndex } from './positions';

const TYPE_INDEX: Record<EntityTypeName, number> = { person: 0, country: 1, location: 2, organization: 3 };
const FORM_INDEX = new Map<MarkForm, number>(MARK_FORMS.map((f, i) => [f, i]));

/** The form a mention is drawn with: a name no pack knows is a candidate, whatever its form. */
export function markForm(m: Pick<Mention, 'form' | 'known'>): MarkForm {
  if (!m.known) return 'candidate';
  return m.form === 'adjective' || m.form === 'title' ? m.form : 'name';
}

/** Sorted, merged copies of offset ranges (`[start, end)`). */
function mergeRanges(ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = ranges.map((r) => ({ start: Math.min(r.start, r.end), end: Math.max(r.start, r.end) })).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push(r);
  }
  return out;
}

/** The index of the first mention that ends after `offset` (mentions are sorted and never overlap). */
function firstEndingAfter(mentions: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The mark data of `mentions` (document order): with `ranges`, only the mentions that overlap one
 * of them, each once; without, all of them.
 */
export function mentionMarks(mentions: readonly Mention[], lines: LineIndex, ranges?: readonly { start: number; end: number }[]): number[] {
  const data: number[] = [];
  const emit = (m: Mention) => {
    const type = TYPE_INDEX[m.type as EntityTypeName];
    if (type === undefined) return;
    const form = FORM_INDEX.get(markForm(m))!;
    for (const s of lines.lineSegments(m.start, m.end)) data.push(s.line, s.character, s.length, type, form);
  };
  if (!ranges) {
    for (const m of mentions) emit(m);
    return data;
  }
  // A mention that straddles two ranges is emitted once: the next range starts after it.
  let next = 0;
  for (const r of mergeRanges(ranges)) {
    let i = Math.max(next, firstEndingAfter(mentions, r.start));
    for (; i < mentions.length && mentions[i].start < r.end; i++) emit(mentions[i]);
    next = i;
  }
  return data;
}
