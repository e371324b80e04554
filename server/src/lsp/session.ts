/**
 * The server's state behind the handlers: settings, the session toggle, the knowledge base with its
 * pack files and diagnostics, the open documents and their cached analyses, and the custom messages
 * of common/protocol.ts. Handlers (handlers.ts) stay thin and read from here.
 */
import * as path from 'path';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver';
import type { EntityType } from '../analysis/types';
import {
  ArticleSummaryRequest,
  ExportRequest,
  ReloadPacksRequest,
  StatusNotification,
  ToggleRequest,
  type ArticleSummaryParams,
  type ArticleSummaryResult,
  type ExportParams,
  type ExportResult,
  type InitializationOptions,
  type ReloadPacksResult,
  type StatusParams,
  type ToggleParams,
  type ToggleResult,
  type TypeCounts,
} from '../common/protocol';
import { chooseLanguage, label, type Lang } from '../common/messages';
import { DEFAULT_SETTINGS, resolveSettings, SETTINGS_SECTION, type Settings } from '../common/settings';
import { DocumentStore, visibleMentions, type DocumentAnalysis } from './documents';
import { articleSlice, exportCsv, exportEventsCsv, exportJson } from './export';
import { isWorkspacePackPath, KnowledgeService, WORKSPACE_PACK_DIR } from './knowledge';
import { validatePacks } from './pack-validation';
import { LineIndex } from './positions';
import { articleTitle } from './symbols';
import { TokenResults } from './tokens';
import { pathToUri, uriToPath } from './uri';
import { WorkspaceArticles } from './workspace';

export function emptyCounts(): TypeCounts {
  return { person: 0, country: 0, location: 0, organization: 0 };
}

export class Session {
  settings: Settings = DEFAULT_SETTINGS;
  /** The session toggle (arabicNewsLens/toggle); the markup shows when this and `enable` are on. */
  toggledOn = true;
  folders: string[] = [];
  /** The client's display language, from `initialize` (`ar`, `en-US`…), if it sent one. */
  locale: string | undefined;
  private knowledgeService: KnowledgeService | undefined;
  /** Loads the knowledge base; set by `initialize`, run right after its answer or by the first use. */
  private pendingLoad: (() => KnowledgeService) | undefined;
  readonly tokens = new TokenResults();
  readonly workspace = new WorkspaceArticles();
  readonly store: DocumentStore;
  private caps: ClientCapabilities = {};
  private initSettings: unknown;
  /** Pack files that got diagnostics, to clear them when they are fixed or dropped. */
  private diagnosed = new Set<string>();
  private packTimer: NodeJS.Timeout | undefined;
  /** When the server last received a request or a document event (idle work waits for a pause). */
  private lastActivity = performance.now();

  constructor(readonly connection: Connection) {
    this.store = new DocumentStore({
      settings: () => this.settings,
      enabled: () => this.enabled(),
      knowledge: () => this.knowledge,
      isPack: (uri) => this.isPack(uri),
      analysed: (r) => this.sendStatus(r),
      language: () => this.language,
    });
  }

  /**
   * The knowledge base. `initialize` is answered before the packs are read (the client shows the
   * server as ready sooner); they load right after, and anything that needs them before then loads
   * them at once, so no request ever sees an empty knowledge base. Undefined before `initialize`.
   */
  get knowledge(): KnowledgeService {
    const load = this.pendingLoad;
    if (load) {
      this.pendingLoad = undefined;
      this.knowledgeService = load();
    }
    return this.knowledgeService!;
  }

