/**
 * The hover card of an entity. What this article says comes first (the role it gives the person, its
 * mentions), then the roles on the article's date with where the date came from (the one held then
 * first, a bounded list), affiliation and links, and last why the mention matched. Labels come from
 * card-labels.ts in the session's language; Arabic inside an English line (and English inside an
 * Arabic one) is isolated (FSI…PDI) so that brackets and punctuation stay with their text. Every
 * string from a pack is escaped (see markdown.ts).
 */
import * as path from 'path';
import type { DateSource } from '../analysis/dates';
import type { Analysis, EventActor, Mention, OutlineNode, RolePhrase } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { orderRoles, roleStatus, todayIso } from '../knowledge/dates';
import type { Entity, Role } from '../knowledge/types';
import { CARD_LABELS, type CardLabels, type CardLanguage } from '../output/card-labels';
import { escapeMarkdown, safeLink, WIKIPEDIA_HOST, wikidataLink } from './markdown';

/** Left-to-right isolate and its end (Unicode bidi controls), around dates. */
const LRI = '\u2066';
/** First-strong isolate: the text inside takes its own direction. */
const FSI = '\u2068';
const PDI = '\u2069';

/** At most this many roles are listed; the rest are counted («and 4 earlier roles»). */
export const MAX_ROLES = 4;

const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[A-Za-z]/;

/** Escapes pack text and isolates it when its script is not the card's (Arabic in English, and the reverse). */
function text(s: string, lang: CardLanguage): string {
  const e = escapeMarkdown(s);
  return (lang === 'en' ? ARABIC.test(e) : LATIN.test(e)) ? `${FSI}${e}${PDI}` : e;
}

/** An ISO date (or a range), left to right in any line. */
const dateText = (s: string) => `${LRI}${escapeMarkdown(s)}${PDI}`;

/** An id such as `person:x` as code; ids are ASCII by the schema, anything else is dropped. */
const idCode = (id: string) => `\`${id.replace(/[^A-Za-z0-9._:-]/g, '')}\``;

export interface CardInput {
  mention: Mention;
  /** The mention's text as written. */
  surface: string;
  /** The entity, or undefined for a candidate no pack knows. */
  entity: Entity | undefined;
  kb: KnowledgeBase;
  /** The article's date (ISO). */
  date: string;
  /** Where the date came from; `today` and `setting` mean the article gives none. */
  dateSource: DateSource;
  /** Role phrases the article gives to this entity, as written. */
  rolePhrases: string[];
  mentionsInArticle: number;
  /** Where the pack came from (a file path), shown by its file name. */
  packSource?: string;
  /** The labels' language (default English). */
  lang?: CardLanguage;
}

function nameOf(kb: KnowledgeBase, id: string | undefined, lang: CardLanguage): string | undefined {
  if (!id) return undefined;
  const e = kb.get(id);
  // An id no loaded pack defines is shown as code.
  if (!e) return idCode(id);
  if (!e.name.en) return text(e.name.ar, lang);
  return lang === 'en' ? `${text(e.name.en, lang)} (${text(e.name.ar, lang)})` : `${text(e.name.ar, lang)} (${text(e.name.en, lang)})`;
}

