/**
 * Bad knowledge packs, as parsePack (server/src/knowledge/validate.ts) sees them: every problem comes
 * back as a diagnostic at the right line and column, nothing throws, and a generated 100,000-entity
 * pack loads within a bound with a matcher that still finds its names. The protocol side (a pack
 * that disappears or changes while the server runs) is in server.test.ts.
 */
import * as assert from 'assert';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import type { EntitySpec, PackFile } from '../../server/src/knowledge/types';
import { MAX_DEPTH, parsePack, type PackProblem } from '../../server/src/knowledge/validate';
import { LineIndex } from '../../server/src/lsp/positions';

/** Line and character (0-based) of a problem, and the text it points at. */
function where(text: string, p: PackProblem) {
  const pos = new LineIndex(text).position(p.start);
  return { line: pos.line, character: pos.character, at: text.slice(p.start, p.end) };
}

function pack(entities: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ pack: { id: 'test.bad' }, entities, ...extra }, null, 2) + '\n';
}

const person = (id: string, ar: string, more: Record<string, unknown> = {}) => ({ id, type: 'person', name: { ar }, ...more });

/** 100,000 distinct two-word Arabic names from a 20-letter alphabet (no one-letter words). */
function generatedPack(n: number): PackFile {
  const letters = 'بتثجحخدذرزسشصضطظعغفق';
  const word = (k: number) => {
    let s = 'م';
    for (let i = 0; i < 3; i++) {
      s += letters[k % 20];
      k = Math.floor(k / 20);
    }
    return s;
  };
  const entities: EntitySpec[] = [];
  for (let i = 0; i < n; i++) {
    entities.push({ id: `person:gen-${String(i).padStart(6, '0')}`, type: 'person', name: { ar: `${word(i % 8000)} ${word(Math.floor(i / 8000) + 37)}`, en: `Generated ${i}` } });
  }
  return { pack: { id: 'test.generated' }, entities };
}

