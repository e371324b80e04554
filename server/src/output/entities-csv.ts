/**
 * CSV export of mentions, one row per mention: `news-lens --format csv --csv entities` and the
 * editor's export. Each row carries its article's date and, for a person, the role held on it.
 */
import type { Analysis } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { csvField } from './csv';
import { toJsonDocument } from './json';

export const ENTITY_CSV_COLUMNS = [
  'start',
  'end',
  'text',
  'type',
  'form',
  'id',
  'name_ar',
  'name_en',
  'reason',
  'alias',
  'pack',
  'article',
  'date',
  'date_source',
  'role_ar',
  'role_en',
  'role_status',
] as const;

/**
 * The rows; `position`, when given (the editor, which alone turns offsets into lines), adds a line and
 * a character column after `end`.
 */
export function entitiesToCsv(text: string, analysis: Analysis, kb: KnowledgeBase, position?: (offset: number) => { line: number; character: number }): string {
  const columns: string[] = [...ENTITY_CSV_COLUMNS];
  if (position) columns.splice(2, 0, 'line', 'character');
  const rows = [columns.join(',')];
  const doc = toJsonDocument(text, analysis, kb);
  const articleOf = (i: number) => (doc.articles.length === 1 ? doc.articles[0] : doc.articles[i]);
  for (const e of doc.entities) {
    const a = articleOf(e.article);
    const r = e.roleAtDate;
    const cells: (string | number)[] = [e.start, e.end, e.text, e.type, e.form, e.id, e.name.ar, e.name.en ?? '', e.reason, e.alias, e.pack, e.article + 1, a?.date ?? '', a?.dateSource ?? '', r?.title.ar ?? '', r?.title.en ?? '', r?.status ?? ''];
    if (position) {
      const p = position(e.start);
      cells.splice(2, 0, p.line, p.character);
    }
    rows.push(cells.map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
