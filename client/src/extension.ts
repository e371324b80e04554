/**
 * Entry point of the VS Code extension: starts the language server for Arabic news documents and
 * wires the commands, the status-bar item and the Entities view to it. There is no analysis here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type ArticleSummaryResult, type StatusParams } from '../../server/src/common/protocol';
import { SETTINGS_SECTION } from '../../server/src/common/settings';
import { registerCommands } from './commands';
import { isArabicNewsDocument, PlainTextSwitcher } from './documents';
import { EntitiesView } from './entitiesView';
import { LanguageServerController } from './languageServer';
import { Marks, type DrawnMark } from './marks';
import { StatusBar } from './statusBar';

/** What `activate` returns: read by the level-4 tests, and usable by other extensions. */
export interface ArabicNewsLensApi {
  /** Starts the server if needed and resolves with the running client. */
  ready(): Promise<LanguageClient>;
  /** True when the server analyses this document. */
  isArabicNewsDocument(doc: vscode.TextDocument): boolean;
  /** The last status notification for a document. */
  status(uri: vscode.Uri): StatusParams | undefined;
  /** What the Entities view shows now. */
  entities(): ArticleSummaryResult | null;
  /** Re-reads the Entities view from the server. */
  refreshEntities(): Promise<void>;
  /** How many times the server stopped unexpectedly in this session. */
  crashCount(): number;
  /** How many "the server was restarted" messages were shown (one per session at most). */
  crashNotices(): number;
  /** The server's process id (for the crash test). */
  serverPid(): number | undefined;
  /** The marks drawn in the visible editor of a document (overlay decorations), for the tests. */
  marks(uri: vscode.Uri): { version: number; marks: DrawnMark[] } | undefined;
}

let controller: LanguageServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ArabicNewsLensApi> {
  const output = vscode.window.createOutputChannel('Arabic News Lens');
  const statusBar = new StatusBar(isArabicNewsDocument);
  controller = new LanguageServerController(context, output, (client) => {
    client.onNotification(StatusNotification, (p: StatusParams) => {
      statusBar.update(p);
      marks.statusChanged(p);
      const active = vscode.window.activeTextEditor?.document.uri;
      if (active && client.protocol2CodeConverter.asUri(p.uri).toString() === active.toString()) void entities.refresh();
    });
  });
  const server = controller;
  const entities = new EntitiesView(() => server.current, isArabicNewsDocument);
  const marks = new Marks(() => server.current, isArabicNewsDocument);
  context.subscriptions.push(output, server, statusBar, entities, marks);
  context.subscriptions.push(new PlainTextSwitcher((m) => output.appendLine(m)));

  server.onStarted(
    () => {
      statusBar.render();
      void entities.refresh();
      marks.refreshAll();
    },
    undefined,
    context.subscriptions,
  );

  context.subscriptions.push(
    ...registerCommands({
      client: () => server.start(),
      isRelevant: isArabicNewsDocument,
      onToggled: (on) => {
        statusBar.setMarkup(on);
        void vscode.commands.executeCommand('setContext', 'arabicNewsLens.markupOn', on);
      },
      revealEntities: () => entities.reveal(),
    }),
  );

  // Start the server as soon as an Arabic news document is open; a plain-text document may become
  // Arabic while the analyst types or pastes, so edits are checked too until the server runs.
  const startIfRelevant = (doc: vscode.TextDocument) => {
    if (!server.current && isArabicNewsDocument(doc)) void server.start().catch((e) => output.appendLine(String(e)));
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfRelevant),
    vscode.workspace.onDidChangeTextDocument((e) => startIfRelevant(e.document)),
    vscode.window.onDidChangeActiveTextEditor(() => {
      statusBar.render();
      void entities.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector depends on this setting, so the client must start again.
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.plainText.detectArabic`)) void server.restart();
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.plainText`)) statusBar.render();
    }),
    // In an untrusted workspace the server loads the built-in packs only; once trusted, start again
    // so that it reads the workspace packs and `arabicNewsLens.packs.paths`.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void server.restart()),
  );
  vscode.workspace.textDocuments.forEach(startIfRelevant);
  // A workspace with its own packs gets the server (and its pack diagnostics) without an article open.
  if (!server.current && vscode.workspace.isTrusted && (await vscode.workspace.findFiles('.arabic-news/*.json', undefined, 1)).length) {
    void server.start().catch((e) => output.appendLine(String(e)));
  }

  return {
    ready: () => server.start(),
    isArabicNewsDocument,
    status: (uri) => statusBar.statusOf(uri),
    entities: () => entities.current,
    refreshEntities: () => entities.refresh(),
    crashCount: () => server.crashCount,
    crashNotices: () => server.crashNoticeCount,
    serverPid: () => server.serverPid(),
    marks: (uri) => marks.drawn(uri),
  };
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
}
