/**
 * The outline of a document: the core's outline (articles, meetings, statements) when it found
 * meetings; until then each article with its entities grouped by type.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis, Article, EntityType, Mention, OutlineNode } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { LineIndex } from './positions';

const EVENT_KIND: Record<OutlineNode['kind'], SymbolKind> = { article: SymbolKind.File, meeting: SymbolKind.Event, statement: SymbolKind.String };

export const TYPE_GROUPS: { type: EntityType; label: string; kind: SymbolKind }[] = [
  { type: 'person', label: 'People', kind: SymbolKind.Class },
  { type: 'country', label: 'Countries', kind: SymbolKind.Module },
  { type: 'location', label: 'Places', kind: SymbolKind.Namespace },
  { type: 'organization', label: 'Organizations', kind: SymbolKind.Struct },
];

/** A symbol name is never empty (VS Code rejects empty names) and stays on one line. */
function label(s: string, fallback: string): string {
  // Labels can be whole sentences: cut before cleaning, the outline shows 120 characters at most.
  const t = (s.length > 240 ? s.slice(0, 240) : s).replace(/\s+/g, ' ').trim();
  return t ? (t.length > 120 ? `${t.slice(0, 119)}…` : t) : fallback;
}

function outlineSymbol(node: OutlineNode, lines: LineIndex): DocumentSymbol {
  const range = lines.range(node.start, node.end);
  // The selection must lie inside the range; clamp what the core gives.
  const selStart = Math.max(node.start, Math.min(node.selectionStart, node.end));
  const selEnd = Math.max(selStart, Math.min(node.selectionEnd, node.end));
  return {
    name: label(node.label, node.kind),
    detail: node.code ? `CAMEO ${node.code}` : node.kind === 'article' ? datedDetail(node) : undefined,
    kind: EVENT_KIND[node.kind] ?? SymbolKind.Object,
    range,
    selectionRange: lines.range(selStart, selEnd),
    children: node.children.map((c) => outlineSymbol(c, lines)),
  };
}

/** An article's date for the outline, unless it only fell back to today or the default setting. */
function datedDetail(a: { date?: string; dateSource?: string }): string | undefined {
  return a.dateSource === 'today' || a.dateSource === 'setting' ? undefined : a.date;
}

export function articleTitle(text: string, article: Article, index: number): string {
  if (article.headline) return label(text.slice(article.headline.start, article.headline.end), `Article ${index + 1}`);
  const firstLine = text.slice(article.start, article.end).split(/\r\n|\r|\n/).find((l) => l.trim());
  return label(firstLine ? firstLine.slice(0, 80) : '', `Article ${index + 1}`);
}

function entitySymbols(text: string, article: Article, index: number, inArticle: readonly Mention[], kb: KnowledgeBase, lines: LineIndex): DocumentSymbol {
  const groups: DocumentSymbol[] = [];
  for (const g of TYPE_GROUPS) {
    const firsts = new Map<string, { m: Mention; count: number }>();
    for (const m of inArticle) {
      if (m.type !== g.type) continue;
      const f = firsts.get(m.entityId);
      if (f) f.count++;
      else firsts.set(m.entityId, { m, count: 1 });
    }
    if (!firsts.size) continue;
    const children = [...firsts.values()].map(({ m, count }): DocumentSymbol => {
      const e = kb.get(m.entityId);
      const r = lines.range(m.start, m.end);
      return {
        name: label(e?.name.ar ?? text.slice(m.start, m.end), m.entityId),
        detail: [e?.name.en, `×${count}`].filter(Boolean).join(' '),
        kind: g.kind,
        range: r,
        selectionRange: r,
      };
    });
    // First mentions come in text order: the group spans from the first to the last of them.
    const list = [...firsts.values()].map((f) => f.m);
    const start = list[0].start;
    const end = list[list.length - 1].end;
    groups.push({
      name: g.label,
      detail: String(children.length),
      kind: g.kind,
      range: lines.range(start, end),
      selectionRange: lines.range(list[0].start, list[0].end),
      children,
    });
  }
  const sel = article.headline ?? { start: article.start, end: article.start };
  return {
    name: articleTitle(text, article, index),
    detail: datedDetail(article),
    kind: SymbolKind.File,
    range: lines.range(article.start, article.end),
    selectionRange: lines.range(sel.start, sel.end),
    children: groups,
  };
}

export function documentSymbols(text: string, analysis: Analysis, mentions: readonly Mention[], kb: KnowledgeBase, lines: LineIndex): DocumentSymbol[] {
  if (analysis.outline.some((n) => n.children.length)) return analysis.outline.map((n) => outlineSymbol(n, lines));
  const byArticle: Mention[][] = analysis.articles.map(() => []);
  for (const m of mentions) byArticle[m.article]?.push(m);
  return analysis.articles.map((a, i) => entitySymbols(text, a, i, byArticle[i], kb, lines));
}
