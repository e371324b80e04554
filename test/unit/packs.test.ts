/**
 * The built-in knowledge packs are reviewed data: every pack validates against the schema and is in
 * canonical form, aliases do not collide across entities unless marked ambiguous, references resolve,
 * and the fact-check tables (test/unit/data/facts-*.json) hold.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { builtinPackDir, builtinPackFiles, loadPackFiles } from '../../server/src/knowledge/load';
import { heldOn } from '../../server/src/knowledge/dates';

const ROOT = path.join(builtinPackDir(), '..', '..');

describe('built-in knowledge packs', () => {
  const files = builtinPackFiles();
  const loaded = loadPackFiles(files, true);
  const kb = new KnowledgeBase(loaded.packs);

  it('every pack parses and validates against the schema', () => {
    const report = loaded.problems.map((p) => `${path.basename(p.source)}: ${p.problems.slice(0, 5).map((q) => `@${q.start} ${q.message}`).join('; ')}`);
    assert.deepStrictEqual(report, []);
  });

  it('every pack is in canonical form (sorted, formatted)', () => {
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'format-packs.js'), '--check'], { stdio: 'pipe' });
    } catch (e) {
      assert.fail(String((e as { stderr: Buffer }).stderr));
    }
  });

  it('pack ids are unique', () => {
    const ids = loaded.packs.map((p) => p.data.pack.id);
    assert.deepStrictEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('no entity id is defined by two built-in packs', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of loaded.packs) {
      for (const e of p.data.entities ?? []) {
        if (owner.has(e.id)) clashes.push(`${e.id}: ${owner.get(e.id)} and ${p.data.pack.id}`);
        owner.set(e.id, p.data.pack.id);
      }
    }
    assert.deepStrictEqual(clashes, []);
  });

  it('no two entities share a normalized alias unless every one of them marks it ambiguous', () => {
    const byNorm = new Map<string, { id: string; ambiguous: boolean }[]>();
    for (const a of kb.aliases) {
      const key = `${a.form}:${a.norm}`;
      const list = byNorm.get(key) ?? [];
      if (!list.some((x) => x.id === a.entityId)) list.push({ id: a.entityId, ambiguous: a.ambiguous });
      else if (a.ambiguous) list.find((x) => x.id === a.entityId)!.ambiguous = true;
      byNorm.set(key, list);
    }
    const collisions = [...byNorm]
      .filter(([, list]) => list.length > 1 && list.some((x) => !x.ambiguous))
      .map(([norm, list]) => `${norm} → ${list.map((x) => x.id).join(', ')}`);
    assert.deepStrictEqual(collisions, []);
  });

  it('every reference (country, organization) points at an entity', () => {
    const missing: string[] = [];
    for (const e of kb.entities.values()) {
      if (e.country && !kb.get(e.country)) missing.push(`${e.id}.country → ${e.country}`);
      for (const r of e.roles ?? []) {
        if (r.country && !kb.get(r.country)) missing.push(`${e.id} role → ${r.country}`);
        if (r.organization && !kb.get(r.organization)) missing.push(`${e.id} role → ${r.organization}`);
      }
    }
    assert.deepStrictEqual(missing.slice(0, 40), []);
  });

  it('every role starts before it ends', () => {
    const bad: string[] = [];
    for (const e of kb.entities.values()) {
      for (const r of e.roles ?? []) if (r.from && r.to && r.to < r.from && !r.from.startsWith(r.to)) bad.push(`${e.id}: ${r.from}..${r.to}`);
    }
    assert.deepStrictEqual(bad, []);
  });

  it('holds at least the counts the knowledge base promises (news-lens kb stats)', () => {
    const count = (type: string) => [...kb.entities.values()].filter((e) => e.type === type).length;
    const datedPeople = [...kb.entities.values()].filter((e) => e.type === 'person' && (e.roles ?? []).some((r) => r.from || r.to)).length;
    assert.ok(count('country') >= 195, `countries: ${count('country')}`);
    assert.ok(count('location') >= 3000, `places: ${count('location')}`);
    assert.ok(count('organization') >= 3000, `organizations: ${count('organization')}`);
    assert.ok(count('person') >= 1500, `people: ${count('person')}`);
    assert.ok(datedPeople >= 1500, `people with dated roles: ${datedPeople}`);
  });

  it('has every UN member state and the territories news names', () => {
    // ISO codes of the territories the issue names: Kosovo, Taiwan, Western Sahara, Palestine, Vatican.
    for (const id of ['country:XK', 'country:TW', 'country:EH', 'country:PS', 'country:VA', 'country:SY', 'country:SS']) assert.ok(kb.get(id), id);
    const names = new Set([...kb.entities.values()].filter((e) => e.type === 'country').map((e) => e.name.en));
    for (const en of ['Somaliland', 'Northern Cyprus']) assert.ok([...names].some((n) => n?.includes(en)), en);
  });

  describe('fact-check tables', () => {
    const dataDir = path.join(__dirname, '..', '..', '..', 'test', 'unit', 'data');
    const factFiles = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => /^facts-.*\.json$/.test(f)) : [];
    for (const f of factFiles) {
      const facts = JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8')) as { person: string; titleEn: string; date: string; country?: string }[];
      for (const fact of facts) {
        it(`${f}: ${fact.person} was «${fact.titleEn}» on ${fact.date}`, () => {
          const e = kb.get(fact.person);
          assert.ok(e, `${fact.person} is not in the packs`);
          // A role with no dates at all proves nothing about a date.
          const held = (e.roles ?? []).filter((r) => (r.from || r.to) && r.title.en?.toLowerCase().includes(fact.titleEn.toLowerCase()) && heldOn(r, fact.date));
          assert.ok(held.length, `no role «${fact.titleEn}» covers ${fact.date}: ${JSON.stringify(e.roles)}`);
          if (fact.country) assert.ok(held.some((r) => (r.country ?? e.country) === fact.country), `not for ${fact.country}`);
        });
      }
    }
  });
});