  /** True while the packs of `initialize` are not loaded yet (for tests and logs). */
  get knowledgePending(): boolean {
    return !!this.pendingLoad;
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** What the client said it supports, at initialize. */
  clientCapabilities(): ClientCapabilities {
    return this.caps;
  }

  /**
   * The language of every label the server shows (outline, status texts, messages, hover cards):
   * `arabicNewsLens.cardLanguage` when it names one, else the client's locale.
   */
  get language(): Lang {
    return chooseLanguage(this.settings.cardLanguage, this.locale);
  }

  enabled(): boolean {
    return this.settings.enable && this.toggledOn;
  }

  isPack(uri: string): boolean {
    const file = uriToPath(uri);
    return !!file && (isWorkspacePackPath(file) || (!!this.knowledge && this.knowledge.has(file)));
  }


  /** Called from `initialize`: reads the client's capabilities and options; the packs load after the answer. */
  initialize(params: InitializeParams): void {
    this.caps = params.capabilities ?? {};
    this.locale = typeof params.locale === 'string' ? params.locale : undefined;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.initSettings = options.settings;
    this.settings = resolveSettings(options.settings);
    this.folders = (params.workspaceFolders ?? [])
      .map((f) => uriToPath(f.uri))
      .filter((f): f is string => !!f);
    if (!this.folders.length && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) this.folders.push(root);
    }
    this.pendingLoad = () => {
      const t0 = performance.now();
      const knowledge = new KnowledgeService({ builtin: options.builtinPacks !== false, workspace: options.workspacePacks !== false, log: (m) => this.log(m) });
      knowledge.configure(this.folders, this.settings.packs.paths);
      knowledge.reload((f) => this.openText(f));
      knowledge.onChange = () => this.knowledgeChanged();
      // The matcher's index too: the first document opened should not wait for it.
      void knowledge.analyzer;
      this.log(`knowledge base: ${knowledge.kb.packs.length} packs, ${knowledge.kb.entities.size} entities in ${Math.round(performance.now() - t0)} ms`);
      return knowledge;
    };
  }

  /**
   * Loads the knowledge base once the answer to `initialize` is on its way: vscode-jsonrpc writes
   * replies from a setImmediate queued after the handler returns, so the load waits one turn more.
   */
  loadKnowledgeSoon(): void {
    setImmediate(() => setImmediate(() => void this.knowledge));
  }

