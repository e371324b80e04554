/**
 * The built-in country and place packs: the names the reference article needs, the flags that keep
 * shared and common-word names from misfiring, and the generated countries pack staying reproducible.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { normalizeArabic } from '../../server/src/analysis/normalize';
import { builtinPackDir, loadKnowledgeBase } from '../../server/src/knowledge/load';
import type { PackFile } from '../../server/src/knowledge/types';

const PACK_DIR = builtinPackDir();
const ROOT = path.join(PACK_DIR, '..', '..');
const { kb } = loadKnowledgeBase();
const analyzer = new Analyzer(kb);

/** Entity ids and texts of the country and place mentions found in `text`, packs only. */
function places(text: string): [string, string][] {
  const { mentions } = analyzer.analyze(text, { candidates: { person: false, organization: false, location: false } });
  return mentions.filter((m) => m.type === 'country' || m.type === 'location').map((m) => [text.slice(m.start, m.end), m.entityId ?? '']);
}

function readPack(file: string): PackFile {
  return JSON.parse(fs.readFileSync(path.join(PACK_DIR, file), 'utf8')) as PackFile;
}

describe('built-in country and place packs', () => {
  it('has the places the reference article names', () => {
    assert.strictEqual(kb.get('location:middle-east')?.name.ar, 'الشرق الأوسط');
    assert.strictEqual(kb.get('location:africa')?.name.ar, 'أفريقيا');
    assert.strictEqual(kb.get('location:astana')?.country, 'country:KZ');
    assert.deepStrictEqual(places('لشؤون الشرق الأوسط وبلدان أفريقيا في أستانا'), [
      ['الشرق الأوسط', 'location:middle-east'],
      ['أفريقيا', 'location:africa'],
      ['أستانا', 'location:astana'],
    ]);
  });

  it('never makes «العاصمة الكازاخية» a name: it is a description with a nisba', () => {
    assert.deepStrictEqual(places('في العاصمة الكازاخية'), [['الكازاخية', 'country:KZ']]);
  });

  it('matches the news variants of country names', () => {
    const text = 'سورية والجمهورية العربية السورية وأميركا والاتحاد الروسي وروسيا البيضاء وبورما والمملكة العربية السعودية';
    assert.deepStrictEqual(places(text).map(([, id]) => id), [
      'country:SY', 'country:SY', 'country:US', 'country:RU', 'country:BY', 'country:MM', 'country:SA',
    ]);
  });

  it('inflects the irregular nisba stems', () => {
    assert.deepStrictEqual(places('المسؤولون الأميركيون والوفد النمساوي والرئيس الكازاخستاني').map(([, id]) => id), [
      'country:US', 'country:AT', 'country:KZ',
    ]);
  });

  it('an unsafe place alias waits for the full name: «الباب» is a door until «مدينة الباب» appears', () => {
    assert.deepStrictEqual(places('أغلقت الباب'), []);
    assert.deepStrictEqual(places('دخلت القوات مدينة الباب ثم خرجت من الباب'), [
      ['مدينة الباب', 'location:al-bab'],
      ['الباب', 'location:al-bab'],
    ]);
  });

  it('leaves common words that only look like places alone', () => {
    for (const text of ['الصور الأولى', 'المظاهرات السلمية', 'على المدى القصير', 'الخوذ الزرقاء', 'الحد الأقصى', 'كسرت رجله']) {
      assert.deepStrictEqual(places(text), [], text);
    }
  });

  it('reads «تركية» as the adjective, not as a spelling of the country name', () => {
    const { mentions } = analyzer.analyze('مصادر تركية', { candidates: { person: false, organization: false, location: false } });
    assert.deepStrictEqual(mentions.map((m) => [m.entityId, m.form]), [['country:TR', 'adjective']]);
  });

  it('marks a name shared by a country and a city ambiguous on both sides', () => {
    const pairs: [string, string, string][] = [
      ['الكويت', 'country:KW', 'location:kuwait-city'],
      ['الجزائر', 'country:DZ', 'location:algiers'],
      ['تونس', 'country:TN', 'location:tunis'],
      ['عمان', 'country:OM', 'location:amman'],
      ['جيبوتي', 'country:DJ', 'location:djibouti-city'],
      ['طرابلس', 'location:tripoli', 'location:tripoli-lebanon'],
    ];
    for (const [alias, a, b] of pairs) {
      const norm = normalizeArabic(alias);
      for (const id of [a, b]) {
        const entries = kb.aliases.filter((x) => x.entityId === id && x.form === 'name' && x.norm === norm);
        assert.ok(entries.some((x) => x.ambiguous), `${alias} is not marked ambiguous on ${id}`);
      }
    }
  });

  it('every place has an English name and, when it lies in one country, a country that exists', () => {
    const bad: string[] = [];
    for (const file of fs.readdirSync(PACK_DIR).filter((f) => f.startsWith('places-'))) {
      for (const e of readPack(file).entities ?? []) {
        if (!e.name.en) bad.push(`${e.id}: no English name`);
        if (e.country && !kb.get(e.country)) bad.push(`${e.id}: unknown ${e.country}`);
        if (!e.id.startsWith('location:')) bad.push(`${e.id}: not a location id`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('countries.json is what scripts/generate-countries.js makes (with the ICU it was made with)', function () {
    const pack = readPack('countries.json');
    const icu = `ICU ${process.versions.icu}`;
    // The CLDR names come from Node's ICU: another ICU may name a region differently, which is no bug.
    if (!pack.pack.sources?.some((s) => s.includes(icu))) this.skip();
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-countries.js'), '--check'], { stdio: 'pipe' });
  });
});
