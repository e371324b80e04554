/**
 * Open documents and ONE cached analysis per document version and knowledge-base version, shared by
 * every handler. Requests analyse a stale document at once; edits schedule a debounced analysis whose
 * result is dropped when the document changed meanwhile, and which then reports the status.
 */
import { TextDocuments, type DocumentSymbol } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyzer';
import { IncrementalAnalyzer, type IncrementalStats } from '../analysis/incremental';
import type { Analysis, EntityType, Mention } from '../analysis/types';
import { label, type Lang } from '../common/messages';
import { isMostlyArabic, type Settings } from '../common/settings';
import type { LineIndex } from './positions';
import type { EncodedTokens } from './tokens';
import { mergeChanges, NewsDocument, type ChangedRange } from './text-document';
import { uriToPath } from './uri';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  kbVersion: number;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
  /** Why the document was not analysed (the analysis is then empty), naming the setting to change. */
  skipped?: string;
  ms: number;
  /** The visible mentions for the filter settings in `key`, computed once (hovers come often). */
  visible?: { key: string; mentions: Mention[] };
  /** The outline for `mentions` and knowledge base `kb`, built once (handlers.ts; not kept for huge files). */
  symbols?: { mentions: Mention[]; kb: object; symbols: DocumentSymbol[] };
  /** The semantic tokens of `mentions`, encoded once (handlers.ts). */
  tokens?: { mentions: Mention[]; data: number[]; lineCount: number };
  /**
   * The tokens of the previous analysis (all mentions) and what the incremental analysis reused since,
   * so that the tokens of this one are re-encoded around the edit only (tokens.ts, reencodeMentions).
   */
  previous?: { tokens: EncodedTokens; reuse: NonNullable<IncrementalStats['reuse']> };
}

const EMPTY: Omit<Analysis, 'length'> = { mentions: [], entities: [], articles: [], roles: [], outline: [] };

/** Languages whose documents are analysed only when they are mostly Arabic. */
const PLAIN_TEXT = new Set(['plaintext', 'text']);

export interface DocumentHost {
  settings(): Settings;
  /** False when the markup is off (setting or toggle). */
  enabled(): boolean;
  knowledge(): { analyzer: Analyzer; kb: { version: number } };
  /** True for pack files, which are validated, never analysed. */
  isPack(uri: string): boolean;
  /** Called when a scheduled analysis finished (or was skipped) for the current version. */
  analysed(result: DocumentAnalysis): void;
  /** The language of the status texts (English when absent). */
  language?(): Lang;
}

export class DocumentStore {
  readonly documents = new TextDocuments<NewsDocument>(NewsDocument);
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /**
   * One incremental analyzer per open document (re-analyses only the edited articles), rebuilt when
   * the knowledge base changes. In place: each update invalidates the previous Analysis of that
   * document, which is fine because the cache keeps only the latest and handlers run one at a time.
   */
  private readonly incremental = new Map<string, IncrementalAnalyzer>();
  /** Documents already told that they are too large, so the warning shows once. */
  readonly warnedTooLarge = new Set<string>();
  /**
   * Per document, the version its incremental analyzer last analysed and what changed since, merged
   * edit by edit; `range` is undefined once a change is unknown (a replaced text, a missed version).
   */
  private readonly changes = new Map<string, { analysed: number; current: number; range?: ChangedRange }>();

  constructor(private readonly host: DocumentHost) {
    this.documents.onDidChangeContent((e) => this.noteChange(e.document));
  }

  private noteChange(doc: NewsDocument): void {
    const c = this.changes.get(doc.uri);
    if (!c || c.current === doc.version) return;
    const change = doc.change;
    if (change && change.from === c.current && (c.range || c.analysed === c.current)) {
      c.range = c.range ? mergeChanges(c.range, change.range) : change.range;
    } else {
      c.range = undefined;
      c.analysed = -1;
    }
    c.current = doc.version;
  }

  /** The change since the last analysis of `doc`, when every edit since is known. */
  private changedSinceAnalysis(doc: NewsDocument): ChangedRange | undefined {
    const c = this.changes.get(doc.uri);
    return c && c.analysed >= 0 && c.current === doc.version ? c.range : undefined;
  }

  get(uri: string): NewsDocument | undefined {
    return this.documents.get(uri);
  }

  /** Open news documents (not packs). */
  newsDocuments(): NewsDocument[] {
    return this.documents.all().filter((d) => !this.host.isPack(d.uri));
  }

