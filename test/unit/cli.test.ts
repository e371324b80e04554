/**
 * The command line as a shell user runs it: a reader that stops early (`news-lens … | head`) ends
 * it quietly with exit code 0.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from './helpers/fixture';

describe('news-lens command line', () => {
  it('exits 0 without a stack trace when its reader closes the pipe (| head)', async () => {
    // Output well beyond a pipe's buffer, so that the writer meets the closed pipe.
    const article = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anl-cli-')), 'many.txt');
    fs.writeFileSync(file, Array(60).fill(article).join('\n\n\n'));
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'cli.js'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.strictEqual(stderr, '');
    assert.strictEqual(code, 0);
  });
});
