/**
 * The rule lexicon (knowledge/lexicon/*.json) is data reviewed like the packs: each file validates
 * against lexicon.schema.json, every form names a lemma, the tense is the row's, and a row added to
 * the lexicon is all it takes for a new reporting verb to make statements.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { DEFAULT_CANDIDATES, articleRules, matchArticle } from '../../server/src/analysis/analyzer';
import { segmentArticles } from '../../server/src/analysis/articles';
import { BUILTIN_TABLES, buildLexiconTables, LEXICON_FILES, type LexiconFiles } from '../../server/src/analysis/event-lexicon';
import { normalizeArabic } from '../../server/src/analysis/normalize';
import { NO_ENTITY_INFO } from '../../server/src/analysis/roles';
import { buildLexicon, getLexicon, SentenceCollector, type LexHit, type Lexicon } from '../../server/src/analysis/sentences';
import { hashString, TokenBuffer } from '../../server/src/analysis/tokenize';
import type { Mention, OutlineNode } from '../../server/src/analysis/types';
import { miniAnalyzer, REPO } from './helpers/fixture';

const DIR = path.join(REPO, 'knowledge', 'lexicon');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'lexicon.schema.json');

/** Every hit of a word as written, with its clitics. */
function hits(word: string, lex: Lexicon = getLexicon()): LexHit[] {
  const n = normalizeArabic(word);
  return (lex.byHash.get(hashString(n)) ?? []).filter((h) => h.form === n);
}

/** The statements of a text's first article read with a given lexicon. */
function statements(text: string, lex: Lexicon): OutlineNode[] {
  const article = segmentArticles(text)[0];
  const mentions: Mention[] = [];
  const sentences = new SentenceCollector(true, lex);
  matchArticle(text, article, 0, new TokenBuffer(), miniAnalyzer().gazetteer, DEFAULT_CANDIDATES, mentions, sentences);
  const outline = articleRules(text, article, 0, sentences, mentions, 0, NO_ENTITY_INFO, true).outline!;
  return outline.children.flatMap((c) => (c.kind === 'statement' ? [c] : c.children));
}

describe('lexicon: the files', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(DIR, 'lexicon.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('has the four files', () => assert.deepStrictEqual(FILES.sort(), ['meetings.json', 'statements.json', 'titles.json', 'words.json']));

  for (const f of FILES) {
    it(`${f} validates against lexicon.schema.json`, () => {
      const data = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
      assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 3)));
    });
  }

  it('a broken row fails the schema (an unknown tense)', () => {
    const data = JSON.parse(fs.readFileSync(path.join(DIR, 'statements.json'), 'utf8'));
    data.forms.push(['أكد', 'أكد', 'verb', 'pluperfect', '3ms']);
    assert.ok(!validate(data));
  });

  for (const f of ['statements.json', 'meetings.json', 'titles.json']) {
    it(`${f}: every form names a lemma, every lemma has a form, no row twice`, () => {
      const data = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as { lemmas: Record<string, unknown>; forms: string[][] };
      const used = new Set<string>();
      const rows = new Set<string>();
      for (const row of data.forms) {
        assert.ok(row[1] in data.lemmas, `${row[0]}: unknown lemma ${row[1]}`);
        used.add(row[1]);
        const key = row.map(normalizeArabic).join('|');
        assert.ok(!rows.has(key), `row twice: ${row.join(' ')}`);
        rows.add(key);
      }
      for (const id of Object.keys(data.lemmas)) assert.ok(used.has(id), `lemma ${id} has no form`);
    });
  }

  it('an unknown lemma in a form is refused when the tables are built', () => {
    const files: LexiconFiles = { ...LEXICON_FILES, statements: { lemmas: {}, forms: [['أكد', 'أكد', 'verb', 'past', '3ms']] } };
    assert.throws(() => buildLexiconTables(files), /unknown lemma/);
  });
});

describe('lexicon: the index', () => {
  const tense = (word: string) => hits(word).filter((h) => h.kind === 'statement').map((h) => (h.kind === 'statement' ? h.tense : ''));

  // Past forms that start with ن or ت (the old first-letter guess took them for present forms).
  const cases: [string, string][] = [
    ['ندد', 'past'],
    ['وندد', 'past'],
    ['نفت', 'past'],
    ['نقل', 'past'],
    ['تحدث', 'past'],
    ['تمنى', 'past'],
    ['يندد', 'present'],
    ['تؤكد', 'present'],
    ['سيؤكد', 'future'],
    ['وسيؤكد', 'future'],
    ['ستندد', 'future'],
  ];
  for (const [word, want] of cases) it(`${word} is ${want}`, () => assert.deepStrictEqual(tense(word), [want]));

  it('tells a verb and a masdar that normalize alike apart by the row (نفى / نفي)', () => {
    const got = hits('نفى').map((h) => (h.kind === 'statement' ? h.pos : h.kind)).sort();
    assert.deepStrictEqual(got, ['masdar', 'verb']);
  });

  it('reads participles and masdars with their clitics', () => {
    assert.deepStrictEqual(hits('مشيرا').map((h) => h.kind === 'statement' && h.pos), ['participle']);
    assert.deepStrictEqual(hits('ومؤكدا').map((h) => h.kind === 'statement' && h.pos), ['participle']);
    assert.deepStrictEqual(hits('التأكيد').map((h) => h.kind === 'statement' && h.pos), ['masdar']);
  });

  it('indexes honorific and envoy titles (خادم، ولي، المندوب) with their stacks', () => {
    for (const w of ['خادم', 'وخادم', 'ولي', 'المندوب', 'بالمندوب', 'للمندوب']) assert.ok(hits(w).some((h) => h.kind === 'title'), w);
  });

  it('builds the same index from the built-in tables', () => {
    assert.strictEqual(buildLexicon(BUILTIN_TABLES).byHash.size, getLexicon().byHash.size);
  });
});

describe('lexicon: adding a row is enough for a new verb', () => {
  // استبعد (to rule out) is in no table: a linguist adds a lemma and its forms.
  const text = 'واستبعد الأمين العام للأمم المتحدة أن تنتهي الحرب قريبا.';
  const withRow = (): Lexicon => {
    const files = JSON.parse(JSON.stringify(LEXICON_FILES)) as LexiconFiles;
    files.statements.lemmas['استبعد'] = { label: 'استبعد', code: '010' };
    files.statements.forms.push(['استبعد', 'استبعد', 'verb', 'past', '3ms']);
    return buildLexicon(buildLexiconTables(files));
  };

  it('without the row: no statement', () => assert.deepStrictEqual(statements(text, getLexicon()), []));

  it('with the row: a statement on the verb, labelled with the lemma', () => {
    const got = statements(text, withRow());
    assert.strictEqual(got.length, 1);
    assert.strictEqual(got[0].selectionStart, 0);
    assert.strictEqual(got[0].selectionEnd, 'واستبعد'.length);
    assert.match(got[0].label, /^استبعد/);
  });
});
