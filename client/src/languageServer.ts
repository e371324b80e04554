/**
 * Starts and supervises the language server (dist/server.js, over Node IPC) with
 * vscode-languageclient. The server does all the analysis; this module only decides when to start it,
 * which documents it receives, and how a crash is handled: the client restarts the server and tells
 * the analyst once per session.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/common/protocol';
import { SETTINGS_SECTION } from '../../server/src/common/settings';
import { documentSelector } from './documents';
import { isolateSymbols } from './outline';
import { semanticTokensMiddleware } from './marks';

/** Restarts allowed within `RESTART_WINDOW_MS` before the client gives up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class LanguageServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly restarts: number[] = [];
  private crashNotices = 0;
  private crashes = 0;
  private readonly onStartedEmitter = new vscode.EventEmitter<LanguageClient>();
  /** Fires each time a new client has started (after `start` or `restart`). */
  readonly onStarted = this.onStartedEmitter.event;

  /**
   * @param onCreated registers notification handlers on a new client before it starts, so that no
   * notification sent while the first documents open is missed.
   */
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly onCreated: (client: LanguageClient) => void,
  ) {}

  /** The running client, if any. */
  get current(): LanguageClient | undefined {
    return this.client;
  }

  /** How many times the server stopped unexpectedly in this session (for tests). */
  get crashCount(): number {
    return this.crashes;
  }

  /** How many crash messages the analyst was shown: at most one per session. */
  get crashNoticeCount(): number {
    return this.crashNotices;
  }

  /** Starts the server once; later calls return the same client. */
  start(): Promise<LanguageClient> {
    if (!this.starting) {
      this.starting = this.create().catch((e) => {
        this.starting = undefined;
        throw e;
      });
    }
    return this.starting;
  }

  /** Stops and starts again, e.g. when workspace trust is granted or the document selector changes. */
  async restart(): Promise<void> {
    const wasStarted = this.starting !== undefined;
    await this.stop();
    if (wasStarted) await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    await vscode.commands.executeCommand('setContext', 'arabicNewsLens.serverRunning', false);
    if (client) await client.stop().catch(() => undefined);
    await client?.dispose().catch(() => undefined);
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    // In an untrusted workspace the server loads the built-in packs only: no `.arabic-news/*.json`
    // and no `arabicNewsLens.packs.paths` (package.json declares this limited support).
    const initializationOptions: InitializationOptions = { workspacePacks: vscode.workspace.isTrusted };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      outputChannel: this.output,
      initializationOptions,
      synchronize: {
        configurationSection: SETTINGS_SECTION,
        // Workspace packs are only watched (and read by the server) in a trusted workspace.
        fileEvents: vscode.workspace.isTrusted ? vscode.workspace.createFileSystemWatcher('**/.arabic-news/*.json') : undefined,
      },
      middleware: {
        // The semantic tokens do not style the text unless arabicNewsLens.marks.style asks (marks.ts).
        ...semanticTokensMiddleware,
        // VS Code's outline draws name and detail in one paragraph: isolate them (see outline.ts).
        provideDocumentSymbols: async (document, token, next) => isolateSymbols(await next(document, token)),
      },
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult => ({
          action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        }),
        closed: (): CloseHandlerResult => this.onServerClosed(),
      },
    };
    const client = new LanguageClient('arabicNewsLens', 'Arabic News Lens', serverOptions, clientOptions);
    this.onCreated(client);
    await client.start();
    this.client = client;
    await vscode.commands.executeCommand('setContext', 'arabicNewsLens.serverRunning', true);
    this.onStartedEmitter.fire(client);
    return client;
  }

  /** Called by the client when the connection to the server closes without a stop() from us. */
  private onServerClosed(): CloseHandlerResult {
    this.crashes++;
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length > MAX_RESTARTS) {
      return {
        action: CloseAction.DoNotRestart,
        message: vscode.l10n.t(
          'Arabic News Lens: the language server stopped {0} times in 3 minutes and will not be restarted. Run "Developer: Reload Window" to try again; the "Arabic News Lens" output has the details.',
          this.restarts.length,
        ),
      };
    }
    if (this.crashNotices === 0) {
      this.crashNotices++;
      // Not awaited: the restart must not wait for the analyst to read the message.
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Arabic News Lens: the language server stopped unexpectedly and was restarted.'), vscode.l10n.t('Show Output'))
        .then((choice) => choice && this.output.show(true));
    }
    this.output.appendLine(`[${new Date().toISOString()}] The language server stopped unexpectedly; restarting it.`);
    return { action: CloseAction.Restart, handled: true };
  }

  /** The process id of the server, for the crash test (vscode-languageclient keeps it private). */
  serverPid(): number | undefined {
    return (this.client as unknown as { _serverProcess?: { pid?: number } } | undefined)?._serverProcess?.pid;
  }

  dispose(): void {
    void this.stop();
    this.onStartedEmitter.dispose();
  }
}
