/**
 * Export of a document's (or one article's) entities and outline, as the JSON of `news-lens --format
 * json` or as CSV with one row per mention.
 */
import type { Analysis } from '../analysis/types';
import { csvField } from '../cli/csv';
import { toJsonDocument } from '../cli/json';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { LineIndex } from './positions';

export const CSV_COLUMNS = ['start', 'end', 'line', 'character', 'text', 'type', 'form', 'id', 'name_ar', 'name_en', 'reason', 'alias', 'pack'] as const;

/** The analysis restricted to one article (offsets stay those of the whole document). */
export function articleSlice(analysis: Analysis, article: number | undefined): Analysis {
  if (article === undefined) return analysis;
  const a = analysis.articles[article];
  if (!a) return analysis;
  return {
    ...analysis,
    mentions: analysis.mentions.filter((m) => m.article === article),
    articles: [a],
    roles: analysis.roles.filter((r) => r.start >= a.start && r.end <= a.end),
    outline: analysis.outline.filter((n) => n.start >= a.start && n.end <= a.end),
  };
}

export function exportJson(file: string, text: string, analysis: Analysis, kb: KnowledgeBase): string {
  return JSON.stringify({ file, ...toJsonDocument(text, analysis, kb) }, null, 1) + '\n';
}

export function exportCsv(text: string, analysis: Analysis, kb: KnowledgeBase, lines: LineIndex): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of toJsonDocument(text, analysis, kb).entities) {
    const p = lines.position(e.start);
    rows.push(
      [e.start, e.end, p.line, p.character, e.text, e.type, e.form, e.id, e.name.ar, e.name.en ?? '', e.reason, e.alias, e.pack].map(csvField).join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
