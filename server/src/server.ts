/**
 * The Arabic News Lens language server. Started by the VS Code client over IPC, or by any LSP client
 * with `--stdio` (`node dist/server.js --stdio`); vscode-languageserver picks the transport from the
 * command line. Everything else lives in lsp/: handlers.ts wires the protocol to Session (session.ts).
 * The same bundle also runs as the worker thread that checks the built-in packs (lsp/pack-validation.ts).
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { register } from './lsp/handlers';
import { lowerThreadPriority, validatePacks, VALIDATE_PACKS, type PackToValidate } from './lsp/pack-validation';
import { Session } from './lsp/session';

function serve(): void {
  const connection = createConnection(ProposedFeatures.all);
  const session = new Session(connection, __filename);
  register(session);

  // A stray exception must not take the editor's server down; it is logged and the request answered.
  process.on('uncaughtException', (e) => session.log(`uncaught: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => session.log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

  connection.onShutdown(() => session.store.dispose());
  connection.listen();
}

const job = workerData as { kind?: string; packs?: PackToValidate[] } | null;
if (!isMainThread && job?.kind === VALIDATE_PACKS) {
  lowerThreadPriority();
  parentPort!.postMessage(validatePacks(job.packs ?? []));
} else serve();
