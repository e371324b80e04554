/**
 * The PETRARCH importer: the dictionary's forms on small inputs, and the real UniversalPetrarch
 * Arabic dictionary in ../shared/data (noisy: duplicates, reversed ranges, lemmatized phrases).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { alpha3ToAlpha2 } from 'i18n-iso-countries';
import { importPetrarch } from '../../server/src/knowledge/petrarch';
import { parsePack } from '../../server/src/knowledge/validate';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { REPO } from './helpers/fixture';

const alpha3 = (c: string) => (alpha3ToAlpha2(c) ? `country:${alpha3ToAlpha2(c)}` : undefined);
const run = (text: string) => importPetrarch(text, { packId: 'import.test', source: 'test', alpha3 });

describe('PETRARCH import', () => {
  it('reads a person with dated codes as roles with the country and sector', () => {
    const { pack } = run('نوري_المالكي_\n\t[IRQGOV 20101221-20140908]\n\t[IRQELI 20140908-20161010]\n');
    const [e] = pack.entities!;
    assert.strictEqual(e.type, 'person');
    assert.strictEqual(e.name.ar, 'نوري المالكي');
    assert.strictEqual(e.country, 'country:IQ');
    assert.deepStrictEqual(e.roles!.map((r) => [r.title.en, r.country, r.from, r.to]), [
      ['Government (CAMEO IRQGOV)', 'country:IQ', '2010-12-21', '2014-09-08'],
      ['Elite (CAMEO IRQELI)', 'country:IQ', '2014-09-08', '2016-10-10'],
    ]);
  });

  it('drops the end of a reversed range and says so', () => {
    const { pack, report } = run('ابو_بلال_\n\t[PSECVLELI 19840502-18000101]\n');
    assert.deepStrictEqual(pack.entities![0].roles![0].from, '1984-05-02');
    assert.strictEqual(pack.entities![0].roles![0].to, undefined);
    assert.strictEqual(report.warnings.find((w) => w.reason.startsWith('reversed'))?.count, 1);
  });

  it('reads open ranges (> and <), same-line codes, synonyms and comments', () => {
    const { pack } = run('# a comment\nدوست_بلازي_\n\t[IGO > 20080219]\n+فيليب_دوست_بلازي\nغزة  [PSE]\n');
    const byName = new Map(pack.entities!.map((e) => [e.name.ar, e]));
    assert.deepStrictEqual(byName.get('دوست بلازي')!.aliases, ['فيليب دوست بلازي']);
    assert.strictEqual(byName.get('دوست بلازي')!.roles![0].from, '2008-02-19');
    assert.strictEqual(byName.get('غزة')!.type, 'location');
    assert.strictEqual(byName.get('غزة')!.country, 'country:PS');
  });

  it('makes bodies organizations by their head noun', () => {
    const { pack } = run('حركة_حماس_\n\t[PSEREB 20140908-20161010]\n');
    assert.strictEqual(pack.entities![0].type, 'organization');
  });

  it('merges duplicates and skips agents, common words and code-less lines, with reasons', () => {
    const { pack, report } = run('حماس  [PSEREB]\nحماس  [PSEREB]\nانفصالي [~REB]\nفتح  [PSEPTY]\nوحدة\n');
    assert.strictEqual(pack.entities!.length, 1);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.reason.split(' ')[0], s.count]));
    assert.deepStrictEqual(reasons, { agent: 1, a: 1, actor: 1 });
    assert.strictEqual(report.warnings[0].reason, 'duplicate actor merged');
  });

  it('imports the real UniversalPetrarch Arabic dictionary into a valid pack, and says what it dropped', function () {
    const file = path.join(REPO, '..', 'shared', 'data', 'universal-petrarch-arabic', 'actor_dict_ar_v4.txt');
    if (!fs.existsSync(file)) {
      console.log(`      skipped: ${file} is not here`);
      this.skip();
    }
    const { pack, report } = run(fs.readFileSync(file, 'utf8'));
    const json = JSON.stringify(pack, null, 2);
    assert.deepStrictEqual(parsePack(json).problems, []);
    assert.ok(pack.entities!.length > 3000, `${pack.entities!.length} entities`);
    assert.ok(report.warnings.some((w) => w.reason === 'duplicate actor merged' && w.count > 100));
    assert.ok(report.warnings.some((w) => w.reason.startsWith('reversed date range')));
    // The imported pack works as a pack: its people are found in text.
    const analyzer = new Analyzer(new KnowledgeBase([{ data: pack, source: file, builtin: false }]));
    const mentions = analyzer.analyze('التقى نوري المالكي اليوم').mentions;
    assert.ok(mentions.some((m) => m.type === 'person'), JSON.stringify(mentions));
  });
});