  /** Called from `initialized`: registers for change events and reads the configuration. */
  async initialized(): Promise<void> {
    if (this.caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (this.caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const watchers = [{ globPattern: `**/${WORKSPACE_PACK_DIR}/*.json` }, ...this.settings.packs.paths.map((p) => ({ globPattern: path.resolve(this.folders[0] ?? process.cwd(), p) }))];
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    await this.readConfiguration();
    this.publishPackDiagnostics();
    // The built-in packs were parsed but not validated at start-up: they are checked in pauses, one
    // pack at a time, so that the check never holds up the first requests.
    this.whenIdle(() => this.validateBuiltinPacks());
  }

  /** Notes activity: called for every request and document event. */
  touch(): void {
    this.lastActivity = performance.now();
  }

  /** Runs `fn` once nothing has come from the client for `idleMs`. */
  whenIdle(fn: () => void, idleMs = 500): void {
    let due = performance.now() + idleMs;
    const check = (): void => {
      const now = performance.now();
      // A timer that fires late means the thread was busy (a long analysis after an open): no pause.
      if (now - due > 50) this.lastActivity = now;
      const quiet = now - this.lastActivity;
      if (quiet >= idleMs) return fn();
      due = now + idleMs - quiet;
      setTimeout(check, idleMs - quiet).unref();
    };
    setTimeout(check, idleMs).unref();
  }

  /** Checks the built-in packs one at a time, each in a pause; a pack with errors leaves the knowledge base. */
  private validateBuiltinPacks(): void {
    const pending = this.knowledge.pendingValidation();
    let changed = false;
    const step = (): void => {
      try {
        const next = pending.shift();
        if (next) {
          for (const r of validatePacks([next])) if (this.knowledge.applyValidation(r.file, r.text, r.problems)) changed = true;
          this.whenIdle(step, 200);
        } else if (changed) {
          this.knowledge.rebuildAfterValidation();
          this.publishPackDiagnostics();
        }
      } catch (e) {
        this.log(`validating the built-in packs failed: ${(e as Error).stack ?? e}`);
      }
    };
    step();
  }

  /** Reads `arabicNewsLens` from the client (or takes `pushed` from didChangeConfiguration) and applies it. */
  async readConfiguration(pushed?: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (raw === undefined && this.caps.workspace?.configuration) {
      try {
        const [section] = await this.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
        raw = section;
      } catch {
        raw = undefined;
      }
    }
    // A client without the section (Neovim without `settings`) keeps the initialization options.
    const next = raw && typeof raw === 'object' ? resolveSettings(raw) : resolveSettings(this.initSettings);
    const before = this.settings;
    this.settings = next;
    if (JSON.stringify(before.packs.paths) !== JSON.stringify(next.packs.paths)) {
      this.knowledge.configure(this.folders, next.packs.paths);
      this.knowledge.reload((f) => this.openText(f)); // knowledgeChanged refreshes.
      this.publishPackDiagnostics();
    } else if (JSON.stringify(before) !== JSON.stringify(next)) {
      this.store.invalidate();
      this.refreshClients();
    }
  }

  /** The text of an open pack document, by file path. */
  openText(file: string): string | undefined {
    for (const d of this.store.documents.all()) if (uriToPath(d.uri) === file) return d.getText();
    return undefined;
  }

  private openUri(file: string): string {
    for (const d of this.store.documents.all()) if (uriToPath(d.uri) === file) return d.uri;
    return pathToUri(file);
  }

  /** An open pack changed in the editor: validate it soon, and rebuild when it is valid. */
  packEdited(uri: string, text: string): void {
    const file = uriToPath(uri);
    if (!file) return;
    clearTimeout(this.packTimer);
    this.packTimer = setTimeout(() => {
      if (!this.knowledge.has(file)) {
        // A new workspace pack that the folder listing did not have yet.
        this.knowledge.configure(this.folders, this.settings.packs.paths);
      }
      this.knowledge.updateText(file, text);
      this.publishPackDiagnostics();
    }, 150);
  }

  /** Pack files changed on disk (watcher) or a pack was closed: list and read them again. */
  packsChangedOnDisk(): void {
    this.knowledge.configure(this.folders, this.settings.packs.paths);
    this.knowledge.reload((f) => this.openText(f));
    this.publishPackDiagnostics();
  }

  reloadPacks(): ReloadPacksResult {
    const t0 = performance.now();
    this.packsChangedOnDisk();
    return {
      packs: this.knowledge.kb.packs.length,
      entities: this.knowledge.kb.entities.size,
      packsWithErrors: this.knowledge.filesWithErrors,
      ms: Math.round(performance.now() - t0),
    };
  }

  publishPackDiagnostics(): void {
    const now = new Set<string>();
    for (const state of this.knowledge.packFiles) {
      if (state.builtin && !state.problems.length) continue;
      const uri = this.openUri(state.file);
      const lines = new LineIndex(state.text ?? '');
      const diagnostics: Diagnostic[] = state.problems.map((p) => ({
        range: lines.range(p.start, p.end),
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'arabic-news-lens',
        message: state.lastGood && p.severity === 'error' ? label('diagnostic.lastGood', this.language, p.message) : p.message,
      }));
      if (diagnostics.length || this.diagnosed.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) now.add(uri);
    }
    for (const uri of this.diagnosed) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.diagnosed = now;
  }

  private knowledgeChanged(): void {
    this.refreshClients();
  }

  /** Asks the client to fetch tokens and hints again, and re-sends every open document's status. */
  refreshClients(): void {
    if (this.caps.workspace?.semanticTokens?.refreshSupport) void this.connection.languages.semanticTokens.refresh();
    if (this.caps.workspace?.inlayHint?.refreshSupport) void this.connection.languages.inlayHint.refresh();
    for (const d of this.store.newsDocuments()) this.store.schedule(d.uri, 0);
  }

  sendStatus(r: DocumentAnalysis): void {
    const counts = emptyCounts();
    const mentions = this.enabled() ? visibleMentions(r, this.settings) : [];
    for (const m of mentions) counts[m.type as EntityType]++;
    const params: StatusParams = {
      uri: r.uri,
      version: r.version,
      state: r.skipped ? 'skipped' : 'analysed',
      counts,
      entities: new Set(mentions.map((m) => m.entityId)).size,
      mentions: mentions.length,
      analysisMs: Math.round(r.ms * 10) / 10,
      packs: { loaded: this.knowledge.kb.packs.length, withErrors: this.knowledge.filesWithErrors },
      ...(r.skipped ? { message: r.skipped } : {}),
    };
    void this.connection.sendNotification(StatusNotification, params);
    if (r.skipped?.includes('maxFileSizeMB') && !this.store.warnedTooLarge.has(r.uri)) {
      this.store.warnedTooLarge.add(r.uri);
      // A notification, not showMessageRequest: nothing waits for the user to dismiss it.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: r.skipped });
    }
  }

  /** The status of a document that shows no markup (toggle off, setting off or closed). */
  sendQuietStatus(uri: string, version: number, state: 'disabled' | 'closed'): void {
    const params: StatusParams = {
      uri,
      version,
      state,
      counts: emptyCounts(),
      entities: 0,
      mentions: 0,
      analysisMs: 0,
      packs: { loaded: this.knowledge.kb.packs.length, withErrors: this.knowledge.filesWithErrors },
    };
    void this.connection.sendNotification(StatusNotification, params);
  }

  toggle(p: ToggleParams | undefined): ToggleResult {
    this.toggledOn = typeof p?.enabled === 'boolean' ? p.enabled : !this.toggledOn;
    this.refreshClients();
    if (!this.enabled()) for (const d of this.store.newsDocuments()) this.sendQuietStatus(d.uri, d.version, 'disabled');
    return { enabled: this.toggledOn };
  }

  articleSummary(p: ArticleSummaryParams | undefined): ArticleSummaryResult | null {
    const r = p?.textDocument?.uri ? this.store.analysis(p.textDocument.uri) : undefined;
    if (!r || r.skipped) return null;
    const kb = this.knowledge.kb;
    const mentions = visibleMentions(r, this.settings);
    const counts = emptyCounts();
    const byId = new Map<string, ArticleSummaryResult['entities'][number]>();
    for (const m of mentions) {
      counts[m.type as EntityType]++;
      const range = r.lines.range(m.start, m.end);
      const s = byId.get(m.entityId);
      if (s) {
        s.mentions++;
        s.ranges.push(range);
        if (!s.articles.includes(m.article)) s.articles.push(m.article);
        continue;
      }
      const e = kb.get(m.entityId);
      byId.set(m.entityId, {
        id: m.entityId,
        type: m.type,
        known: m.known,
        nameAr: e?.name.ar ?? r.text.slice(m.start, m.end),
        ...(e?.name.en ? { nameEn: e.name.en } : {}),
        mentions: 1,
        firstRange: range,
        ranges: [range],
        articles: [m.article],
      });
    }
    return {
      uri: r.uri,
      version: r.version,
      articles: r.analysis.articles.map((a, index) => ({
        index,
        range: r.lines.range(a.start, a.end),
        ...(a.headline ? { headline: articleTitle(r.text, a, index, this.language, 120) } : {}),
        ...(a.date ? { date: a.date } : {}),
        ...(a.dateSource ? { dateSource: a.dateSource } : {}),
      })),
      entities: [...byId.values()],
      counts,
      analysisMs: Math.round(r.ms * 10) / 10,
    };
  }

  export(p: ExportParams | undefined): ExportResult | null {
    const uri = p?.textDocument?.uri;
    const r = uri ? this.store.analysis(uri) : undefined;
    if (!r || r.skipped || !p) return null;
    const format = p.format === 'csv' || p.format === 'events-csv' ? p.format : 'json';
    let article: number | undefined;
    if (p.position) {
      const at = r.lines.offset(p.position);
      const i = r.analysis.articles.findIndex((a) => at >= a.start && at <= a.end);
      if (i >= 0 && r.analysis.articles.length > 1) article = i;
    }
    const visible = { ...r.analysis, mentions: visibleMentions(r, this.settings) };
    const slice = articleSlice(visible, article);
    const file = uriToPath(r.uri) ?? r.uri;
    const base = path.basename(file).replace(/\.(arnews|ar\.txt|txt)$/, '');
    const suffix = article === undefined ? '' : `.article-${article + 1}`;
    if (format === 'events-csv') {
      return { format, content: exportEventsCsv(r.text, slice, this.knowledge.kb), suggestedName: `${base}${suffix}.events.csv`, mentions: slice.mentions.length };
    }
    const content = format === 'csv' ? exportCsv(r.text, slice, this.knowledge.kb, r.lines) : exportJson(path.basename(file), r.text, slice, this.knowledge.kb);
    return { format, content, suggestedName: `${base}${suffix}.entities.${format}`, mentions: slice.mentions.length };
  }

  /** Registers the custom requests of common/protocol.ts. */
  registerCustom(guard: <P, R>(name: string, empty: R, fn: (p: P) => R) => (p: P) => R): void {
    this.connection.onRequest(ArticleSummaryRequest, guard('articleSummary', null, (p: ArticleSummaryParams) => this.articleSummary(p)));
    this.connection.onRequest(ExportRequest, guard('export', null, (p: ExportParams) => this.export(p)));
    this.connection.onRequest(
      ReloadPacksRequest,
      guard('reloadPacks', { packs: 0, entities: 0, packsWithErrors: 0, ms: 0 }, () => this.reloadPacks()),
    );
    this.connection.onRequest(ToggleRequest, guard('toggle', { enabled: this.toggledOn }, (p: ToggleParams) => this.toggle(p)));
  }
}
