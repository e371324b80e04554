/**
 * The analysis entry point: text in, plain data out. An Analyzer is built once per knowledge-base
 * version (it owns the matching index) and analyses any number of texts.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { segmentArticles } from './articles';
import { extractEvents } from './events';
import { findCandidates, type CandidateOptions } from './candidates';
import { Gazetteer } from './gazetteer';
import { matchMentions, newArticleState } from './match';
import { entityInfoFromKb, extractRoles, mergeMentions } from './roles';
import { SentenceCollector } from './sentences';
import { TokenBuffer } from './tokenize';
import type { Analysis, Article, EntitySummary, Mention } from './types';

/** Text is tokenized in pieces of about this many code units, cut at a line break or a space. */
const CHUNK = 1 << 18;

export interface AnalyzeOptions {
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
    if (anyCandidates) findCandidates(buf, out, first, state, candidates);
    from = to;
  }
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
    const mentions: Mention[] = [];
    const sentences = new SentenceCollector();
    const candidates = { ...DEFAULT_CANDIDATES, ...options.candidates };
    articles.forEach((article, index) => matchArticle(text, article, index, this.buf, this.gazetteer, candidates, mentions, sentences));
    // Role phrases and title mentions, then meetings and statements (see roles.ts and events.ts).
    const info = entityInfoFromKb(this.kb);
    const found = extractRoles(text, articles, mentions, info, sentences);
    const all = mergeMentions(mentions, found.titleMentions);
    const outline = options.outline === false ? [] : extractEvents(text, articles, all, found, info);
    return { length: text.length, mentions: all, entities: summarize(all), articles, roles: found.roles, outline };
  }
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