  /**
   * The analysis of the document's current version, computed now if needed; undefined for an unknown
   * or closed document, a pack, or when the markup is off. A skipped document gets an empty analysis.
   */
  analysis(uri: string): DocumentAnalysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc || this.host.isPack(uri) || !this.host.enabled()) return undefined;
    const { analyzer, kb } = this.host.knowledge();
    const cached = this.cache.get(uri);
    if (cached && cached.version === doc.version && cached.kbVersion === kb.version) return cached;
    let inc = this.incremental.get(uri);
    if (!inc || inc.analyzer !== analyzer) {
      inc = new IncrementalAnalyzer(analyzer, {}, true);
      this.incremental.set(uri, inc);
    }
    const incremental = inc;
    const changed = this.changedSinceAnalysis(doc);
    const settings = this.host.settings();
    // The document's path and the default date setting are sources of its articles' dates.
    const dates = { path: uriToPath(uri) ?? uri, defaultDate: settings.defaultDate };
    const result = analyse(doc, (text) => incremental.update(text, { changed, ...dates }), kb.version, settings, this.host.language?.());
    // A skipped document was not analysed: the next update must not start from an older text.
    if (result.skipped) incremental.reset();
    this.changes.set(uri, result.skipped ? { analysed: -1, current: doc.version } : { analysed: doc.version, current: doc.version });
    // The incremental analyzer reused articles of its previous text, which gave `cached`: its tokens
    // (of all mentions, unfiltered) can be re-encoded around the edit.
    const reuse = result.skipped ? undefined : incremental.lastStats.reuse;
    const before = cached?.tokens;
    if (reuse && before && cached && before.mentions === cached.analysis.mentions && cached.kbVersion === kb.version) {
      result.previous = { tokens: { data: before.data, lineCount: before.lineCount }, reuse };
    }
    this.cache.set(uri, result);
    return result;
  }

  /** Analyses the document after the debounce delay, unless it changes or closes first. */
  schedule(uri: string, delay = this.host.settings().performance.debounceMs): void {
    clearTimeout(this.timers.get(uri));
    const doc = this.documents.get(uri);
    if (!doc || this.host.isPack(uri)) return;
    const version = doc.version;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const current = this.documents.get(uri);
        // A newer edit has its own timer; a closed document needs nothing.
        if (!current || current.version !== version) return;
        const result = this.analysis(uri);
        if (result && result.version === this.documents.get(uri)?.version) this.host.analysed(result);
      }, delay),
    );
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.cache.delete(uri);
    this.incremental.delete(uri);
    this.changes.delete(uri);
    this.warnedTooLarge.delete(uri);
  }

  /** Drops every cached analysis (after a settings change that affects analysis). */
  invalidate(): void {
    this.cache.clear();
    this.incremental.clear();
    this.changes.clear();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Analyses a document, or explains why not: too large, or plain text that is not Arabic. */
export function analyse(doc: NewsDocument, analyze: (text: string) => Analysis, kbVersion: number, settings: Settings, lang: Lang = 'en'): DocumentAnalysis {
  // The document's own line index (kept up to date edit by edit) and text: no copy, no rescan.
  const { lines } = doc;
  const text = lines.text;
  const base = { uri: doc.uri, version: doc.version, kbVersion, text, lines };
  const limit = settings.performance.maxFileSizeMB;
  // A JavaScript string holds 2 bytes a code unit; the limit is on what the server keeps in memory.
  const mb = (text.length * 2) / (1024 * 1024);
  if (mb > limit) {
    return {
      ...base,
      analysis: { length: text.length, ...EMPTY },
      ms: 0,
      skipped: label('status.tooLarge', lang, mb.toFixed(1), limit),
    };
  }
  if (PLAIN_TEXT.has(doc.languageId) && settings.plainText.detectArabic === false) {
    return { ...base, analysis: { length: text.length, ...EMPTY }, ms: 0, skipped: label('status.plainTextOff', lang) };
  }
  if (PLAIN_TEXT.has(doc.languageId) && !isMostlyArabic(text, settings.plainText.arabicRatio)) {
    return {
      ...base,
      analysis: { length: text.length, ...EMPTY },
      ms: 0,
      skipped: label('status.notArabic', lang, settings.plainText.arabicRatio),
    };
  }
  const t0 = performance.now();
  const analysis = analyze(text);
  return { ...base, analysis, ms: performance.now() - t0 };
}

/** The mentions the editor shows: types and candidates filtered by the settings. */
export function visibleMentions(result: DocumentAnalysis, settings: Settings): Mention[] {
  const t = settings.types;
  const key = `${+t.person}${+t.country}${+t.location}${+t.organization}${+settings.candidates.enabled}`;
  if (result.visible?.key === key) return result.visible.mentions;
  const all = result.analysis.mentions;
  const mentions = key === '11111' ? all : all.filter((m) => t[m.type as EntityType] && (m.known || settings.candidates.enabled));
  result.visible = { key, mentions };
  return mentions;
}

/** The index of the mention at `offset` (inclusive at both ends, as a cursor after a word still touches it). */
export function mentionAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else {
      // A cursor between two adjacent mentions picks the one it starts.
      const next = mentions[mid + 1];
      return next && next.start === offset ? next : m;
    }
  }
  return undefined;
}
