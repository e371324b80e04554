/**
 * The LSP handlers: each reads the one cached analysis of a document (Session.store) and converts
 * offsets with positions.ts. Every handler is guarded: an unknown or closed document gives an empty
 * result, a cancelled request a RequestCancelled error, and an exception is logged, never thrown.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionKind,
  DocumentHighlightKind,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type SemanticTokens,
  type SemanticTokensDelta,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { normalizeArabic } from '../analysis/normalize';
import type { EntityType, Mention } from '../analysis/types';
import { LEGEND } from '../common/legend';
import { chooseLanguage, label } from '../common/messages';
import { MentionsRequest, type MentionsParams, type MentionsResult } from '../common/protocol';
import { mentionAt, visibleMentions, type DocumentAnalysis } from './documents';
import { cardInput, eventAt, renderCard, renderEventCard } from './hover';
import { WORKSPACE_PACK_DIR, WORKSPACE_PACK_FILE } from './knowledge';
import { addEntity, formatPack, hideAlias, readPack } from './pack-edit';
import { mentionMarks } from './mentions';
import { LineIndex } from './positions';
import type { Session } from './session';
import { documentSymbols, TYPE_GROUPS } from './symbols';
import { encodeMentions, reencodeMentions } from './tokens';
import { pathToUri, uriToPath } from './uri';
import type { WorkspaceDocument } from './workspace';

const SERVER_VERSION = '0.1.0';

/** Documents up to this many code units keep their outline between requests. */
const SYMBOL_CACHE_MAX_CHARS = 4_000_000;

/** Wraps a handler: cancellation and exceptions never escape, unknown documents give `empty`. */
function guarded<P, R>(session: Session, name: string, empty: R, fn: (p: P, token?: CancellationToken) => R) {
  return (p: P, token?: CancellationToken): R | ResponseError<void> => {
    session.touch();
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
    try {
      const result = fn(p, token);
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      return result;
    } catch (e) {
      session.log(`${name} failed: ${(e as Error).stack ?? e}`);
      return empty;
    } finally {
      // Idle time counts from the end of the last request: a long analysis is no pause.
      session.touch();
    }
  };
}

interface At {
  r: DocumentAnalysis;
  mentions: Mention[];
}

