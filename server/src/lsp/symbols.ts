/**
 * The outline of a document: the core's outline (articles, meetings, statements) when it found
 * meetings; until then each article with its entities grouped by type. VS Code cuts a long
 * right-to-left name at its start, so each name is short (a statement's verb and speaker, a meeting's
 * parties) and the rest goes to `detail`.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { entityInfoFromKb, type EntityInfo } from '../analysis/roles';
import type { Analysis, Article, EntityType, EventActor, Mention, OutlineNode } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { label, type Lang, type MessageKey } from '../common/messages';
import { cutAtWord, foldSpaces } from '../common/snippets';
import type { LineIndex } from './positions';

const EVENT_KIND: Record<OutlineNode['kind'], SymbolKind> = { article: SymbolKind.File, meeting: SymbolKind.Event, statement: SymbolKind.String };
const KIND_LABEL: Record<OutlineNode['kind'], MessageKey> = { article: 'outline.kind.article', meeting: 'outline.kind.meeting', statement: 'outline.kind.statement' };

/** Longest symbol name, in characters: about what the Outline view shows at its default width. */
export const NAME_MAX = 40;
/** Longest detail part (a statement's gist, a meeting's full names): a narrow Outline cuts the rest. */
export const DETAIL_MAX = 80;

export const TYPE_GROUPS: { type: EntityType; key: MessageKey; kind: SymbolKind }[] = [
  { type: 'person', key: 'outline.people', kind: SymbolKind.Class },
  { type: 'country', key: 'outline.countries', kind: SymbolKind.Module },
  { type: 'location', key: 'outline.places', kind: SymbolKind.Namespace },
  { type: 'organization', key: 'outline.organizations', kind: SymbolKind.Struct },
];

/** A symbol name is never empty (VS Code rejects empty names), stays on one line and is short. */
function shortName(s: string, fallback: string): string {
  return cutAtWord(s, NAME_MAX) || fallback;
}

/** The parts of a core label: `verb — speaker: gist` for statements, `verb: parties` for meetings. */
export function splitEventLabel(text: string): { verb: string; who: string; rest: string } {
  const t = foldSpaces(text.length > 2000 ? text.slice(0, 2000) : text);
  const dash = t.indexOf(' — ');
  const colon = t.indexOf(': ');
  if (dash >= 0 && (colon < 0 || dash < colon)) {
    const after = t.indexOf(': ', dash + 3);
    return after < 0 ? { verb: t.slice(0, dash), who: t.slice(dash + 3), rest: '' } : { verb: t.slice(0, dash), who: t.slice(dash + 3, after), rest: t.slice(after + 2) };
  }
  if (colon >= 0) return { verb: t.slice(0, colon), who: '', rest: t.slice(colon + 2) };
  return { verb: t, who: '', rest: '' };
}

function actorName(a: EventActor, info: EntityInfo, short: boolean): string {
  if ('text' in a) return a.text;
  if (a.id.startsWith('candidate:')) return a.id.slice(10);
  return (short ? info.shortName(a.id) : undefined) ?? info.name(a.id) ?? a.id;
}

function joinParties(names: string[]): string {
  return names.join(names.length === 2 ? ' ↔ ' : '، ');
}

/** Name and detail of a meeting or statement (articles keep their headline). */
export function eventNameAndDetail(node: OutlineNode, info: EntityInfo, lang: Lang): { name: string; detail?: string } {
  const code = node.code ? label('outline.code', lang, node.code) : undefined;
  const fallback = label(KIND_LABEL[node.kind] ?? 'outline.kind.statement', lang);
  const { verb, who, rest } = splitEventLabel(node.label);
  if (node.kind === 'meeting') {
    const parties = node.participants ?? [];
    const short = parties.length ? joinParties(parties.map((a) => foldSpaces(actorName(a, info, true)))) : rest;
    const full = parties.length ? joinParties(parties.map((a) => foldSpaces(actorName(a, info, false)))) : rest;
    const name = shortName(short ? `${verb}: ${short}` : verb, fallback);
    const place = node.place ? label('outline.place', lang, foldSpaces(actorName(node.place, info, false))) : undefined;
    const occasion = node.occasion ? foldSpaces(node.occasion) : undefined;
    // The full names go to the detail when the name had to shorten or cut them.
    const parts = [full && !name.includes(full) ? full : undefined, place, occasion].filter((x): x is string => !!x);
    const detail = [...parts.map((x) => cutAtWord(x, DETAIL_MAX)), code].filter(Boolean).join(' · ');
    return { name, detail: detail || undefined };
  }
  const head = who ? `${verb} — ${who}` : verb;
  const name = shortName(head, fallback);
  // What the name could not hold (a long speaker) comes before the gist.
  const lost = name.length < foldSpaces(head).length && who ? `${who}: ` : '';
  const detail = [rest || lost ? cutAtWord(lost + rest, DETAIL_MAX) : undefined, code].filter(Boolean).join(' · ');
  return { name, detail: detail || undefined };
}

