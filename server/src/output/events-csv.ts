/**
 * CSV export of events (meetings and statements), one row per event: `news-lens --format csv` and the
 * editor's export. Pure: text and analysis in, CSV out (RFC 4180, CRLF line ends). Actors are given by
 * their names, in Arabic and in English, and by their ids.
 */
import type { Analysis, EventActor, Mention, OutlineNode } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { csvField } from './csv';

export const EVENT_CSV_COLUMNS = [
  'article',
  'date',
  'date source',
  'kind',
  'code',
  'source actors',
  'source actors (en)',
  'target actors',
  'target actors (en)',
  'place',
  'place (en)',
  'sentence',
  'source ids',
  'target ids',
] as const;

const actorId = (a: EventActor) => ('id' in a ? a.id : a.text);

/**
 * An actor's readable name: the entity's Arabic or English name; a described party («سفيري العراق
 * ولبنان») as written in both columns, since it has no English name; an id no pack knows as the id.
 */
function actorName(kb: KnowledgeBase, a: EventActor, lang: 'ar' | 'en'): string {
  if (!('id' in a)) return a.text;
  const e = kb.get(a.id);
  if (!e) return a.id.startsWith('candidate:') ? a.id.slice(10) : a.id;
  return lang === 'en' ? (e.name.en ?? e.name.ar) : e.name.ar;
}

const names = (kb: KnowledgeBase, list: EventActor[], lang: 'ar' | 'en') => list.map((a) => actorName(kb, a, lang)).join('; ');
const ids = (list: EventActor[]) => list.map(actorId).join('; ');

/** The sentence around an offset, on its line: from the previous . ! ؟ to the next one. */
function sentenceAround(text: string, at: number, within: { start: number; end: number }): string {
  const isEnd = (c: string) => c === '.' || c === '!' || c === '?' || c === '؟' || c === '\n';
  let s = at;
  while (s > within.start && s > at - 600 && !isEnd(text[s - 1])) s--;
  let e = at;
  while (e < within.end && e < at + 600 && !isEnd(text[e])) e++;
  if (e < within.end && text[e] !== '\n') e++;
  return text.slice(s, e).trim();
}

/** Entities named in a statement after its verb, other than its speakers: whom or what it is about. */
function targetsOf(node: OutlineNode, mentions: Mention[]): EventActor[] {
  const speakers = new Set((node.speakers ?? []).map(actorId));
  const seen = new Set<string>();
  const out: EventActor[] = [];
  for (const m of mentions) {
    if (m.start < node.selectionEnd || m.end > node.end) continue;
    if (speakers.has(m.entityId) || seen.has(m.entityId) || !m.known) continue;
    seen.add(m.entityId);
    out.push({ id: m.entityId });
  }
  return out;
}

/** One row per meeting and statement, in outline order. */
export function eventsToCsv(text: string, analysis: Analysis, kb: KnowledgeBase): string {
  const rows = [EVENT_CSV_COLUMNS.join(',')];
  analysis.outline.forEach((articleNode, index) => {
    const article = analysis.articles.length === analysis.outline.length ? analysis.articles[index] : analysis.articles.find((a) => a.start <= articleNode.start && articleNode.end <= a.end);
    const name = articleNode.label || String(index + 1);
    const date = article?.date ?? articleNode.date ?? '';
    const dateSource = article?.dateSource ?? articleNode.dateSource ?? '';
    const within = article ?? { start: 0, end: text.length };
    const mentions = analysis.mentions.filter((m) => m.start >= within.start && m.end <= within.end);
    const row = (node: OutlineNode, source: EventActor[], targets: EventActor[], place: EventActor | undefined, sentence: string) =>
      [
        name,
        date,
        dateSource,
        node.kind,
        node.code ?? '',
        names(kb, source, 'ar'),
        names(kb, source, 'en'),
        names(kb, targets, 'ar'),
        names(kb, targets, 'en'),
        place ? actorName(kb, place, 'ar') : '',
        place ? actorName(kb, place, 'en') : '',
        sentence,
        ids(source),
        ids(targets),
      ]
        .map(csvField)
        .join(',');
    const statementRow = (node: OutlineNode, place?: EventActor) =>
      row(node, node.speakers ?? [], targetsOf(node, mentions), place, text.slice(node.start, node.end).replace(/\s+/g, ' ').trim());
    for (const node of articleNode.children) {
      if (node.kind === 'meeting') {
        const [source, ...targets] = node.participants ?? [];
        rows.push(row(node, source ? [source] : [], targets, node.place, sentenceAround(text, node.selectionStart, within)));
        for (const st of node.children) rows.push(statementRow(st, node.place));
      } else if (node.kind === 'statement') rows.push(statementRow(node));
    }
  });
  return rows.join('\r\n') + '\r\n';
}
