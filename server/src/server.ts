/**
 * The Arabic News Lens language server. Started by the VS Code client over IPC, or by any LSP client
 * with `--stdio` (`node dist/server.js --stdio`); vscode-languageserver picks the transport from the
 * command line. Everything else lives in lsp/: handlers.ts wires the protocol to Session (session.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { register } from './lsp/handlers';
import { Session } from './lsp/session';

const connection = createConnection(ProposedFeatures.all);
const session = new Session(connection);
register(session);

// A stray exception must not take the editor's server down; it is logged and the request answered.
process.on('uncaughtException', (e) => session.log(`uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => session.log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

connection.onShutdown(() => session.store.dispose());
connection.listen();
