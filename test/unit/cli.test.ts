/**
 * The command line as a shell user runs it: a reader that stops early (`news-lens … | head`) ends
 * it quietly with exit code 0; several files or JSON Lines analysed on worker threads (`--jobs`)
 * print exactly what the serial run prints.
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from './helpers/fixture';

/** Runs news-lens, reads the first chunk of its output and closes the pipe, as `| head` does. */
async function readFirstChunkAndClose(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stderr };
}

describe('news-lens command line', () => {
  it('exits 0 without a stack trace when its reader closes the pipe (| head)', async () => {
    // Output well beyond a pipe's buffer, so that the writer meets the closed pipe.
    const article = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anl-cli-')), 'many.txt');
    fs.writeFileSync(file, Array(60).fill(article).join('\n\n\n'));
    assert.deepStrictEqual(await readFirstChunkAndClose([file]), { code: 0, stderr: '' });
  });

  it('exits 0 as well when the reader closes the pipe while worker threads analyse several files', async () => {
    const article = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-cli-'));
    const files = [1, 2, 3, 4].map((i) => path.join(dir, `many-${i}.txt`));
    for (const f of files) fs.writeFileSync(f, Array(20).fill(article).join('\n\n\n'));
    assert.deepStrictEqual(await readFirstChunkAndClose(['--jobs', '2', ...files]), { code: 0, stderr: '' });
  }).timeout(60000);
});

/** Runs the command line to the end: stdout, stderr and exit code. */
function cli(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('news-lens --jobs (worker threads)', function () {
  // Each run starts a process and, with --jobs 3, three workers that each load the knowledge base.
  this.timeout(120000);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-jobs-'));
  const article = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
  const files = ['one.txt', 'two.txt', 'three.txt', 'four.txt', 'five.txt'].map((name) => path.join(dir, name));
  // Inputs of different sizes, so that the workers finish out of order.
  fs.writeFileSync(files[0], Array(8).fill(article).join('\n\n\n'));
  fs.writeFileSync(files[1], 'التقى الرئيس السوري بشار الأسد وزير الخارجية الروسي سيرغي لافروف في دمشق.\n');
  fs.writeFileSync(files[2], article);
  fs.writeFileSync(files[3], Array(3).fill(article).join('\n\n\n'));
  fs.writeFileSync(files[4], 'أكد الأمين العام للأمم المتحدة أنطونيو غوتيريش دعمه لحل سياسي في سوريا.\n');
  const missing = path.join(dir, 'missing.txt');
  const binary = path.join(dir, 'binary.txt');
  fs.writeFileSync(binary, Buffer.from([0x61, 0x00, 0x62]));

  for (const format of ['text', 'json', 'csv']) {
    it(`several files, --format ${format}: --jobs 3 prints what --jobs 1 prints`, () => {
      const serial = cli(['--format', format, '--jobs', '1', ...files]);
      const parallel = cli(['--format', format, '--jobs', '3', ...files]);
      assert.strictEqual(serial.status, 0, serial.stderr);
      assert.ok(serial.stdout.length > 1000);
      assert.strictEqual(parallel.stderr, serial.stderr);
      assert.strictEqual(parallel.status, serial.status);
      assert.ok(parallel.stdout === serial.stdout, `--jobs 3 output differs from --jobs 1 (${parallel.stdout.length} vs ${serial.stdout.length} characters)`);
      if (format === 'json') {
        // The array JSON.stringify prints, the files in the order given.
        const docs = JSON.parse(parallel.stdout) as { file: string }[];
        assert.deepStrictEqual(docs.map((d) => d.file), files);
        assert.strictEqual(parallel.stdout, JSON.stringify(docs, null, 1) + '\n');
      }
    });
  }

  it('a missing and a binary file among good ones: the same messages, output and exit code 1', () => {
    const args = [files[0], missing, files[1], binary, files[2], files[3]];
    const serial = cli(['--format', 'csv', '--jobs', '1', ...args]);
    const parallel = cli(['--format', 'csv', '--jobs', '3', ...args]);
    assert.strictEqual(serial.status, 1);
    assert.strictEqual(parallel.status, 1);
    assert.strictEqual(parallel.stderr, serial.stderr);
    assert.match(parallel.stderr, /missing\.txt: no such file\n.*binary\.txt: looks binary/s);
    assert.ok(parallel.stdout.split('\r\n').length > 10);
    assert.ok(parallel.stdout === serial.stdout, '--jobs 3 output differs from --jobs 1');
    // Only bad files: JSON prints an empty array, as before.
    const bad = cli(['--format', 'json', '--jobs', '2', missing, binary]);
    assert.strictEqual(bad.status, 1);
    assert.strictEqual(bad.stdout, '[]\n');
  });

  it('--jsonl: --jobs 3 prints the lines of --jobs 1, in input order, with the same errors', () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      if (i === 7) lines.push('not json');
      else if (i === 8) lines.push('');
      else if (i === 21) lines.push('{"id": "no text"}');
      else lines.push(JSON.stringify({ id: `doc-${i}`, text: i % 10 === 0 ? article : `زار وزير الخارجية الإيراني دمشق والتقى بشار الأسد ${i}.` }));
    }
    const input = lines.join('\n') + '\n';
    const serial = cli(['--jsonl', '--jobs', '1'], input);
    const parallel = cli(['--jsonl', '--jobs', '3'], input);
    assert.strictEqual(serial.status, 1);
    assert.strictEqual(parallel.status, 1);
    assert.strictEqual(parallel.stderr, serial.stderr);
    assert.match(parallel.stderr, /stdin line 8: invalid JSON.*\n.*stdin line 22: expected/);
    assert.ok(parallel.stdout === serial.stdout, '--jsonl --jobs 3 output differs from --jobs 1');
    const ids = parallel.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    assert.strictEqual(ids.length, 37);
    assert.deepStrictEqual(ids, [...ids].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4))));
  });

  it('--jsonl with worker threads and nothing on stdin prints nothing and exits 0', () => {
    assert.deepStrictEqual(cli(['--jsonl', '--jobs', '2'], ''), { stdout: '', stderr: '', status: 0 });
  });

  it('--jobs needs a whole number of at least 1', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const r = cli(['--jobs', bad, files[1]]);
      assert.strictEqual(r.status, 2, bad);
      assert.match(r.stderr, /--jobs needs a whole number/);
    }
    assert.strictEqual(cli([`--jobs=2`, '--format', 'csv', files[1], files[2]]).status, 0);
  });
});
