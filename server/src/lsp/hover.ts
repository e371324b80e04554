/**
 * The hover card of an entity: Arabic and English name, type, roles with dates (the role held on the
 * article's date first), the role phrases the article itself gives, affiliation, mentions in the
 * article, links, and why the mention matched. Every string from a pack is escaped (see markdown.ts).
 */
import * as path from 'path';
import type { Analysis, EventActor, Mention, OutlineNode, RolePhrase } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { heldOn, orderRoles, todayIso } from '../knowledge/dates';
import type { Entity, Role } from '../knowledge/types';
import { escapeMarkdown, safeLink, WIKIPEDIA_HOST, wikidataLink } from './markdown';

/** Left-to-right isolate and its end (Unicode bidi controls), around dates in Arabic lines. */
const LRI = '\u2066';
const PDI = '\u2069';

const TYPE_LABEL: Record<string, string> = { person: 'person', country: 'country', location: 'place', organization: 'organization' };

const REASON_LABEL: Record<string, string> = {
  alias: 'matched',
  nisba: 'matched the adjective',
  short: 'matched the short form',
  linked: 'matched the surname (full name earlier in the article)',
  role: 'matched the role phrase',
  candidate: 'candidate name (in no pack)',
};

export interface CardInput {
  mention: Mention;
  /** The mention's text as written. */
  surface: string;
  /** The entity, or undefined for a candidate no pack knows. */
  entity: Entity | undefined;
  kb: KnowledgeBase;
  /** The article's date, or today. */
  date: string;
  /** Whether `date` was read from the article (else it is today). */
  dateFromArticle: boolean;
  /** Role phrases the article gives to this entity, as written. */
  rolePhrases: string[];
  mentionsInArticle: number;
  /** Where the pack came from (a file path), shown by its file name. */
  packSource?: string;
}

function nameOf(kb: KnowledgeBase, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const e = kb.get(id);
  // An id no loaded pack defines is shown as code; ids are ASCII by the schema, anything else is dropped.
  if (!e) return `\`${id.replace(/[^A-Za-z0-9._:-]/g, '')}\``;
  return escapeMarkdown(e.name.en ? `${e.name.en} (${e.name.ar})` : e.name.ar);
}

function roleLine(role: Role, kb: KnowledgeBase, held: boolean): string {
  const title = role.title.en ? `${escapeMarkdown(role.title.ar)} — ${escapeMarkdown(role.title.en)}` : escapeMarkdown(role.title.ar);
  const where = [nameOf(kb, role.organization), nameOf(kb, role.country)].filter(Boolean).join(', ');
  // The dates are isolated left to right: inside an Arabic line, «2017 – 2018» would otherwise read reversed.
  const range = `${escapeMarkdown(role.from ?? '…')} – ${escapeMarkdown(role.to ?? '')}`.trimEnd();
  const dates = role.from || role.to ? ` ${LRI}${range}${PDI}` : '';
  return `- ${held ? '**' : ''}${title}${held ? '**' : ''}${where ? ` (${where})` : ''}${dates ? `,${dates}` : ''}`;
}

function links(entity: Entity): string[] {
  const out: string[] = [];
  const l = entity.links;
  if (!l) return out;
  if (l.wikidata) {
    const link = wikidataLink(l.wikidata);
    if (link) out.push(link);
  }
  for (const [lang, value] of [['ar', l.wikipediaAr], ['en', l.wikipediaEn]] as const) {
    if (!value) continue;
    // A full address, or a page title on that language's Wikipedia.
    const address = /^https?:/i.test(value) ? value : `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(value.replace(/ /g, '_'))}`;
    const link = safeLink(`Wikipedia (${lang})`, address, WIKIPEDIA_HOST);
    if (link) out.push(link);
  }
  return out;
}

