/**
 * The analysis entry point: text in, plain data out. An Analyzer is built once per knowledge-base
 * version (it owns the matching index) and analyses any number of texts.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { segmentArticles } from './articles';
import { resolveDates, type DateOptions } from './dates';
import { articleOutline } from './events';
import { findCandidates, type CandidateOptions } from './candidates';
import { Gazetteer } from './gazetteer';
import { matchMentions, newArticleState } from './match';
import { articleRoles, entityInfoFromKb, mergeMentions, type EntityInfo } from './roles';
import { SentenceCollector } from './sentences';
import { TokenBuffer } from './tokenize';
import type { Analysis, Article, EntitySummary, Mention, OutlineNode, RolePhrase } from './types';

/** Text is tokenized in pieces of about this many code units, cut at a line break or a space. */
const CHUNK = 1 << 18;

/** The date options (`--date`, the file's path, the batch field, the default) decide each article's date. */
export interface AnalyzeOptions extends DateOptions {
  /** Also extract meetings and statements (the outline). Default true. */
  outline?: boolean;
  /** Which kinds of names no pack knows to mark as candidates. Default: see DEFAULT_CANDIDATES. */
  candidates?: Partial<CandidateOptions>;
}

/**
 * Candidate types that raise F1 on the development set (README, Recognition): persons after a title
 * and places after a place noun help; organizations after a head noun cost more precision than they
 * add recall, so they are off unless asked for.
 */
export const DEFAULT_CANDIDATES: CandidateOptions = { person: true, organization: false, location: true };

/** Where to cut a chunk that starts at `from`: at a line break, else a space, at most CHUNK ahead. */
export function chunkEnd(text: string, from: number, to: number): number {
  if (to - from <= CHUNK) return to;
  const limit = from + CHUNK;
  const nl = text.lastIndexOf('\n', limit);
  if (nl > from + (CHUNK >> 1)) return nl + 1;
  const sp = text.lastIndexOf(' ', limit);
  if (sp > from + (CHUNK >> 1)) return sp + 1;
  return limit;
}

/**
 * Matches one article's names, known and candidates, chunk by chunk into `out`, with a fresh article
 * state; `sentences`, when given, collects each chunk's sentences for the role and event passes.
 * Shared by `Analyzer.analyze` and `IncrementalAnalyzer`, so that both cut and match alike.
 */
export function matchArticle(
  text: string,
  article: Article,
  index: number,
  buf: TokenBuffer,
  gazetteer: Gazetteer,
  candidates: CandidateOptions,
  out: Mention[],
  sentences?: SentenceCollector,
): void {
  const state = newArticleState(index);
  const anyCandidates = candidates.person || candidates.organization || candidates.location;
  for (let from = article.start; from < article.end; ) {
    const to = chunkEnd(text, from, article.end);
    buf.fill(text, from, to);
    const first = out.length;
    matchMentions(buf, gazetteer, state, out);
    sentences?.add(text, article, index, buf);
    if (anyCandidates) findCandidates(buf, out, first, state, candidates, text, gazetteer);
    from = to;
  }
}

/** What the rules found in one article. */
export interface ArticleRules {
  roles: RolePhrase[];
  /** Title mentions, sorted, not yet merged with the article's other mentions. */
  titleMentions: Mention[];
  outline?: OutlineNode;
}

/**
 * Role phrases, title mentions and (with `outline`) the outline node of one article, once
 * matchArticle has filled `mentions` (from index `firstMention` on) and `sentences` with it. Shared by
 * `Analyzer.analyze` and `IncrementalAnalyzer`. Nothing of the article's sentences outlives the call.
 */
export function articleRules(
  text: string,
  article: Article,
  index: number,
  sentences: SentenceCollector,
  mentions: Mention[],
  firstMention: number,
  info: EntityInfo,
  outline: boolean,
): ArticleRules {
  const w = articleRoles(text, article, index, sentences.take(), mentions, firstMention, info, outline);
  const titleMentions = w.titleHits.map((h) => h.mention).sort((a, b) => a.start - b.start);
  return { roles: w.roles.map((r) => r.phrase), titleMentions, ...(outline ? { outline: articleOutline(text, w, mentions, info) } : {}) };
}

export class Analyzer {
  readonly gazetteer: Gazetteer;
  private readonly buf = new TokenBuffer();

  constructor(readonly kb: KnowledgeBase) {
    this.gazetteer = new Gazetteer(kb);
  }

  /** Analyses a whole text. Offsets in the result are UTF-16 indices into `text`. */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const articles = segmentArticles(text);
    resolveDates(articles, options);
    const withOutline = options.outline !== false;
    const mentions: Mention[] = [];
    const titleMentions: Mention[] = [];
    const roles: RolePhrase[] = [];
    const outline: OutlineNode[] = [];
    const sentences = new SentenceCollector(withOutline);
    const candidates = { ...DEFAULT_CANDIDATES, ...options.candidates };
    const info = entityInfoFromKb(this.kb);
    // Article by article, so that an article's sentences and work objects are garbage once it is done.
    articles.forEach((article, index) => {
      const first = mentions.length;
      matchArticle(text, article, index, this.buf, this.gazetteer, candidates, mentions, sentences);
      // Role phrases and title mentions, then meetings and statements (see roles.ts and events.ts).
      const found = articleRules(text, article, index, sentences, mentions, first, info, withOutline);
      for (const r of found.roles) roles.push(r);
      for (const m of found.titleMentions) titleMentions.push(m);
      if (found.outline) outline.push(found.outline);
    });
    datedOutline(outline, articles);
    const all = mergeMentions(mentions, titleMentions);
    return { length: text.length, mentions: all, entities: summarize(all), articles, roles, outline };
  }
}

/** Gives each article node of the outline its article's date and source (one node per article, in order). */
export function datedOutline(outline: OutlineNode[], articles: Article[]): void {
  if (outline.length !== articles.length) return;
  outline.forEach((node, i) => {
    if (articles[i].date) node.date = articles[i].date;
    if (articles[i].dateSource) node.dateSource = articles[i].dateSource;
  });
}

/** Per-entity counts in order of first mention. */
export function summarize(mentions: Mention[]): EntitySummary[] {
  const byId = new Map<string, EntitySummary>();
  mentions.forEach((m, i) => {
    const s = byId.get(m.entityId);
    if (s) s.mentions++;
    else byId.set(m.entityId, { id: m.entityId, type: m.type, known: m.known, mentions: 1, firstMention: i });
  });
  return [...byId.values()];
}