export function register(session: Session): void {
  const { connection, store } = session;
  const guard = <P, R>(name: string, empty: R, fn: (p: P, token?: CancellationToken) => R) => guarded(session, name, empty, fn);
  /** The analysis and visible mentions of a document, or undefined (unknown, closed, off, skipped). */
  const at = (uri: string | undefined): At | undefined => {
    const r = uri ? store.analysis(uri) : undefined;
    if (!r || r.skipped) return undefined;
    return { r, mentions: visibleMentions(r, session.settings) };
  };

  /** The full token data of a document, encoded once per analysis and filter (an unchanged document costs nothing). */
  const fullTokens = (a: At): number[] => {
    const r = a.r;
    if (r.tokens && r.tokens.mentions === a.mentions) return r.tokens.data;
    // After an edit, only the tokens of the analysed articles are encoded again (all mentions shown).
    const prev = r.previous;
    const data = (prev && a.mentions === r.analysis.mentions && reencodeMentions(prev.tokens, a.mentions, r.lines, prev.reuse)) || encodeMentions(a.mentions, r.lines);
    r.tokens = { mentions: a.mentions, data, lineCount: r.lines.lineCount };
    r.previous = undefined;
    return data;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.initialize(params);
    session.loadKnowledgeSoon();
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        semanticTokensProvider: { legend: LEGEND, full: { delta: true }, range: true },
        hoverProvider: true,
        // Settings are not read yet: the provider's name follows the client's locale.
        documentSymbolProvider: { label: label('outline.provider', chooseLanguage('auto', params.locale)) },
        documentHighlightProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'arabic-news-lens', version: SERVER_VERSION },
    };
  });
  connection.onInitialized(() => {
    // vscode-languageserver throws when this is registered for a client without folder events.
    if (session.clientCapabilities().workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        session.folders = [...session.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((f): f is string => !!f)];
        session.packsChangedOnDisk();
      });
    }
    session.initialized().catch((e) => session.log(`initialized failed: ${(e as Error).stack ?? e}`));
  });
  connection.onDidChangeConfiguration((p) => {
    const pushed = (p?.settings as Record<string, unknown> | undefined)?.[`arabicNewsLens`];
    session.readConfiguration(pushed).catch((e) => session.log(`configuration failed: ${(e as Error).stack ?? e}`));
  });
  connection.onDidChangeWatchedFiles(() => session.packsChangedOnDisk());

  // Documents: news documents are analysed (debounced), pack documents validated.
  store.documents.onDidOpen((e) => {
    session.touch();
    if (session.isPack(e.document.uri)) session.packEdited(e.document.uri, e.document.getText());
    else if (!session.enabled()) session.sendQuietStatus(e.document.uri, e.document.version, 'disabled');
    else store.schedule(e.document.uri, 0);
  });
  store.documents.onDidChangeContent((e) => {
    session.touch();
    if (session.isPack(e.document.uri)) session.packEdited(e.document.uri, e.document.getText());
    else if (session.enabled()) store.schedule(e.document.uri);
  });
  store.documents.onDidClose((e) => {
    session.touch();
    store.close(e.document.uri);
    session.tokens.forget(e.document.uri);
    // A pack closed without saving goes back to its text on disk.
    if (session.isPack(e.document.uri)) session.packsChangedOnDisk();
    else session.sendQuietStatus(e.document.uri, e.document.version, 'closed');
  });

  // Semantic tokens.
  connection.languages.semanticTokens.on(
    guard('semanticTokens', { data: [] }, (p) => {
      const a = at(p.textDocument?.uri);
      if (!a) return { data: [] };
      const data = fullTokens(a);
      return { resultId: session.tokens.remember(a.r.uri, data), data };
    }),
  );
  connection.languages.semanticTokens.onDelta(
    guard('semanticTokens/delta', { data: [] } as SemanticTokens | SemanticTokensDelta, (p): SemanticTokens | SemanticTokensDelta => {
      const a = at(p.textDocument?.uri);
      if (!a) return { data: [] };
      const data = fullTokens(a);
      const edits = session.tokens.delta(a.r.uri, p.previousResultId, data);
      const resultId = session.tokens.remember(a.r.uri, data);
      return edits ? { resultId, edits } : { resultId, data };
    }),
  );
  connection.languages.semanticTokens.onRange(
    guard('semanticTokens/range', { data: [] }, (p) => {
      const a = at(p.textDocument?.uri);
      if (!a || !p.range) return { data: [] };
      return { data: encodeMentions(a.mentions, a.r.lines, a.r.lines.offsets(p.range)) };
    }),
  );

  // The marks a client draws itself (VS Code's overlay decorations): the visible mentions, from the cached analysis.
  connection.onRequest(
    MentionsRequest,
    guard('mentions', null as MentionsResult | null, (p: MentionsParams): MentionsResult | null => {
      const a = at(p.textDocument?.uri);
      if (!a) return null;
      const ranges = Array.isArray(p.ranges) ? p.ranges.map((r) => a.r.lines.offsets(r)) : undefined;
      return { uri: a.r.uri, version: a.r.version, data: mentionMarks(a.mentions, a.r.lines, ranges) };
    }),
  );

  // Hover.
  connection.onHover(
    guard('hover', null, (p) => {
      const a = at(p.textDocument?.uri);
      if (!a || !p.position) return null;
      const offset = a.r.lines.offset(p.position);
      const m = mentionAt(a.mentions, offset);
      if (!m) {
        // On a trigger (لقاء، التقى، أكد…): the card of the meeting or statement it opens.
        const event = eventAt(a.r.analysis.outline, offset);
        if (!event) return null;
        return {
          contents: { kind: 'markdown', value: renderEventCard(event.node, event.meeting, session.knowledge.kb, session.language) },
          range: a.r.lines.range(event.node.selectionStart, event.node.selectionEnd),
        };
      }
      const kb = session.knowledge.kb;
      const source = kb.packs.find((x) => x.id === m.pack)?.source;
      return {
        contents: { kind: 'markdown', value: renderCard(cardInput(a.r.text, a.r.analysis, m, kb, source, new Date(), session.language)) },
        range: a.r.lines.range(m.start, m.end),
      };
    }),
  );

  // Outline: built once per analysis, filter and knowledge base (editors ask again on every focus).
  connection.onDocumentSymbol(
    guard('documentSymbol', [], (p) => {
      const a = at(p.textDocument?.uri);
      if (!a) return [];
      const kb = session.knowledge.kb;
      const cached = a.r.symbols;
      if (cached && cached.mentions === a.mentions && cached.kb === kb) return cached.symbols;
      const symbols = documentSymbols(a.r.text, a.r.analysis, a.mentions, kb, a.r.lines, session.language);
      // A huge file's outline is tens of megabytes of objects: rebuilt on request rather than kept.
      if (a.r.text.length <= SYMBOL_CACHE_MAX_CHARS) a.r.symbols = { mentions: a.mentions, kb, symbols };
      return symbols;
    }),
  );

  // Navigation.
  connection.onDocumentHighlight(
    guard('documentHighlight', [], (p) => {
      const a = at(p.textDocument?.uri);
      const m = a && p.position && mentionAt(a.mentions, a.r.lines.offset(p.position));
      if (!a || !m) return [];
      return a.mentions.filter((x) => x.entityId === m.entityId).map((x) => ({ range: a.r.lines.range(x.start, x.end), kind: DocumentHighlightKind.Text }));
    }),
  );

  const workspaceDocs = (cancelled: () => boolean): WorkspaceDocument[] =>
    session.workspace.documents(
      session.folders,
      session.settings,
      session.knowledge.kb.version,
      (text) => session.knowledge.analyzer.analyze(text),
      (uri) => {
        const r = store.analysis(uri);
        return r && !r.skipped ? { uri: r.uri, text: r.text, lines: r.lines, analysis: r.analysis } : undefined;
      },
      store.newsDocuments().map((d) => d.uri),
      cancelled,
    );
  const filterVisible = (mentions: Mention[]) =>
    mentions.filter((m) => session.settings.types[m.type as EntityType] && (m.known || session.settings.candidates.enabled));

  connection.onReferences(
    guard('references', [] as Location[], (p, token) => {
      const a = at(p.textDocument?.uri);
      const m = a && p.position && mentionAt(a.mentions, a.r.lines.offset(p.position));
      if (!a || !m) return [];
      const out: Location[] = [];
      // This document first, then the workspace's other articles.
      const docs = workspaceDocs(() => !!token?.isCancellationRequested);
      const self = uriToPath(a.r.uri) ?? a.r.uri;
      docs.sort((x, y) => Number((uriToPath(y.uri) ?? y.uri) === self) - Number((uriToPath(x.uri) ?? x.uri) === self));
      for (const d of docs) {
        for (const x of filterVisible(d.analysis.mentions)) if (x.entityId === m.entityId) out.push({ uri: d.uri, range: d.lines.range(x.start, x.end) });
      }
      return out;
    }),
  );

  connection.onDefinition(
    guard('definition', null as Location | null, (p) => {
      const a = at(p.textDocument?.uri);
      const m = a && p.position && mentionAt(a.mentions, a.r.lines.offset(p.position));
      if (!a || !m) return null;
      const def = session.knowledge.findDefinition(m.entityId);
      if (def) return { uri: pathToUri(def.file), range: new LineIndex(def.text).range(def.start, def.end) };
      const first = a.mentions.find((x) => x.entityId === m.entityId)!;
      return { uri: a.r.uri, range: a.r.lines.range(first.start, first.end) };
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspaceSymbol', [] as SymbolInformation[], (p, token) => {
      const query = (p.query ?? '').trim();
      const qAr = normalizeArabic(query);
      const qEn = query.toLowerCase();
      const kb = session.knowledge.kb;
      const out: SymbolInformation[] = [];
      const kindOf = new Map(TYPE_GROUPS.map((g) => [g.type, g.kind]));
      for (const d of workspaceDocs(() => !!token?.isCancellationRequested)) {
        const file = path.basename(uriToPath(d.uri) ?? d.uri);
        const seen = new Set<string>();
        for (const m of filterVisible(d.analysis.mentions)) {
          if (seen.has(m.entityId)) continue;
          seen.add(m.entityId);
          const e = kb.get(m.entityId);
          const ar = e?.name.ar ?? d.text.slice(m.start, m.end);
          const en = e?.name.en;
          if (query && !normalizeArabic(ar).includes(qAr) && !(en ?? '').toLowerCase().includes(qEn) && !m.entityId.toLowerCase().includes(qEn)) continue;
          out.push({ name: en ? `${ar} — ${en}` : ar, kind: kindOf.get(m.type) ?? SymbolKind.Object, location: { uri: d.uri, range: d.lines.range(m.start, m.end) }, containerName: file });
          if (out.length >= 1000) return out;
        }
        const meetings = (nodes: typeof d.analysis.outline) => {
          for (const n of nodes) {
            if (n.kind === 'meeting' && (!query || normalizeArabic(n.label).includes(qAr) || n.label.toLowerCase().includes(qEn))) {
              out.push({ name: n.label.replace(/\s+/g, ' ').trim() || label('outline.kind.meeting', session.language), kind: SymbolKind.Event, location: { uri: d.uri, range: d.lines.range(n.start, n.end) }, containerName: file });
            }
            meetings(n.children);
          }
        };
        meetings(d.analysis.outline);
      }
      return out;
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', [], (p) => {
      const a = at(p.textDocument?.uri);
      if (!a || a.r.analysis.articles.length < 2) return [];
      return a.r.analysis.articles
        .map((x) => ({ startLine: a.r.lines.position(x.start).line, endLine: a.r.lines.position(x.end).line }))
        .filter((f) => f.endLine > f.startLine);
    }),
  );

  connection.languages.inlayHint.on(
    guard('inlayHint', [], (p) => {
      const a = at(p.textDocument?.uri);
      if (!a || !session.settings.inlayHints.englishNames) return [];
      const range = p.range ? a.r.lines.offsets(p.range) : { start: 0, end: a.r.text.length };
      const kb = session.knowledge.kb;
      const seen = new Set<string>();
      const hints = [];
      for (const m of a.mentions) {
        const key = `${m.article}\u0000${m.entityId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const en = m.known ? kb.get(m.entityId)?.name.en : undefined;
        if (!en || m.end < range.start || m.end > range.end) continue;
        // Inlay labels are plain text; controls and bidi overrides from a pack are dropped.
        const label = en.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
        hints.push({ position: a.r.lines.position(m.end), label: `(${label})`, paddingLeft: true });
      }
      return hints;
    }),
  );

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], (p) => {
      const a = at(p.textDocument?.uri);
      const folder = session.folders[0];
      if (!a || !folder || !p.range) return [];
      const file = path.join(folder, WORKSPACE_PACK_DIR, WORKSPACE_PACK_FILE);
      const { start, end } = a.r.lines.offsets(p.range);
      const actions: CodeAction[] = [];
      const current = session.openText(file) ?? readIfExists(file);
      const pack = readPack(current);
      if (!pack) return []; // The workspace pack is not valid JSON: fixing it comes first.
      const edit = (text: string): WorkspaceEdit | undefined => {
        const uri = pathToUri(file);
        if (current !== undefined) {
          const lines = new LineIndex(current);
          return { changes: { [uri]: [{ range: lines.range(0, current.length), newText: text }] } };
        }
        const ops = session.clientCapabilities().workspace?.workspaceEdit?.resourceOperations ?? [];
        if (!ops.includes('create')) return undefined;
        return {
          documentChanges: [
            { kind: 'create', uri, options: { ignoreIfExists: true } },
            { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
          ],
        };
      };
      const selected = a.r.text.slice(start, end).replace(/\s+/g, ' ').trim();
      if (end > start && selected.length >= 2 && selected.length <= 200 && /[\u0600-\u06FF]/.test(selected) && !/[\r\n]/.test(a.r.text.slice(start, end).trim())) {
        for (const [type, key] of [['person', 'action.addPerson'], ['organization', 'action.addOrganization'], ['location', 'action.addPlace']] as const) {
          const next = addEntity(pack, type, selected);
          const e = edit(formatPack(next.pack));
          if (e) actions.push({ title: label(key, session.language, selected), kind: CodeActionKind.QuickFix, edit: e });
        }
      }
      const m = mentionAt(a.mentions, start);
      if (m && m.known && m.alias && /[\u0600-\u06FF]/.test(m.alias)) {
        const e = edit(formatPack(hideAlias(pack, m.alias)));
        if (e) actions.push({ title: label('action.neverMark', session.language, m.alias), kind: CodeActionKind.QuickFix, edit: e });
      }
      return actions;
    }),
  );

  session.registerCustom((name, empty, fn) => guard(name, empty, fn) as never);
  store.documents.listen(connection);
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