/** The markdown of a hover card. */
export function renderCard(input: CardInput): string {
  const { mention, entity, kb } = input;
  const lines: string[] = [];
  if (entity) {
    lines.push(`**${escapeMarkdown(entity.name.ar)}**${entity.name.en ? ` — ${escapeMarkdown(entity.name.en)}` : ''}`);
  } else {
    lines.push(`**${escapeMarkdown(input.surface)}**`);
  }
  const kind = entity?.kind ? ` · ${escapeMarkdown(entity.kind)}` : '';
  const form = mention.form === 'adjective' ? ` · adjective «${escapeMarkdown(input.surface)}»` : mention.form === 'title' ? ' · role phrase' : '';
  lines.push('', `*${TYPE_LABEL[mention.type] ?? escapeMarkdown(mention.type)}*${kind}${form}${entity ? ` · \`${entity.id.replace(/[^A-Za-z0-9._:-]/g, '')}\`` : ''}`);
  if (entity?.roles?.length) {
    lines.push('', input.dateFromArticle ? `Roles (article dated ${escapeMarkdown(input.date)}):` : `Roles (as of today, ${escapeMarkdown(input.date)}):`);
    for (const r of orderRoles(entity.roles, input.date)) lines.push(roleLine(r, kb, heldOn(r, input.date)));
  }
  if (input.rolePhrases.length) {
    lines.push('', `In this article: ${input.rolePhrases.map((p) => `«${escapeMarkdown(p)}»`).join('; ')}`);
  }
  if (entity?.country && entity.type !== 'country') {
    lines.push('', `Affiliation: ${nameOf(kb, entity.country)}`);
  }
  lines.push('', `Mentions in this article: ${input.mentionsInArticle}`);
  if (entity) {
    const l = links(entity);
    if (l.length) lines.push('', `Links: ${l.join(' · ')}`);
  }
  lines.push('', '---', '');
  const pack = input.packSource ? `${mention.pack} (${path.basename(input.packSource)})` : mention.pack;
  const reason = REASON_LABEL[mention.reason] ?? 'matched';
  lines.push(mention.known ? `${reason} «${escapeMarkdown(mention.alias)}» in pack ${escapeMarkdown(pack)}` : escapeMarkdown(reason));
  return lines.join('\n');
}

const counts = new WeakMap<Analysis, Map<string, number>>();

/** Mentions per article and entity, counted once per analysis (hovers come often). */
function mentionCounts(analysis: Analysis): Map<string, number> {
  let c = counts.get(analysis);
  if (!c) {
    c = new Map();
    for (const m of analysis.mentions) {
      const key = `${m.article}\u0000${m.entityId}`;
      c.set(key, (c.get(key) ?? 0) + 1);
    }
    counts.set(analysis, c);
  }
  return c;
}

const roleIndex = new WeakMap<Analysis, Map<string, RolePhrase[]>>();

/** The role phrases of each entity, grouped once per analysis: a hover reads one short list, not all of them. */
function rolesByEntity(analysis: Analysis): Map<string, RolePhrase[]> {
  let index = roleIndex.get(analysis);
  if (!index) {
    index = new Map();
    for (const r of analysis.roles) {
      const list = index.get(r.entityId);
      if (list) list.push(r);
      else index.set(r.entityId, [r]);
    }
    roleIndex.set(analysis, index);
  }
  return index;
}

/** The card input for a mention of an analysed document. */
export function cardInput(text: string, analysis: Analysis, mention: Mention, kb: KnowledgeBase, packSource?: string, now = new Date()): CardInput {
  const article = analysis.articles[mention.article];
  const date = article?.date;
  const inArticle = mentionCounts(analysis).get(`${mention.article}\u0000${mention.entityId}`) ?? 1;
  const phrases = (rolesByEntity(analysis).get(mention.entityId) ?? [])
    .filter((r) => !article || (r.start >= article.start && r.end <= article.end))
    .map((r) => r.text);
  return {
    mention,
    surface: text.slice(mention.start, mention.end),
    entity: kb.get(mention.entityId),
    kb,
    date: date ?? todayIso(now),
    dateFromArticle: !!date,
    rolePhrases: [...new Set(phrases)],
    mentionsInArticle: inArticle,
    packSource,
  };
}

const EVENT_CODES: Record<string, string> = {
  '010': 'make statement',
  '012': 'make pessimistic comment',
  '013': 'make optimistic comment',
  '020': 'make an appeal or request',
  '036': 'express intent to meet or negotiate',
  '040': 'consult',
  '041': 'discuss by telephone',
  '042': 'make a visit',
  '043': 'host a visit',
  '044': 'meet at a third location',
  '046': 'engage in negotiation',
  '051': 'praise or endorse',
  '111': 'criticize or denounce',
  '112': 'accuse',
};

/** The meeting or statement whose trigger (selection range) holds `offset`, with its meeting. */
export function eventAt(outline: OutlineNode[], offset: number): { node: OutlineNode; meeting?: OutlineNode } | undefined {
  const visit = (nodes: OutlineNode[], meeting?: OutlineNode): { node: OutlineNode; meeting?: OutlineNode } | undefined => {
    for (const n of nodes) {
      if (n.kind !== 'article' && n.selectionStart <= offset && offset < n.selectionEnd) return { node: n, meeting };
      if (n.start <= offset && offset < n.end) {
        const inner = visit(n.children, n.kind === 'meeting' ? n : meeting);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  // The top level holds the articles, in text order and without overlap: a file holds thousands of
  // them, so the one under the offset is found by binary search rather than by visiting them all.
  if (outline.every((n) => n.kind === 'article')) {
    let lo = 0;
    for (let hi = outline.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (outline[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < outline.length && outline[lo].start <= offset ? visit([outline[lo]]) : undefined;
  }
  return visit(outline);
}

function actorName(kb: KnowledgeBase, a: EventActor): string {
  return 'id' in a ? (nameOf(kb, a.id) ?? '') : `«${escapeMarkdown(a.text)}»`;
}

/** The markdown card of a meeting or statement: code, who took part or spoke, where, at which meeting. */
export function renderEventCard(node: OutlineNode, meeting: OutlineNode | undefined, kb: KnowledgeBase): string {
  const code = node.code ? `${escapeMarkdown(node.code)}${EVENT_CODES[node.code] ? ` (${EVENT_CODES[node.code]})` : ''}` : '';
  const lines = [`**${node.kind === 'meeting' ? 'Meeting' : 'Statement'}**${code ? ` · CAMEO ${code}` : ''}`, '', escapeMarkdown(node.label)];
  if (node.participants?.length) lines.push('', `Participants: ${node.participants.map((a) => actorName(kb, a)).join('; ')}`);
  if (node.speakers?.length) lines.push('', `Speaker: ${node.speakers.map((a) => actorName(kb, a)).join('; ')}`);
  if (node.place) lines.push('', `Place: ${actorName(kb, node.place)}`);
  if (node.occasion) lines.push('', `Occasion: ${escapeMarkdown(node.occasion)}`);
  if (node.kind === 'statement' && meeting) lines.push('', `At the meeting: ${escapeMarkdown(meeting.label)}`);
  if (node.kind === 'meeting' && node.children.length) lines.push('', `Statements: ${node.children.length}`);
  return lines.join('\n');
}
