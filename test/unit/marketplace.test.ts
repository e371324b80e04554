/**
 * Level 1: the manifest fields the marketplace reads: an icon of the size it wants, keywords that
 * find the extension in English and Arabic, a changelog, and where the code and the bugs live.
 * `npm run package` (vsce) is the full check; this one runs with every unit test.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './helpers/fixture';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('marketplace manifest', () => {
  it('the icon is a 128×128 PNG that the package includes', () => {
    const png = fs.readFileSync(path.join(REPO, manifest.icon));
    assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.strictEqual(png.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    const ignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes(`!${manifest.icon}`), '.vscodeignore keeps the icon');
  });

  it('keywords find it in English and Arabic, within the marketplace’s limit of 30', () => {
    for (const k of ['Arabic', 'Arabic NER', 'news', 'أخبار', 'عربي']) assert.ok(manifest.keywords.includes(k), k);
    assert.ok(manifest.keywords.length <= 30);
    assert.strictEqual(new Set(manifest.keywords).size, manifest.keywords.length, 'no keyword twice');
  });

  it('has a changelog that the package includes, and repository and bugs addresses', () => {
    assert.match(fs.readFileSync(path.join(REPO, 'CHANGELOG.md'), 'utf8'), /^# Changelog/);
    assert.ok(fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split(/\r?\n/).includes('!CHANGELOG.md'));
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.match(manifest.bugs.url, /^https:\/\//);
  });

  it('packages without the flags that silence missing fields', () => {
    assert.doesNotMatch(manifest.scripts.package, /--allow-missing-repository|--skip-license|--allow-star-activation/);
  });
});
