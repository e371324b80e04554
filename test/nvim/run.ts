/**
 * Level 3 runner: headless Neovim (test/nvim/probe.lua) drives `dist/server.js --stdio` on the
 * reference article, and this script checks what Neovim received: the hover names Geir Pedersen and
 * his UN role, the outline has the article, the semantic tokens decode back to the repository's
 * expectations, and after an edit made in the Neovim buffer the tokens follow it.
 * Skips (exit 0, with the reason) when `nvim` is not installed; exits 1 on a failed check.
 *   npm run test:nvim        (node out/test/nvim/run.js)
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeTokens, LEGEND } from '../../server/src/common/legend';
import { LineIndex } from '../../server/src/lsp/positions';
import { readExpectedMentions } from '../fixtures/expected-mentions';

const REPO = path.join(__dirname, '..', '..', '..');
const ARTICLE = path.join(REPO, 'examples', 'astana-20.txt');
const EXPECTED = path.join(REPO, 'test', 'fixtures', 'astana-20.expected.tsv');
const MINI_PACK = path.join(REPO, 'test', 'fixtures', 'packs', 'mini.json');

function expectedSpans(): string[] {
  return readExpectedMentions(EXPECTED).map(({ start, end, type, form }) => `${start}-${end} ${type}${form === 'adjective' ? ' adjective' : ''}`);
}

/** Token data decoded to `start-end type [adjective]` in `text`, role phrases (title) left out. */
function spans(data: number[], text: string): string[] {
  const lines = new LineIndex(text);
  return decodeTokens(data)
    .filter((t) => !t.modifiers.includes('title'))
    .map((t) => {
      const start = lines.offset({ line: t.line, character: t.character });
      return `${start}-${start + t.length} ${t.type}${t.modifiers.includes('adjective') ? ' adjective' : ''}`;
    });
}

function main(): number {
  const which = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (which.error || which.status !== 0) {
    console.log('test:nvim skipped: `nvim` is not installed (apt-get install -y --no-install-recommends neovim)');
    return 0;
  }
  const version = which.stdout.split('\n')[0];
  const server = path.join(REPO, 'dist', 'server.js');
  if (!fs.existsSync(server)) {
    console.error('test:nvim: dist/server.js is missing; run `npm run build` first');
    return 1;
  }
  const text = fs.readFileSync(ARTICLE, 'utf8');
  const lines = new LineIndex(text);
  const pedersen = lines.position(text.indexOf('غير بيدرسون') + 6);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-nvim-'));
  // Neovim edits a copy, so the example stays untouched.
  const file = path.join(tmp, 'astana-20.txt');
  fs.copyFileSync(ARTICLE, file);
  const settings = { packs: { paths: [MINI_PACK] } };
  const config = {
    cmd: [process.execPath, server, '--stdio'],
    root: tmp,
    file,
    timeout_ms: 20000,
    init_options: { builtinPacks: false, settings },
    settings: { arabicNewsLens: settings },
    steps: [
      { name: 'hover', method: 'textDocument/hover', position: [pedersen.line, pedersen.character] },
      { name: 'documentSymbol', method: 'textDocument/documentSymbol' },
      { name: 'tokens', method: 'textDocument/semanticTokens/full' },
      // Insert a line «إيران» before line 2 in the Neovim buffer; Neovim sends the change.
      { name: 'edit', edit: { first: 2, last: 2, lines: ['إيران'] } },
      { name: 'tokensAfterEdit', method: 'textDocument/semanticTokens/full' },
      { name: 'hoverAfterEdit', method: 'textDocument/hover', position: [pedersen.line + 1, pedersen.character] },
    ],
  };
  const cfgPath = path.join(tmp, 'probe.json');
  fs.writeFileSync(cfgPath, JSON.stringify(config));
  const t0 = Date.now();
  const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(REPO, 'test', 'nvim', 'probe.lua')}`], {
    env: { ...process.env, PROBE_CONFIG: cfgPath },
    encoding: 'utf8',
    timeout: 60000,
  });
  const ms = Date.now() - t0;
  fs.rmSync(tmp, { recursive: true, force: true });
  const jsonLine = run.stdout.split('\n').find((l) => l.startsWith('{'));
  if (run.status === 2 || !jsonLine) {
    console.error(`test:nvim: the probe failed (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
    return 1;
  }
  const report = JSON.parse(jsonLine);
  const checks: [string, () => void][] = [
    ['every request answered', () => assert.ok(report.ok, JSON.stringify(report.failures))],
    ['the server announced the token legend', () => assert.deepStrictEqual(report.legend.legend, LEGEND)],
    [
      'hover names Geir Pedersen and his UN role',
      () => {
        const md = report.results.hover.contents.value as string;
        assert.match(md, /Geir Pedersen/);
        assert.match(md, /UN Special Envoy for Syria/);
        assert.match(md, /United Nations/);
      },
    ],
    [
      'documentSymbol: one article with children',
      () => {
        const s = report.results.documentSymbol;
        assert.strictEqual(s.length, 1);
        assert.strictEqual(s[0].kind, 1);
        assert.ok(s[0].children.length > 0);
      },
    ],
    ['semantic tokens decode to test/fixtures/astana-20.expected.tsv', () => assert.deepStrictEqual(spans(report.results.tokens.data, text), expectedSpans())],
    [
      'after the edit in the buffer, the tokens follow it',
      () => {
        const edited = text.split('\n');
        edited.splice(2, 0, 'إيران');
        const text2 = edited.join('\n');
        const got = spans(report.results.tokensAfterEdit.data, text2);
        const iran = text2.indexOf('إيران\n');
        assert.ok(got.includes(`${iran}-${iran + 5} country`), 'the inserted «إيران» is a country');
        assert.strictEqual(got.length, 51);
        assert.match(report.results.hoverAfterEdit.contents.value, /Geir Pedersen/);
      },
    ],
    ['the server exited cleanly on stop', () => assert.match(String(report.exit), /^code=0/)],
  ];
  let failed = 0;
  for (const [name, check] of checks) {
    try {
      check();
      console.log(`  ✔ ${name}`);
    } catch (e) {
      failed++;
      console.log(`  ✘ ${name}: ${(e as Error).message.slice(0, 600)}`);
    }
  }
  console.log(`test:nvim: ${version}, ${checks.length - failed} of ${checks.length} checks passed (${ms} ms)`);
  return failed ? 1 : 0;
}

process.exitCode = main();
