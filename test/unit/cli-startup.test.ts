/**
 * Start-up of the command line's bundle (issue 15): the PETRARCH importer and the ISO code table it
 * reads load only when `import` runs, and the bundle carries no country names in other languages.
 * These read dist/, which `npm test` builds first; they skip when it is not there.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.join(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

describe('command line start-up (dist/cli.js)', function () {
  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
  });

  it('bundles no language table of i18n-iso-countries (the French name of South Africa, for one)', () => {
    const bundle = fs.readFileSync(CLI, 'utf8');
    assert.ok(!bundle.includes('Afrique du Sud'), 'the importer takes the package index, not its entry that registers every language');
  });

  it('`import petrarch` still resolves alpha-3 codes through the lazily loaded importer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-startup-'));
    try {
      const dict = path.join(dir, 'actors.txt');
      fs.writeFileSync(dict, 'غزة  [PSE]\nنوري_المالكي_\n\t[IRQGOV 20101221-20140908]\n');
      const r = spawnSync(process.execPath, [CLI, 'import', 'petrarch', dict], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      const pack = JSON.parse(r.stdout) as { entities: { name: { ar: string }; country?: string }[] };
      const country = Object.fromEntries(pack.entities.map((e) => [e.name.ar, e.country]));
      assert.deepStrictEqual(country, { غزة: 'country:PS', 'نوري المالكي': 'country:IQ' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bin/news-lens.js starts on this Node, with or without a compile cache', () => {
    for (const env of [process.env, { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }]) {
      const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'news-lens.js'), '--help'], { encoding: 'utf8', env });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /^usage: news-lens/);
    }
  });
});