function roleLine(role: Role, kb: KnowledgeBase, date: string, L: CardLabels, lang: CardLanguage): string {
  const title = [role.title.ar, role.title.en].filter((t): t is string => !!t).map((t) => text(t, lang)).join(' — ');
  const where = [nameOf(kb, role.organization, lang), nameOf(kb, role.country, lang)].filter(Boolean).join(lang === 'ar' ? '، ' : ', ');
  const range = `${role.from ?? '…'} – ${role.to ?? ''}`.trimEnd();
  const dates = role.from || role.to ? dateText(range) : '';
  const status = roleStatus(role, date);
  // Only a role surely held on the date is bold; one that may have ended says so.
  const held = status === 'held' && !!(role.from || role.to);
  const note = status === 'may-have-ended' ? ` (${L.mayHaveEnded})` : '';
  const comma = lang === 'ar' ? '،' : ',';
  return `- ${held ? '**' : ''}${title}${held ? '**' : ''}${where ? ` (${where})` : ''}${dates ? `${comma} ${dates}` : ''}${note}`;
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

/** The roles section: the heading with the date and its source, the first MAX_ROLES roles, the rest counted. */
function rolesSection(roles: readonly Role[], input: CardInput, L: CardLabels, lang: CardLanguage): string[] {
  const ordered = orderRoles(roles, input.date);
  const shown = ordered.slice(0, MAX_ROLES);
  const rest = ordered.slice(MAX_ROLES);
  const lines = [L.rolesOn(dateText(input.date), L.source[input.dateSource] ?? input.dateSource)];
  for (const r of shown) lines.push(roleLine(r, input.kb, input.date, L, lang));
  const later = rest.filter((r) => roleStatus(r, input.date) === 'not-started').length;
  const earlier = rest.length - later;
  const more = [earlier ? L.earlierRoles(earlier) : '', later ? L.laterRoles(later) : ''].filter(Boolean);
  if (more.length) lines.push(`- *${more.join(lang === 'ar' ? '، ' : ', ')}*`);
  return lines;
}

/** The markdown of a hover card. */
export function renderCard(input: CardInput): string {
  const { mention, entity, kb } = input;
  const lang = input.lang ?? 'en';
  const L = CARD_LABELS[lang];
  const lines: string[] = [];
  if (entity) {
    const other = entity.name.en ? ` — ${text(entity.name.en, lang)}` : '';
    lines.push(`**${text(entity.name.ar, lang)}**${other}`);
  } else {
    lines.push(`**${text(input.surface, lang)}**`);
  }
  const kind = entity?.kind ? ` · ${text(entity.kind, lang)}` : '';
  const form = mention.form === 'adjective' ? ` · ${L.adjective} «${text(input.surface, lang)}»` : mention.form === 'title' ? ` · ${L.rolePhrase}` : '';
  lines.push('', `*${L.type[mention.type] ?? escapeMarkdown(mention.type)}*${kind}${form}${entity ? ` · ${idCode(entity.id)}` : ''}`);
  // What this article says: the role it gives, and how often it names the entity.
  const phrases = input.rolePhrases.map((p) => `«${text(p, lang)}»`).join(lang === 'ar' ? '؛ ' : '; ');
  lines.push('', `${L.inThisArticle}: ${phrases ? `${phrases} · ` : ''}${L.mentions(input.mentionsInArticle)}`);
  if (entity?.roles?.length) lines.push('', ...rolesSection(entity.roles, input, L, lang));
  if (entity?.country && entity.type !== 'country') {
    lines.push('', `${L.affiliation}: ${nameOf(kb, entity.country, lang)}`);
  }
  if (entity) {
    const l = links(entity);
    if (l.length) lines.push('', `${L.links}: ${l.join(' · ')}`);
  }
  lines.push('', '---', '');
  const pack = input.packSource ? `${escapeMarkdown(mention.pack)} (${escapeMarkdown(path.basename(input.packSource))})` : escapeMarkdown(mention.pack);
  const reason = L.reason[mention.reason] ?? L.reason.alias;
  if (!mention.known) lines.push(reason);
  else if (mention.reason === 'nisba' && entity) {
    // A generated adjective has no written form in the pack: show the text's, and the name it comes from.
    lines.push(`${reason} «${text(input.surface, lang)}» (${L.nisbaOf} ${text(entity.name.ar, lang)}) ${L.inPack} ${lang === 'ar' ? `${FSI}${pack}${PDI}` : pack}`);
  } else {
    lines.push(`${reason} «${text(mention.alias, lang)}» ${L.inPack} ${lang === 'ar' ? `${FSI}${pack}${PDI}` : pack}`);
  }
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
export function cardInput(text: string, analysis: Analysis, mention: Mention, kb: KnowledgeBase, packSource?: string, now = new Date(), lang: CardLanguage = 'en'): CardInput {
  const article = analysis.articles[mention.article];
  const inArticle = mentionCounts(analysis).get(`${mention.article}\u0000${mention.entityId}`) ?? 1;
  const phrases = (rolesByEntity(analysis).get(mention.entityId) ?? [])
    .filter((r) => !article || (r.start >= article.start && r.end <= article.end))
    .map((r) => r.text);
  return {
    mention,
    surface: text.slice(mention.start, mention.end),
    entity: kb.get(mention.entityId),
    kb,
    date: article?.date ?? todayIso(now),
    dateSource: article?.date ? (article.dateSource ?? 'text') : 'today',
    rolePhrases: [...new Set(phrases)],
    mentionsInArticle: inArticle,
    packSource,
    lang,
  };
}

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

function actorName(kb: KnowledgeBase, a: EventActor, lang: CardLanguage): string {
  return 'id' in a ? (nameOf(kb, a.id, lang) ?? '') : `«${text(a.text, lang)}»`;
}

/** The markdown card of a meeting or statement: code, who took part or spoke, where, at which meeting. */
export function renderEventCard(node: OutlineNode, meeting: OutlineNode | undefined, kb: KnowledgeBase, lang: CardLanguage = 'en'): string {
  const L = CARD_LABELS[lang];
  const sep = lang === 'ar' ? '؛ ' : '; ';
  const label = L.eventCodes[node.code ?? ''];
  const code = node.code ? `${escapeMarkdown(node.code)}${label ? ` (${label})` : ''}` : '';
  const lines = [`**${node.kind === 'meeting' ? L.meeting : L.statement}**${code ? ` · CAMEO ${code}` : ''}`, '', text(node.label, lang)];
  if (node.participants?.length) lines.push('', `${L.participants}: ${node.participants.map((a) => actorName(kb, a, lang)).join(sep)}`);
  if (node.speakers?.length) lines.push('', `${L.speaker}: ${node.speakers.map((a) => actorName(kb, a, lang)).join(sep)}`);
  if (node.place) lines.push('', `${L.place}: ${actorName(kb, node.place, lang)}`);
  if (node.occasion) lines.push('', `${L.occasion}: ${text(node.occasion, lang)}`);
  if (node.kind === 'statement' && meeting) lines.push('', `${L.atTheMeeting}: ${text(meeting.label, lang)}`);
  if (node.kind === 'meeting' && node.children.length) lines.push('', `${L.statements}: ${node.children.length}`);
  return lines.join('\n');
}
