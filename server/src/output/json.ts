/**
 * The JSON shape of an analysis, shared by `--format json`, `--jsonl` and the editor's export: the
 * articles with their date and its source, every mention (a person's with the role held on its
 * article's date), and the outline.
 */
import type { DateSource } from '../analysis/dates';
import type { Analysis, Article, EventActor, OutlineNode } from '../analysis/types';
import { roleOnDate } from '../knowledge/dates';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Entity } from '../knowledge/types';

/** The role a person held on the article's date, as the pack gives it. */
export interface JsonRoleAtDate {
  title: { ar: string; en?: string };
  /** The organization's id and names, when the pack names one. */
  organization?: { id: string; ar?: string; en?: string };
  country?: string;
  start?: string;
  end?: string;
  /** `may-have-ended` when the date falls inside the end's precision (an end of «2015», a date in July 2015). */
  status: 'held' | 'may-have-ended';
}

export interface JsonEntity {
  start: number;
  end: number;
  text: string;
  type: string;
  form: string;
  id: string;
  known: boolean;
  name: { ar: string; en?: string };
  reason: string;
  alias: string;
  pack: string;
  /** Index of the article (in `articles`) that holds the mention. */
  article: number;
  roleAtDate?: JsonRoleAtDate;
}

export interface JsonArticle {
  start: number;
  end: number;
  headline?: string;
  date?: string;
  dateSource?: DateSource;
}

export interface JsonOutlineNode {
  kind: string;
  label: string;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  code?: string;
  participants?: (string | { text: string })[];
  speakers?: (string | { text: string })[];
  place?: string | { text: string };
  occasion?: string;
  status?: 'held' | 'planned' | 'reported';
  tense?: 'past' | 'present' | 'future';
  date?: string;
  dateSource?: DateSource;
  children: JsonOutlineNode[];
}

const actor = (a: EventActor): string | { text: string } => ('id' in a ? a.id : { text: a.text });

export function outlineToJson(node: OutlineNode): JsonOutlineNode {
  const out: JsonOutlineNode = {
    kind: node.kind,
    label: node.label,
    start: node.start,
    end: node.end,
    selectionStart: node.selectionStart,
    selectionEnd: node.selectionEnd,
    children: node.children.map(outlineToJson),
  };
  if (node.code) out.code = node.code;
  if (node.participants) out.participants = node.participants.map(actor);
  if (node.speakers) out.speakers = node.speakers.map(actor);
  if (node.place) out.place = actor(node.place);
  if (node.occasion) out.occasion = node.occasion;
  if (node.status) out.status = node.status;
  if (node.tense) out.tense = node.tense;
  if (node.date) out.date = node.date;
  if (node.dateSource) out.dateSource = node.dateSource;
  return out;
}

/** The role `entity` held on `date`, in the JSON shape; undefined when no dated role covers the date. */
export function roleAtDateJson(entity: Entity | undefined, date: string | undefined, kb: KnowledgeBase): JsonRoleAtDate | undefined {
  if (!entity || entity.type !== 'person' || !date) return undefined;
  const found = roleOnDate(entity.roles, date);
  if (!found) return undefined;
  const r = found.role;
  const out: JsonRoleAtDate = { title: { ar: r.title.ar, ...(r.title.en ? { en: r.title.en } : {}) }, status: found.status };
  if (r.organization) {
    const org = kb.get(r.organization);
    out.organization = { id: r.organization, ...(org ? { ar: org.name.ar, ...(org.name.en ? { en: org.name.en } : {}) } : {}) };
  }
  if (r.country) out.country = r.country;
  if (r.from) out.start = r.from;
  if (r.to) out.end = r.to;
  return out;
}

export function articleToJson(text: string, a: Article): JsonArticle {
  const out: JsonArticle = { start: a.start, end: a.end };
  if (a.headline) out.headline = text.slice(a.headline.start, a.headline.end).trim();
  if (a.date) out.date = a.date;
  if (a.dateSource) out.dateSource = a.dateSource;
  return out;
}

export function toJsonDocument(text: string, analysis: Analysis, kb: KnowledgeBase): { articles: JsonArticle[]; entities: JsonEntity[]; outline: JsonOutlineNode[] } {
  // A sliced analysis (one article of a document) keeps the mentions' article indices of the whole.
  const articleAt = (index: number) => analysis.articles.length === 1 ? analysis.articles[0] : analysis.articles[index];
  const roles = new Map<string, JsonRoleAtDate | undefined>();
  const entities = analysis.mentions.map((m): JsonEntity => {
    const e = kb.get(m.entityId);
    const surface = text.slice(m.start, m.end);
    const out: JsonEntity = {
      start: m.start,
      end: m.end,
      text: surface,
      type: m.type,
      form: m.form,
      id: m.entityId,
      known: m.known,
      name: e ? { ar: e.name.ar, ...(e.name.en ? { en: e.name.en } : {}) } : { ar: surface },
      reason: m.reason,
      alias: m.alias,
      pack: m.pack,
      article: m.article,
    };
    if (e?.type === 'person') {
      const date = articleAt(m.article)?.date;
      const key = `${m.entityId}\u0000${date}`;
      if (!roles.has(key)) roles.set(key, roleAtDateJson(e, date, kb));
      const role = roles.get(key);
      if (role) out.roleAtDate = role;
    }
    return out;
  });
  return { articles: analysis.articles.map((a) => articleToJson(text, a)), entities, outline: analysis.outline.map(outlineToJson) };
}
