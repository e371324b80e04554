/**
 * Acceptance on the reference article (examples/astana-20.txt) with the built-in packs: the mentions
 * equal the repository's own expectations, and, where ../shared is present, the project scorer gives
 * F1 = 1.000 against the hand-made gold.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { loadKnowledgeBase } from '../../server/src/knowledge/load';
import { readExpectedMentions } from '../fixtures/expected-mentions';
import { REPO } from './helpers/fixture';

const ARTICLE = path.join(REPO, 'examples', 'astana-20.txt');
const EXPECTED = path.join(REPO, 'test', 'fixtures', 'astana-20.expected.tsv');
const SHARED = path.join(REPO, '..', 'shared');

function expectedRows(): string[] {
  return readExpectedMentions(EXPECTED).map((m) => [m.start, m.end, m.type, m.form, m.id].join('\t'));
}

describe('reference article (astana-20) with the built-in packs', () => {
  const text = fs.readFileSync(ARTICLE, 'utf8');
  const analysis = new Analyzer(loadKnowledgeBase().kb).analyze(text);

  it('names and adjectives equal the expectations in test/fixtures/astana-20.expected.tsv', () => {
    const got = analysis.mentions.filter((m) => m.form !== 'title').map((m) => [m.start, m.end, m.type, m.form, m.entityId].join('\t'));
    assert.deepStrictEqual(got, expectedRows());
  });

  it('«العمليات غير الشرعية» stays unmarked', () => {
    const at = text.indexOf('غير الشرعية');
    assert.ok(at > 0);
    assert.ok(!analysis.mentions.some((m) => m.start <= at && m.end > at));
  });

  it('scores F1 = 1.000 against the gold with ../shared/eval/score.mjs', function () {
    const scorer = path.join(SHARED, 'eval', 'score.mjs');
    const gold = path.join(SHARED, 'fixtures', 'astana-20.gold.json');
    if (!fs.existsSync(scorer) || !fs.existsSync(gold)) {
      console.log(`      skipped: ${SHARED} is not here (the scorer and gold live beside the clone)`);
      this.skip();
    }
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anl-')), 'out.json');
    const json = execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), '--format', 'json', path.join(SHARED, 'fixtures', 'astana-20.txt')], { maxBuffer: 1 << 26 });
    fs.writeFileSync(out, json);
    const table = execFileSync(process.execPath, [scorer, gold, out, '--skip-pred-forms', 'title'], { encoding: 'utf8' });
    assert.match(table, /micro P 1\.000 R 1\.000 F1 1\.000/, table);
  });
});
