/**
 * The larger place and organization packs: the generated packs stay reproducible, new names are found and
 * linked to their country, and names that a proclitic or a pronoun suffix turns into a common word
 * (فاطمة = ف + أطمة، بأنه = بانه، كبيرا = ك + بيرا) or that are common words themselves stay unmarked
 * until the full name appears.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { builtinPackDir, loadKnowledgeBase } from '../../server/src/knowledge/load';

const ROOT = path.join(builtinPackDir(), '..', '..');
const { kb } = loadKnowledgeBase();
const analyzer = new Analyzer(kb);

/** Text and entity id of every place and organization mention the packs find in `text`. */
function found(text: string): [string, string][] {
  const { mentions } = analyzer.analyze(text, { candidates: { person: false, organization: false, location: false } });
  return mentions
    .filter((m) => m.type === 'location' || m.type === 'organization' || m.type === 'country')
    .map((m) => [text.slice(m.start, m.end), m.entityId ?? '']);
}

describe('more places and organizations', () => {
  it('the ministries pack is what its generator gives', () => {
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-ministries.js'), '--check'], { stdio: 'pipe' });
    } catch (e) {
      assert.fail(String((e as { stderr: Buffer }).stderr));
    }
  });

  it('the CLDR places pack is what CLDR gives, when the CLDR packages are installed', function () {
    const from = process.env.CLDR_NODE_MODULES ?? path.join(ROOT, 'node_modules');
    if (!fs.existsSync(path.join(from, 'cldr-dates-full')) || !fs.existsSync(path.join(from, 'cldr-core'))) this.skip();
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-places-cldr.js'), '--from', from, '--check'], { stdio: 'pipe' });
  });

  it('names a ministry by portfolio and country, and only ministries that exist', () => {
    assert.deepStrictEqual(found('أعلنت وزارة العدل العراقية ووزارة الخارجية الهندية'), [
      ['وزارة العدل العراقية', 'org:moj-IQ'],
      ['وزارة الخارجية الهندية', 'org:mfa-IN'],
    ]);
    // Morocco has an administration of national defence, not a ministry; Palestine has none.
    assert.strictEqual(kb.get('org:mod-MA'), undefined);
    assert.strictEqual(kb.get('org:mod-PS'), undefined);
  });

  it('finds cities of the Arab world, Iran and the wider world with their country', () => {
    assert.deepStrictEqual(found('من الهفوف إلى بعقوبة ثم سنندج وسمرقند'), [
      ['الهفوف', 'location:hofuf'],
      ['بعقوبة', 'location:baqubah'],
      ['سنندج', 'location:sanandaj'],
      ['سمرقند', 'location:samarkand'],
    ]);
    assert.strictEqual(kb.get('location:hofuf')?.country, 'country:SA');
    assert.strictEqual(kb.get('location:sanandaj')?.country, 'country:IR');
    assert.strictEqual(kb.get('location:samarkand')?.country, 'country:UZ');
  });

  it('adds CLDR and news spellings of known places as aliases, not as new places', () => {
    assert.deepStrictEqual(found('من كوالا لامبور إلى سان بطرسبورغ'), [
      ['كوالا لامبور', 'location:kuala-lumpur'],
      ['سان بطرسبورغ', 'location:st-petersburg'],
    ]);
  });

  it('keeps a generic designator outside the mention when the rest is the usual name', () => {
    assert.deepStrictEqual(found('في ولاية كانساس وإقليم آتشيه'), [
      ['كانساس', 'location:kansas'],
      ['آتشيه', 'location:aceh'],
    ]);
  });

  it('leaves words alone that a proclitic or a pronoun makes look like a place or a company', () => {
    const texts = [
      'قالت فاطمة بأنه سيبني بيتا كبيرا قرب قصره',
      'أودع أمواله في بنوك كريمة وأجرى بحوث مع صبيا',
      'نقل مصدر مطلع أن ناقلات النفط تعرضت لقصف جويا',
      'هذا رأي يمينا أو يسارا عن سلوك المهندسين وتربة الحقول على وجه الخصوص',
      'بنو هاشم وأمل كبير وذباب في كرم العنب',
    ];
    for (const text of texts) assert.deepStrictEqual(found(text), [], text);
  });

  it('an unsafe bare name waits for the full name in the same article', () => {
    assert.deepStrictEqual(found('كانت الرحلة طويلة'), []);
    assert.deepStrictEqual(found('وصلوا إلى مدينة طويلة في دارفور ثم غادروا طويلة'), [
      ['مدينة طويلة', 'location:tawila'],
      ['دارفور', 'location:darfur'],
      ['طويلة', 'location:tawila'],
    ]);
  });

  it('tells a club from the city it is named after', () => {
    assert.deepStrictEqual(found('فاز نادي إشبيلية على ريال مدريد في إشبيلية'), [
      ['نادي إشبيلية', 'org:sevilla-fc'],
      ['ريال مدريد', 'org:real-madrid'],
      ['إشبيلية', 'location:seville'],
    ]);
    // A bare «برشلونة» in sports news is the club as often as the city: the city waits for its full name.
    assert.deepStrictEqual(found('تعادل برشلونة'), []);
    assert.deepStrictEqual(found('في مدينة برشلونة حيث يلعب برشلونة'), [
      ['مدينة برشلونة', 'location:barcelona-city'],
      ['برشلونة', 'location:barcelona-city'],
    ]);
  });
});
