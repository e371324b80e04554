/**
 * Export of a document's (or one article's) entities and outline, as the JSON of `news-lens --format
 * json` or as CSV with one row per mention (the writers live in `output/`; this module adds the line
 * and character of each mention, which only `lsp/` computes).
 */
import type { Analysis } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { entitiesToCsv } from '../output/entities-csv';
import { eventsToCsv } from '../output/events-csv';
import { toJsonDocument } from '../output/json';
import type { LineIndex } from './positions';

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

/** Mentions as CSV (the client adds the byte-order mark when it writes the file). */
export function exportCsv(text: string, analysis: Analysis, kb: KnowledgeBase, lines: LineIndex): string {
  return entitiesToCsv(text, analysis, kb, (offset) => lines.position(offset));
}

/** Meetings and statements as CSV (the client adds the byte-order mark). */
export function exportEventsCsv(text: string, analysis: Analysis, kb: KnowledgeBase): string {
  return eventsToCsv(text, analysis, kb);
}
