/**
 * A minimal LSP client for protocol tests: spawns the real bundled server (`dist/server.js --stdio`)
 * and talks JSON-RPC (vscode-jsonrpc) to it over the child's stdio, answering the server's own requests
 * (workspace/configuration, client/registerCapability, refreshes) and recording its notifications.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver-protocol';

export const REPO = path.join(__dirname, '..', '..', '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');
export const MINI_PACK = path.join(REPO, 'test', 'fixtures', 'packs', 'mini.json');

export interface Started {
  conn: MessageConnection;
  child: ChildProcess;
  init: InitializeResult;
  /** Every notification the server sent, in order. */
  notifications: { method: string; params: any }[];
  /** Requests the server sent to the client, by method. */
  serverRequests: { method: string; params: any }[];
  stderr: () => string;
  /** Resolves with the first notification of `method` that satisfies `test` (already received or to come). */
  waitFor(method: string, test?: (params: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Polite stop: shutdown, exit, and the process's exit code. */
  stop(): Promise<number | null>;
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    semanticTokens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: {
      requests: { full: { delta: true }, range: true },
      tokenTypes: ['person', 'country', 'location', 'organization'],
      tokenModifiers: ['adjective', 'title', 'candidate', 'firstMention'],
      formats: ['relative'],
    },
    publishDiagnostics: {},
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    inlayHint: {},
  },
  window: { showMessage: {} },
};

export interface StartOptions {
  /** The `arabicNewsLens` settings section the client returns to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Load the built-in packs (default false: tests use test/fixtures/packs/mini.json). */
  builtinPacks?: boolean;
  workspaceFolder?: string;
  /** More initialization options (`workspacePacks`…). */
  initializationOptions?: Record<string, unknown>;
  /** The client's display language, sent in `initialize` (`ar`, `en-US`…). */
  locale?: string;
}

export async function startServer(options: StartOptions = {}): Promise<Started> {
  const settings = options.settings ?? { packs: { paths: [MINI_PACK] } };
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: REPO });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const notifications: { method: string; params: any }[] = [];
  const serverRequests: { method: string; params: any }[] = [];
  const waiters: { method: string; test: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  conn.onNotification((method: string, params: any) => {
    notifications.push({ method, params });
    for (const w of [...waiters]) {
      if (w.method === method && w.test(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  conn.onRequest((method: string, params: any) => {
    serverRequests.push({ method, params });
    if (method === 'workspace/configuration') return (params.items as unknown[]).map(() => settings);
    return null;
  });
  conn.listen();
  const folder = options.workspaceFolder;
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
    capabilities: CLIENT_CAPABILITIES,
    ...(options.locale ? { locale: options.locale } : {}),
    initializationOptions: { builtinPacks: options.builtinPacks ?? false, settings, ...options.initializationOptions },
  })) as InitializeResult;
  await conn.sendNotification('initialized', {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    conn,
    child,
    init,
    notifications,
    serverRequests,
    stderr: () => stderr,
    waitFor(method, test = () => true, timeoutMs = 10000) {
      const found = notifications.find((n) => n.method === method && test(n.params));
      if (found) return Promise.resolve(found.params);
      return new Promise((resolve, reject) => {
        const w = { method, test, resolve: (p: any) => (clearTimeout(timer), resolve(p)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no ${method} notification within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
      conn.dispose();
      if (child.exitCode === null) child.kill();
      return code;
    },
  };
}

/** Waits until `test` holds, polling every 10 ms (for state the server reaches asynchronously). */
export async function until<T>(fn: () => Promise<T>, test: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await fn();
  while (!test(v)) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 10));
    v = await fn();
  }
  return v;
}

export type { ChildProcess };
