/**
 * The compiled built-in packs (server/src/knowledge/compiled.ts) stand in for the packs only when they
 * give the very same knowledge base and index, and only when they are current: a file compiled from
 * other pack bytes, another set of pack files or by another build is refused.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { Gazetteer } from '../../server/src/analysis/gazetteer';
import { compileKnowledge, readCompiledKnowledge } from '../../server/src/knowledge/compiled';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { builtinPackFiles, loadPackFiles, writeCompiledKnowledge } from '../../server/src/knowledge/load';
import { REPO } from './helpers/fixture';

describe('compiled built-in packs', () => {
  const files = builtinPackFiles();
  const loaded = loadPackFiles(files, true, { trusted: true });
  const slow = new KnowledgeBase(loaded.packs);
  let dir: string;
  let file: string;
  let fast: KnowledgeBase;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-compiled-'));
    file = path.join(dir, 'builtin-knowledge.bin');
    fs.writeFileSync(file, compileKnowledge(loaded.packs, 'build-a'));
    const kb = readCompiledKnowledge(file, files, 'build-a');
    assert.ok(kb, 'a current compiled file is read');
    fast = kb;
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has the same entities, in the same order, as the packs merged', () => {
    assert.strictEqual(fast.entities.size, slow.entities.size);
    assert.deepStrictEqual(fast.get('person:geir-pedersen'), slow.get('person:geir-pedersen'));
    assert.strictEqual(fast.get('person:no-such-person'), undefined);
    assert.ok(fast.entities.has('country:SY'));
    assert.deepStrictEqual([...fast.entities], [...slow.entities]);
    assert.deepStrictEqual([...fast.entities.keys()], [...slow.entities.keys()]);
    const seen: string[] = [];
    fast.entities.forEach((e, id, map) => {
      assert.strictEqual(e.id, id);
      assert.strictEqual(map, fast.entities);
      seen.push(id);
    });
    assert.deepStrictEqual(seen, [...slow.entities.keys()]);
  });

  it('has the same aliases in the same order, and the same packs', () => {
    assert.ok(slow.aliases.length > 1000);
    assert.deepStrictEqual(fast.aliases, slow.aliases);
    assert.deepStrictEqual(fast.packs, slow.packs);
  });

  it('gives the same gazetteer patterns and trie', () => {
    const a = new Gazetteer(fast);
    const b = new Gazetteer(slow);
    assert.strictEqual(a.patternCount, b.patternCount);
    assert.deepStrictEqual(a.patterns, b.patterns);
    const order = (g: Gazetteer) => g.terminals.map((list) => list?.map((p) => g.patterns.indexOf(p)));
    assert.deepStrictEqual(order(a), order(b));
    for (const p of b.patterns) {
      let na = 0;
      let nb = 0;
      for (const h of p.hashes) {
        na = a.child(na, h);
        nb = b.child(nb, h);
      }
      assert.strictEqual(na, nb);
    }
  });

  it('analyses the reference article exactly as the packs do', () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
    assert.deepStrictEqual(new Analyzer(fast).analyze(text), new Analyzer(slow).analyze(text));
  });

  it('is refused when written by another build', () => {
    assert.strictEqual(readCompiledKnowledge(file, files, 'build-b'), undefined);
  });

  it('is refused when a pack changed by one byte, or a pack was added or removed', () => {
    const copies = path.join(dir, 'packs');
    fs.mkdirSync(copies);
    const copied = files.map((f) => {
      const to = path.join(copies, path.basename(f));
      fs.copyFileSync(f, to);
      return to;
    });
    assert.ok(readCompiledKnowledge(file, copied, 'build-a'), 'identical copies are current');
    const text = fs.readFileSync(copied[0], 'utf8');
    fs.writeFileSync(copied[0], text.replace('"ar": "', '"ar": "ا'));
    assert.strictEqual(readCompiledKnowledge(file, copied, 'build-a'), undefined);
    fs.writeFileSync(copied[0], text);
    assert.ok(readCompiledKnowledge(file, copied, 'build-a'));
    assert.strictEqual(readCompiledKnowledge(file, copied.slice(1), 'build-a'), undefined);
    const extra = path.join(copies, 'zz-extra.json');
    fs.writeFileSync(extra, '{"pack":{"id":"extra"},"entities":[]}');
    assert.strictEqual(readCompiledKnowledge(file, [...copied, extra], 'build-a'), undefined);
  });

  it('is refused when missing, cut short or not a compiled file', () => {
    assert.strictEqual(readCompiledKnowledge(path.join(dir, 'missing.bin'), files, 'build-a'), undefined);
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, 'cut.bin');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.indexOf(0x0a) + 1000));
    assert.strictEqual(readCompiledKnowledge(cut, files, 'build-a'), undefined);
    fs.writeFileSync(cut, 'not a compiled file');
    assert.strictEqual(readCompiledKnowledge(cut, files, 'build-a'), undefined);
  });

  it('is written by the build step, and not when a built-in pack has problems', () => {
    const out = path.join(dir, 'written.bin');
    assert.strictEqual(writeCompiledKnowledge(out, 'build-c'), true);
    assert.ok(readCompiledKnowledge(out, files, 'build-c'));
    assert.throws(() => compileKnowledge([{ ...loaded.packs[0], builtin: false }], 'build-c'));
  });
});