describe('reliability: knowledge packs (parsePack)', function () {
  this.timeout(180000);

  it('invalid JSON: a diagnostic at the line and column of the error, nothing thrown', () => {
    const text = '{\n  "pack": { "id": "x" },\n  "entities": [\n    { "id": "person:a", "type": "person", "name": { "ar": "أحمد" }, }\n  ]\n}\n';
    const r = parsePack(text);
    assert.strictEqual(r.pack, undefined);
    assert.ok(r.problems.length >= 1);
    const w = where(text, r.problems[0]);
    assert.deepStrictEqual([w.line, w.character, w.at], [3, 68, '}']);
    assert.match(r.problems[0].message, /^JSON: /);
  });

  it('an unterminated string and a truncated file are reported, not thrown', () => {
    for (const text of ['{"pack": {"id": "x"}, "entities": [{"id": "person:a', '{"pack": {"id": "x"}, "entities": [', '{"pack"']) {
      const r = parsePack(text);
      assert.strictEqual(r.pack, undefined, text);
      assert.ok(r.problems.every((p) => p.start >= 0 && p.end <= text.length + 1), text);
      assert.ok(r.problems.some((p) => p.severity === 'error'), text);
    }
  });

  it('an empty pack file gets one clear message', () => {
    for (const text of ['', '   \n', '\uFEFF']) {
      const r = parsePack(text);
      assert.strictEqual(r.problems.length, 1, JSON.stringify(text));
      assert.match(r.problems[0].message, /pack file is empty/);
    }
  });

  it('JSON nested 100,000 deep is refused with a message instead of overflowing the stack', () => {
    for (const text of ['['.repeat(100000), '{"a":'.repeat(50000), `{"pack": {"id": "x"}, "entities": ${'['.repeat(MAX_DEPTH + 5)}`]) {
      const r = parsePack(text);
      assert.strictEqual(r.problems.length, 1);
      assert.match(r.problems[0].message, /nested deeper than 64 levels/);
    }
    // Brackets inside strings do not count.
    const ok = pack([person('person:a', 'أحمد', { note: '['.repeat(1000) + '\\"{' })]);
    assert.deepStrictEqual(parsePack(ok).problems, []);
  });

  it('a schema violation is reported at its path: a wrong type value, a missing name, an unknown property', () => {
    const text = pack([person('person:a', 'أحمد'), { id: 'person:b', type: 'persn', name: { ar: 'محمود' } }, { id: 'person:c', type: 'person' }, person('person:d', 'علي', { nickname: 'x' })]);
    const r = parsePack(text);
    assert.strictEqual(r.pack, undefined);
    const byPath = new Map(r.problems.map((p) => [p.message.split(':')[0], where(text, p)]));
    assert.deepStrictEqual(byPath.get('/entities/1/type')?.at, '"persn"');
    assert.ok(byPath.has('/entities/2'), 'missing name reported on the entity');
    assert.ok(byPath.get('/entities/2')!.line >= text.split('\n').findIndex((l) => l.includes('person:c')) - 1);
    assert.ok(r.problems.some((p) => /additional properties \(nickname\)|nickname/.test(p.message)));
  });

  it('a bad date in a role is reported on the date value', () => {
    const text = pack([person('person:a', 'أحمد', { roles: [{ title: { ar: 'وزير' }, from: '2020-13-45' }] })]);
    const r = parsePack(text);
    assert.strictEqual(r.problems.length, 1);
    assert.strictEqual(where(text, r.problems[0]).at, '"2020-13-45"');
  });

  it('duplicate ids: an error on the second id, naming the first', () => {
    const text = pack([person('person:a', 'أحمد'), person('person:a', 'محمود')]);
    const r = parsePack(text);
    assert.strictEqual(r.problems.length, 1);
    const w = where(text, r.problems[0]);
    assert.strictEqual(w.at, '"person:a"');
    const lines = text.split('\n');
    const second = lines.findIndex((l, i) => l.includes('"id": "person:a"') && i > lines.findIndex((x) => x.includes('"id": "person:a"')));
    assert.strictEqual(w.line, second);
    assert.match(r.problems[0].message, /duplicate id person:a \(also entity #0\)/);
  });

  it('a one-letter alias is refused, also when a mark or tatweel makes it two code units', () => {
    for (const alias of ['ع', 'عَ', 'ـعـ', { ar: 'بّ', short: true }]) {
      const text = pack([person('person:a', 'أحمد علي', { aliases: [alias] })]);
      const r = parsePack(text);
      assert.ok(r.problems.length >= 1, JSON.stringify(alias));
      const w = where(text, r.problems[0]);
      assert.ok(w.at.includes(typeof alias === 'string' ? alias : alias.ar), `${JSON.stringify(alias)} at ${w.at}`);
      assert.match(r.problems[0].message, /fewer than 2 characters|shorter than two letters/);
    }
  });

  it('a one-letter name, nisba stem or extend alias is refused the same way', () => {
    const texts = [
      pack([person('person:a', 'بً')]),
      pack([{ id: 'country:XA', type: 'country', name: { ar: 'بلاد' }, nisba: ['يّ'] }]),
      pack([], { extend: [{ id: 'person:x', aliases: ['وَ'] }] }),
    ];
    for (const text of texts) {
      const r = parsePack(text);
      assert.strictEqual(r.problems.length, 1, text);
      assert.match(r.problems[0].message, /shorter than two letters/);
    }
  });

  it('very long strings (a 5 MB note) parse without trouble; over-long names are schema errors', () => {
    const long = pack([person('person:a', 'أحمد', { note: 'x'.repeat(5_000_000) })]);
    const t0 = performance.now();
    assert.deepStrictEqual(parsePack(long).problems, []);
    assert.ok(performance.now() - t0 < 20000);
    const r = parsePack(pack([person('person:a', 'ب'.repeat(10000))]));
    assert.ok(r.problems.some((p) => /must NOT have more than 200 characters/.test(p.message)));
  });

  it('a generated 100,000-entity pack: validates, loads and matches within bounds', () => {
    const data = generatedPack(100000);
    const text = JSON.stringify(data, null, 2);
    let t0 = performance.now();
    const r = parsePack(text);
    const parseMs = performance.now() - t0;
    assert.deepStrictEqual(r.problems, []);
    t0 = performance.now();
    const kb = new KnowledgeBase([{ data: r.pack!, source: 'generated.json', builtin: false }]);
    const analyzer = new Analyzer(kb);
    const buildMs = performance.now() - t0;
    assert.strictEqual(kb.entities.size, 100000);
    const e = data.entities![54321];
    const sentence = `وقال ${e.name.ar} إن الاجتماع انتهى، ثم التقى ${data.entities![99999].name.ar} في المساء.`;
    t0 = performance.now();
    const ms = analyzer.analyze(sentence).mentions.filter((m) => m.known);
    const matchMs = performance.now() - t0;
    assert.deepStrictEqual(
      ms.map((m) => m.entityId),
      [e.id, data.entities![99999].id],
    );
    // Measured on a quiet machine: parse ~3 s, build ~1 s; the bounds allow a loaded CI runner.
    assert.ok(parseMs < 60000, `parse ${Math.round(parseMs)} ms`);
    assert.ok(buildMs < 60000, `build ${Math.round(buildMs)} ms`);
    assert.ok(matchMs < 2000, `match ${Math.round(matchMs)} ms`);
    console.log(`      100,000 entities (${(text.length / 1e6).toFixed(1)} M chars): parse ${Math.round(parseMs)} ms, build ${Math.round(buildMs)} ms, match ${matchMs.toFixed(1)} ms`);
  });
});
