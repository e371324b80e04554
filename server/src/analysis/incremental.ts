/**
 * Incremental analysis for an editor: each `update(text)` returns what `Analyzer.analyze(text,
 * {outline: false})` returns, but re-analyses only the articles that the edit touched.
 *
 * Why articles: an article's mentions depend on its own text only (its state, the names seen so far
 * and the last names to link, starts empty at each article), so an article whose text did not change
 * gives the same mentions, shifted by the edit's length change. An edit that changes which names an
 * article saw earlier thus re-runs the rest of that article, and never more. The article containing
 * the edit is re-analysed whole; a file that is one huge article degrades to a full re-analysis of it
 * (the server must then debounce its updates and drop stale ones).
 *
 * Article boundaries are recomputed with `segmentArticles` over the whole text (one linear pass, no
 * matching), so they are always exactly those of a full analysis.
 */
import type { Analyzer } from './analyzer';
import { articleRules, datedOutline, DEFAULT_CANDIDATES, matchArticle, summarize } from './analyzer';
import { segmentArticles } from './articles';
import { resolveDates, type DateOptions } from './dates';
import type { CandidateOptions } from './candidates';
import { entityInfoFromKb, mergeMentions, type EntityInfo } from './roles';
import { SentenceCollector } from './sentences';
import { TokenBuffer } from './tokenize';
import type { Analysis, Article, Mention, OutlineNode, RolePhrase } from './types';

/** What one update did, for tests, logs and the benchmark. */
export interface IncrementalStats {
  articles: number;
  /** Articles whose results were reused (shifted when after the edit). */
  reused: number;
  /** Articles analysed again, and how many code units they hold. */
  analysed: number;
  analysedChars: number;
  /**
   * When the update started from a previous text and analysed some article: the mentions kept from the
   * articles before the first one analysed (unchanged, at the same offsets) and after the last one
   * (unchanged but shifted), where the kept articles before end (0 when none) and where those after
   * begin (the text's length when none), in the new text. An editor re-encodes only the mentions
   * between them.
   */
  reuse?: { mentionsBefore: number; mentionsAfter: number; keptBefore: number; keptAfter: number };
}

/** The results of one article, with the offsets of the text they were computed on. */
interface ArticleResult {
  article: Article;
  mentions: Mention[];
  roles: RolePhrase[];
  /** The article's outline node, when the outline was asked for. */
  outline?: OutlineNode;
}

interface Previous {
  text: string;
  results: ArticleResult[];
  /** Index of an article by its start offset. */
  byStart: Map<number, number>;
}

export interface IncrementalOptions extends DateOptions {
  /** Also extract meetings and statements (the outline), per article. Default true. */
  outline?: boolean;
  /**
   * Where the text changed since the previous update, when the caller knows it (an editor does):
   * old `[start, oldEnd)` became new `[start, newEnd)`, everything else is unchanged. It spares the
   * comparison of the two texts, which on a 10 MB file cost more than re-analysing the edited
   * article. A range wider than the real change is fine (more is re-analysed); a narrower one is not.
   */
  changed?: { start: number; oldEnd: number; newEnd: number };
}

/** Code units compared at once by the native string equality before a char-by-char finish. */
const BLOCK = 4096;

/** Length of the common prefix of two strings; whole blocks are compared natively (memcmp). */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** A copy of a mention moved by `d` code units into article `index`. */
function shiftMention(m: Mention, d: number, index: number): Mention {
  const c = { ...m };
  c.start += d;
  c.end += d;
  c.article = index;
  return c;
}

/** A copy of a value with every `{start, end}` span in it moved by `d` (articles, their headlines…). */
function shiftSpans<T>(v: T, d: number): T {
  if (Array.isArray(v)) return v.map((x) => shiftSpans(x, d)) as T;
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  const isSpan = typeof (v as Partial<Article>).start === 'number' && typeof (v as Partial<Article>).end === 'number';
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = isSpan && (k === 'start' || k === 'end') ? (x as number) + d : shiftSpans(x, d);
  return out as T;
}

