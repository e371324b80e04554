/**
 * CSV export of events (meetings and statements), one row per event: `news-lens --format csv` and the
 * editor's export. Pure: text and analysis in, CSV out (RFC 4180, CRLF line ends).
 */
import type { Analysis, EventActor, Mention, OutlineNode } from '../analysis/types';
import { csvField } from './csv';

export const EVENT_CSV_COLUMNS = ['article', 'date', 'code', 'source actors', 'target actors', 'place', 'sentence'] as const;


const actorText = (a: EventActor) => ('id' in a ? a.id : a.text);
const actors = (list: EventActor[]) => list.map(actorText).join('; ');

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
  const speakers = new Set((node.speakers ?? []).map(actorText));
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
export function eventsToCsv(text: string, analysis: Analysis): string {
  const rows = [EVENT_CSV_COLUMNS.join(',')];
  analysis.outline.forEach((articleNode, index) => {
    const article = analysis.articles[index];
    const name = articleNode.label || String(index + 1);
    const date = article?.date ?? '';
    const within = article ?? { start: 0, end: text.length };
    const mentions = analysis.mentions.filter((m) => m.start >= within.start && m.end <= within.end);
    const statementRow = (node: OutlineNode, place?: EventActor) =>
      [name, date, node.code ?? '', actors(node.speakers ?? []), actors(targetsOf(node, mentions)), place ? actorText(place) : '', text.slice(node.start, node.end).replace(/\s+/g, ' ').trim()];
    for (const node of articleNode.children) {
      if (node.kind === 'meeting') {
        const [source, ...targets] = node.participants ?? [];
        rows.push(
          [name, date, node.code ?? '', source ? actorText(source) : '', actors(targets), node.place ? actorText(node.place) : '', sentenceAround(text, node.selectionStart, within)]
            .map(csvField)
            .join(','),
        );
        for (const st of node.children) rows.push(statementRow(st, node.place).map(csvField).join(','));
      } else if (node.kind === 'statement') rows.push(statementRow(node).map(csvField).join(','));
    }
  });
  return rows.join('\r\n') + '\r\n';
}
