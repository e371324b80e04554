/**
 * Level 2: start-up. The server answers `initialize` before it reads the packs and loads them right
 * after; a client that sends its first requests without waiting (pipelined after `initialize`) still
 * gets the answers of the loaded knowledge base, never those of an empty one.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { LineIndex } from '../../server/src/lsp/positions';
import { CLIENT_CAPABILITIES, MINI_PACK, REPO, SERVER, startServer } from './helpers/lsp-client';

const ARTICLE = path.join(REPO, 'examples', 'astana-20.txt');
const TEXT = fs.readFileSync(ARTICLE, 'utf8');
const URI = pathToFileURL(ARTICLE).href;

describe('start-up: initialize before the packs are loaded (protocol)', function () {
  this.timeout(30000);

  it('answers initialize first, then loads the packs; requests sent at once get the loaded results', async () => {
    const settings = { packs: { paths: [MINI_PACK] } };
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: REPO });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const events: string[] = [];
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      if (p.message.startsWith('knowledge base:')) events.push('packs loaded');
    });
    conn.onRequest((method: string, params: any) => (method === 'workspace/configuration' ? (params.items as unknown[]).map(() => settings) : null));
    conn.listen();
    try {
      // Everything is written before any answer is read, as an eager client does.
      const init = conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions: { builtinPacks: false, settings },
      }).then((r) => (events.push('initialize answered'), r));
      void conn.sendNotification('initialized', {});
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'arabic-news', version: 1, text: TEXT } });
      const at = TEXT.indexOf('بيدرسون');
      const early = conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: URI } }) as Promise<{ data: number[] }>;
      const hover = conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: new LineIndex(TEXT).position(at + 2) }) as Promise<any>;
      await init;
      const [tokens, card] = await Promise.all([early, hover]);
      assert.deepStrictEqual(events, ['initialize answered', 'packs loaded']);
      assert.ok(card && /Geir Pedersen/.test(card.contents.value), 'the hover knows the pack entity');

      // The same document with the packs loaded long before: identical tokens.
      const settled = await startServer();
      try {
        await settled.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'arabic-news', version: 1, text: TEXT } });
        const later = (await settled.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: URI } })) as { data: number[] };
        assert.ok(later.data.length > 50);
        assert.deepStrictEqual(tokens.data, later.data);
      } finally {
        await settled.stop();
      }
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
