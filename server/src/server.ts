/**
 * The Arabic News Lens language server. Started by the VS Code client over IPC, or by any LSP client
 * with `--stdio` (`node dist/server.js --stdio`), `--socket=PORT` or `--pipe=NAME`, as
 * vscode-languageserver reads them. The stream transports read messages with `LargeMessageReader`
 * (lsp/message-reader.ts), which holds a large didOpen once rather than four times; IPC messages come
 * parsed by Node. Everything else lives in lsp/: handlers.ts wires the protocol to Session (session.ts).
 */
import * as net from 'net';
import type { Readable } from 'stream';
import { inspect } from 'util';
import {
  createConnection,
  ProposedFeatures,
  SocketMessageWriter,
  StreamMessageWriter,
  type Connection,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { register } from './lsp/handlers';
import { LargeMessageReader, streamTransport } from './lsp/message-reader';
import { Session } from './lsp/session';

let shutdownReceived = false;

let reader: LargeMessageReader | undefined;

function streamConnection(input: Readable, writer: MessageWriter, stdio: boolean): Connection {
  reader = new LargeMessageReader(input);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  if (stdio) {
    // As vscode-languageserver does for stdio: the end of the input ends the server.
    const end = () => process.exit(shutdownReceived ? 0 : 1);
    input.on('end', end);
    input.on('close', end);
    // stdout carries the protocol: console output goes to the client's log instead, as it does there.
    const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
    console.log = (...a: unknown[]) => connection.console.log(text(a));
    console.info = (...a: unknown[]) => connection.console.info(text(a));
    console.warn = (...a: unknown[]) => connection.console.warn(text(a));
    console.error = (...a: unknown[]) => connection.console.error(text(a));
    console.debug = (...a: unknown[]) => connection.console.log(text(a));
  }
  return connection;
}

function connect(): Connection {
  const transport = streamTransport(process.argv.slice(2));
  if (transport?.kind === 'stdio') return streamConnection(process.stdin, new StreamMessageWriter(process.stdout), true);
  if (transport?.kind === 'socket' && transport.port) {
    const socket = net.createConnection(transport.port, '127.0.0.1');
    return streamConnection(socket, new SocketMessageWriter(socket), false);
  }
  if (transport?.kind === 'pipe' && transport.name) {
    const socket = net.createConnection(transport.name);
    return streamConnection(socket, new SocketMessageWriter(socket), false);
  }
  return createConnection(ProposedFeatures.all);
}

const connection = connect();
const session = new Session(connection);
register(session);

// A stray exception must not take the editor's server down; it is logged and the request answered.
process.on('uncaughtException', (e) => session.log(`uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => session.log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
// A malformed message is logged and skipped; the reader goes on with the next one.
reader?.onError((e) => session.log(`unreadable message: ${e.message}`));
connection.onShutdown(() => {
  shutdownReceived = true;
  session.store.dispose();
});
connection.listen();