function outlineSymbol(node: OutlineNode, lines: LineIndex, info: EntityInfo, lang: Lang, text: string, article?: Article, index = 0): DocumentSymbol {
  const range = lines.range(node.start, node.end);
  // The selection must lie inside the range; clamp what the core gives.
  const selStart = Math.max(node.start, Math.min(node.selectionStart, node.end));
  const selEnd = Math.max(selStart, Math.min(node.selectionEnd, node.end));
  const own =
    node.kind === 'article'
      ? { name: article ? articleTitle(text, article, index, lang) : shortName(node.label, label('outline.article', lang, index + 1)), detail: datedDetail(article ?? node) }
      : eventNameAndDetail(node, info, lang);
  return {
    name: own.name,
    detail: own.detail,
    kind: EVENT_KIND[node.kind] ?? SymbolKind.Object,
    range,
    selectionRange: lines.range(selStart, selEnd),
    children: node.children.map((c) => outlineSymbol(c, lines, info, lang, text)),
  };
}

/** An article's date for the outline, unless it only fell back to today or the default setting. */
function datedDetail(a: { date?: string; dateSource?: string }): string | undefined {
  return a.dateSource === 'today' || a.dateSource === 'setting' ? undefined : a.date;
}

/** The article's headline (or first line), cut on a word at `max` characters (the outline's by default). */
export function articleTitle(text: string, article: Article, index: number, lang: Lang = 'en', max = NAME_MAX): string {
  const fallback = label('outline.article', lang, index + 1);
  const line = article.headline
    ? text.slice(article.headline.start, article.headline.end)
    : text.slice(article.start, Math.min(article.end, article.start + 4000)).split(/\r\n|\r|\n/).find((l) => l.trim()) ?? '';
  return cutAtWord(line, max) || fallback;
}

function entitySymbols(text: string, article: Article, index: number, inArticle: readonly Mention[], kb: KnowledgeBase, lines: LineIndex, lang: Lang): DocumentSymbol {
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
        name: shortName(e?.name.ar ?? text.slice(m.start, m.end), m.entityId),
        detail: [e?.name.en, label('outline.mentions', lang, count)].filter(Boolean).join(' '),
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
      name: label(g.key, lang),
      detail: String(children.length),
      kind: g.kind,
      range: lines.range(start, end),
      selectionRange: lines.range(list[0].start, list[0].end),
      children,
    });
  }
  const sel = article.headline ?? { start: article.start, end: article.start };
  return {
    name: articleTitle(text, article, index, lang),
    detail: datedDetail(article),
    kind: SymbolKind.File,
    range: lines.range(article.start, article.end),
    selectionRange: lines.range(sel.start, sel.end),
    children: groups,
  };
}

export function documentSymbols(text: string, analysis: Analysis, mentions: readonly Mention[], kb: KnowledgeBase, lines: LineIndex, lang: Lang = 'en'): DocumentSymbol[] {
  if (analysis.outline.some((n) => n.children.length)) {
    const info = entityInfoFromKb(kb);
    // An article node spans its article: find it by its start.
    const byStart = new Map(analysis.articles.map((a, i) => [a.start, i]));
    return analysis.outline.map((n, k) => {
      const i = byStart.get(n.start) ?? k;
      return outlineSymbol(n, lines, info, lang, text, analysis.articles[i], i);
    });
  }
  const byArticle: Mention[][] = analysis.articles.map(() => []);
  for (const m of mentions) byArticle[m.article]?.push(m);
  return analysis.articles.map((a, i) => entitySymbols(text, a, i, byArticle[i], kb, lines, lang));
}
