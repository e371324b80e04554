/**
 * Level 1: the workspace-pack edits of the code actions (server/src/lsp/pack-edit.ts): the text is
 * canonical for scripts/format-packs.js, valid for the pack schema, and sorted; plus the settings'
 * single source of truth (server/src/common/settings.ts).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_SETTINGS, isMostlyArabic, resolveSettings, SETTINGS } from '../../server/src/common/settings';
import { parsePack } from '../../server/src/knowledge/validate';
import { addEntity, formatPack, hideAlias, readPack, slugFromArabic } from '../../server/src/lsp/pack-edit';
import { REPO } from './helpers/fixture';

/** True when scripts/format-packs.js --check finds the text already canonical. */
function canonicalForScript(text: string): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-pack-'));
  const file = path.join(dir, 'workspace.json');
  fs.writeFileSync(file, text);
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'format-packs.js'), '--check', file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r.status === 0;
}

describe('workspace pack edits (code actions)', () => {
  it('adds entities to a new pack: valid, sorted by id, canonical for scripts/format-packs.js', () => {
    let pack = readPack(undefined)!;
    const a = addEntity(pack, 'person', 'أيمن سوسان');
    assert.strictEqual(a.id, 'person:ws-aymn-swsan');
    pack = a.pack;
    pack = addEntity(pack, 'organization', 'الهلال الأحمر').pack;
    pack = addEntity(pack, 'location', 'حميميم').pack;
    const again = addEntity(pack, 'person', 'أيمن سوسان');
    assert.strictEqual(again.id, 'person:ws-aymn-swsan-2', 'a second entity with the same name gets a fresh id');
    const text = formatPack(again.pack);
    assert.ok(canonicalForScript(text), text);
    const parsed = parsePack(text);
    assert.deepStrictEqual(parsed.problems, []);
    const ids = parsed.pack!.entities!.map((e) => e.id);
    assert.deepStrictEqual(ids, [...ids].sort());
    assert.deepStrictEqual(parsed.pack!.entities!.find((e) => e.id === 'location:ws-hmymym'), { id: 'location:ws-hmymym', type: 'location', name: { ar: 'حميميم' } });
  });

  it('hides an alias once, keeping the rest of an existing pack', () => {
    const existing = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'packs', 'mini.json'), 'utf8');
    const pack = readPack(existing)!;
    const once = hideAlias(pack, 'الأسد');
    const twice = hideAlias(once, 'الأسد');
    assert.deepStrictEqual(twice.hide, [{ alias: 'الأسد' }]);
    const text = formatPack(twice);
    assert.ok(canonicalForScript(text));
    const parsed = parsePack(text);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.pack!.entities!.length, pack.entities!.length);
  });

  it('refuses to edit a pack that is not a JSON object', () => {
    assert.strictEqual(readPack('{ "pack": '), undefined);
    assert.strictEqual(readPack('[]'), undefined);
    assert.ok(readPack('  '));
  });

  it('makes ASCII id slugs from Arabic', () => {
    assert.strictEqual(slugFromArabic('غير بيدرسون'), 'ghyr-bydrswn');
    assert.strictEqual(slugFromArabic('؟؟'), 'name');
    assert.match(slugFromArabic('عبد الله 2'), /^[a-z0-9-]+$/);
  });
});

describe('settings (single source of truth)', () => {
  it('every setting has a key under arabicNewsLens, a scope and a markdownDescription', () => {
    for (const s of SETTINGS) {
      assert.match(s.key, /^arabicNewsLens\.[A-Za-z.]+$/);
      assert.ok(s.scope && s.markdownDescription.length > 20, s.key);
    }
    assert.strictEqual(new Set(SETTINGS.map((s) => s.key)).size, SETTINGS.length);
  });

  it('defaults: inlay hints off, plain-text detection on, a size limit and a debounce', () => {
    assert.strictEqual(DEFAULT_SETTINGS.inlayHints.englishNames, false);
    assert.strictEqual(DEFAULT_SETTINGS.plainText.detectArabic, true);
    assert.strictEqual(DEFAULT_SETTINGS.performance.maxFileSizeMB, 20);
    assert.ok(DEFAULT_SETTINGS.performance.debounceMs >= 0);
  });

  it('reads nested and dotted settings, falls back on bad types, clamps numbers', () => {
    const s = resolveSettings({ types: { person: false }, 'inlayHints.englishNames': true, performance: { debounceMs: -5, maxFileSizeMB: 'x' }, trace: { server: 'loud' } });
    assert.strictEqual(s.types.person, false);
    assert.strictEqual(s.types.country, true);
    assert.strictEqual(s.inlayHints.englishNames, true);
    assert.strictEqual(s.performance.debounceMs, 0);
    assert.strictEqual(s.performance.maxFileSizeMB, 20);
    assert.strictEqual(s.trace.server, 'off');
    assert.deepStrictEqual(resolveSettings(null), DEFAULT_SETTINGS);
  });

  it('decides "mostly Arabic" from the share of Arabic letters among letters', () => {
    assert.ok(isMostlyArabic('أكد كبير مساعدي وزير الخارجية 2023 (IRNA)'));
    assert.ok(!isMostlyArabic('The UN envoy met Khaji — خاجي'));
    assert.ok(!isMostlyArabic('١٢٣ ، ؟ 123'), 'digits and punctuation are not letters');
    assert.ok(isMostlyArabic('سوريا Syria', 0.5));
    assert.ok(!isMostlyArabic('سوريا Syria', 0.6));
  });
});