/**
 * The articles of the new text, segmenting again only a window around the edit. Segmentation is a
 * left-to-right pass over lines that starts afresh at each article and looks at most two lines
 * ahead; so the window starts one whole article before the first article the edit may touch (the
 * lookahead of the edited article's start then stays in the window) and ends with the first article
 * wholly after the edit. Articles outside the window are the old ones, shifted after the edit.
 */
function resegment(prev: Previous, text: string, same: number, tail: number, delta: number): Article[] {
  const old = prev.results;
  const editEndOld = prev.text.length - tail; // The edit is [same, editEndOld) in the old text.
  let first = -1; // Last old article that ends before the edit.
  for (let lo = 0, hi = old.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (old[mid].article.end < same) (first = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  let last = old.length; // First old article that starts after the edit.
  for (let lo = 0, hi = old.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (old[mid].article.start > editEndOld) (last = mid), (hi = mid - 1);
    else lo = mid + 1;
  }
  const from = first - 1 >= 0 ? old[first - 1].article.start : 0;
  const fromIndex = first - 1 >= 0 ? first - 1 : 0;
  const to = last < old.length ? old[last].article.end + delta : text.length;
  if (from === 0 && to === text.length) return segmentArticles(text);
  const out: Article[] = [];
  for (let i = 0; i < fromIndex; i++) out.push(old[i].article);
  for (const a of segmentArticles(text.slice(from, to))) out.push(from ? shiftSpans(a, from) : a);
  for (let i = last + 1; i < old.length; i++) out.push(delta ? shiftSpans(old[i].article, delta) : old[i].article);
  return out;
}

/** A change range that fits both texts and agrees with their lengths. */
function validHint(h: NonNullable<IncrementalOptions['changed']>, oldLength: number, newLength: number): boolean {
  return (
    Number.isInteger(h.start) &&
    h.start >= 0 &&
    h.oldEnd >= h.start &&
    h.newEnd >= h.start &&
    h.oldEnd <= oldLength &&
    h.newEnd <= newLength &&
    oldLength - h.oldEnd === newLength - h.newEnd
  );
}

/** The unchanged stretches around the analysed articles (see IncrementalStats.reuse). */
function reuseOf(results: ArticleResult[], analysed: Uint8Array, articles: Article[], length: number): NonNullable<IncrementalStats['reuse']> {
  const first = analysed.indexOf(1);
  const last = analysed.lastIndexOf(1);
  let mentionsBefore = 0;
  for (let i = 0; i < first; i++) mentionsBefore += results[i].mentions.length;
  let mentionsAfter = 0;
  for (let i = last + 1; i < results.length; i++) mentionsAfter += results[i].mentions.length;
  return { mentionsBefore, mentionsAfter, keptBefore: first > 0 ? articles[first - 1].end : 0, keptAfter: last + 1 < articles.length ? articles[last + 1].start : length };
}

function moveOutline(n: OutlineNode, d: number): void {
  n.start += d;
  n.end += d;
  n.selectionStart += d;
  n.selectionEnd += d;
  for (const c of n.children) moveOutline(c, d);
}

function shiftOutline(n: OutlineNode, d: number): OutlineNode {
  return { ...n, start: n.start + d, end: n.end + d, selectionStart: n.selectionStart + d, selectionEnd: n.selectionEnd + d, children: n.children.map((c) => shiftOutline(c, d)) };
}

export class IncrementalAnalyzer {
  private previous: Previous | undefined;
  private readonly buf = new TokenBuffer();
  private readonly sentences = new SentenceCollector();
  private readonly candidates: CandidateOptions;
  private readonly info: EntityInfo;
  lastStats: IncrementalStats = { articles: 0, reused: 0, analysed: 0, analysedChars: 0 };

  /**
   * @param inPlace move the mentions, roles and outline nodes of the articles after an edit in place
   *   instead of copying them: faster, but then each update invalidates the Analysis the previous
   *   update returned (an editor that keeps only the latest analysis wants this).
   */
  constructor(
    readonly analyzer: Analyzer,
    candidates: Partial<CandidateOptions> = {},
    private readonly inPlace = false,
  ) {
    this.candidates = { ...DEFAULT_CANDIDATES, ...candidates };
    this.info = entityInfoFromKb(analyzer.kb);
  }

  /** Forgets the previous text (after a knowledge-base change, say). */
  reset(): void {
    this.previous = undefined;
  }

  /** The analysis of `text`, as `Analyzer.analyze(text, options)` gives it. */
  update(text: string, options: IncrementalOptions = {}): Analysis {
    const withOutline = options.outline !== false;
    const prev = this.previous;

    // The edit, as the unchanged prefix [0, same) and suffix: new [text.length - tail, end) equals
    // old [prev.length - tail, end). Articles wholly inside either are reused.
    let same = 0;
    let tail = 0;
    const delta = prev ? text.length - prev.text.length : 0;
    const hint = options.changed;
    if (prev && hint && validHint(hint, prev.text.length, text.length)) {
      same = hint.start;
      tail = text.length - hint.newEnd;
    } else if (prev) {
      same = commonPrefix(prev.text, text);
      tail = commonSuffix(prev.text, text, Math.min(prev.text.length, text.length) - same);
    }
    const articles = prev ? resegment(prev, text, same, tail, delta) : segmentArticles(text);
    resolveDates(articles, options);
    const results: ArticleResult[] = [];
    const stats: IncrementalStats = { articles: articles.length, reused: 0, analysed: 0, analysedChars: 0 };
    const analysedFlags = new Uint8Array(articles.length);

    articles.forEach((article, index) => {
      if (prev) {
        // Old article with the same text: before the edit at the same offsets, after it shifted.
        const before = article.end <= same;
        const after = article.start >= text.length - tail;
        const old = before ? prev.byStart.get(article.start) : after ? prev.byStart.get(article.start - delta) : undefined;
        const o = old === undefined ? undefined : prev.results[old];
        const shift = before ? 0 : delta;
        if (o && o.article.start + shift === article.start && o.article.end + shift === article.end && (o.outline || !withOutline)) {
          results.push(shift === 0 && old === index ? { ...o, article } : this.shifted(o, article, index, shift));
          stats.reused++;
          return;
        }
      }
      results.push(this.analyseArticle(text, article, index, withOutline));
      analysedFlags[index] = 1;
      stats.analysed++;
      stats.analysedChars += article.end - article.start;
    });

    if (prev && stats.analysed > 0) stats.reuse = reuseOf(results, analysedFlags, articles, text.length);
    this.previous = { text, results, byStart: new Map(articles.map((a, i) => [a.start, i])) };
    this.lastStats = stats;
    const mentions: Mention[] = [];
    const roles: RolePhrase[] = [];
    const outline: OutlineNode[] = [];
    for (const r of results) {
      for (const m of r.mentions) mentions.push(m);
      for (const x of r.roles) roles.push(x);
      if (withOutline && r.outline) outline.push(r.outline);
    }
    datedOutline(outline, articles);
    return { length: text.length, mentions, entities: summarize(mentions), articles, roles, outline };
  }

  private shifted(o: ArticleResult, article: Article, index: number, d: number): ArticleResult {
    if (this.inPlace) {
      // Moving the old objects costs no allocation: on a 10 MB file half the mentions move on
      // every keystroke. The previous Analysis returned then holds the moved objects.
      for (const m of o.mentions) (m.start += d), (m.end += d), (m.article = index);
      for (const r of o.roles) (r.start += d), (r.end += d);
      if (o.outline) moveOutline(o.outline, d);
      o.article = article;
      return o;
    }
    return {
      article,
      mentions: o.mentions.map((m) => shiftMention(m, d, index)),
      roles: d ? o.roles.map((r) => ({ ...r, start: r.start + d, end: r.end + d })) : o.roles,
      outline: o.outline && (d ? shiftOutline(o.outline, d) : o.outline),
    };
  }

  /** One article, exactly as `Analyzer.analyze` does it (same chunks, same passes, fresh state). */
  private analyseArticle(text: string, article: Article, index: number, withOutline: boolean): ArticleResult {
    const mentions: Mention[] = [];
    this.sentences.eager = withOutline;
    matchArticle(text, article, index, this.buf, this.analyzer.gazetteer, this.candidates, mentions, this.sentences);
    const found = articleRules(text, article, index, this.sentences, mentions, 0, this.info, withOutline);
    return { article, mentions: mergeMentions(mentions, found.titleMentions), roles: found.roles, outline: found.outline };
  }
}
