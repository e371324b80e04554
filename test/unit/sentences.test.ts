/**
 * The sentence collector keeps offsets and flags; tokens are made only for the sentences that a rule
 * reads, and the same tokens whether they are made at once (outline) or on demand.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CANDIDATES, matchArticle } from '../../server/src/analysis/analyzer';
import { segmentArticles } from '../../server/src/analysis/articles';
import { articleRoles, NO_ENTITY_INFO } from '../../server/src/analysis/roles';
import { SentenceCollector, sentenceOf, type SentenceEntry } from '../../server/src/analysis/sentences';
import { TokenBuffer } from '../../server/src/analysis/tokenize';
import type { Mention } from '../../server/src/analysis/types';
import { miniAnalyzer, REPO } from './helpers/fixture';

/** The first article of `text`: its mentions and the sentences collected with eager or lazy tokens. */
function collect(text: string, eager: boolean): { entries: SentenceEntry[]; mentions: Mention[]; article: ReturnType<typeof segmentArticles>[number] } {
  const article = segmentArticles(text)[0];
  const mentions: Mention[] = [];
  const sentences = new SentenceCollector(eager);
  matchArticle(text, article, 0, new TokenBuffer(), miniAnalyzer().gazetteer, DEFAULT_CANDIDATES, mentions, sentences);
  return { entries: sentences.take(), mentions, article };
}

describe('sentences: tokens on demand', () => {
  const text = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');

  it('makes the same tokens on demand as while the buffer holds the article', () => {
    const eager = collect(text, true);
    const lazy = collect(text, false);
    assert.strictEqual(lazy.entries.length, eager.entries.length);
    assert.ok(eager.entries.some((e) => e.triggers));
    for (let k = 0; k < eager.entries.length; k++) {
      const e = eager.entries[k];
      const l = lazy.entries[k];
      assert.deepStrictEqual([l.start, l.end, l.triggers, l.titles], [e.start, e.end, e.triggers, e.titles]);
      assert.strictEqual(!!e.sentence, e.triggers, 'eager collection makes the tokens of trigger sentences only');
      assert.strictEqual(l.sentence, undefined);
      const made = sentenceOf(text, lazy.article, l);
      assert.deepStrictEqual(made, sentenceOf(text, eager.article, e));
      assert.strictEqual(sentenceOf(text, lazy.article, l), made, 'made once');
    }
  });

  it('without the outline, makes tokens only for sentences where a role phrase may stand, then those with a title that starts a role', () => {
    const { entries, mentions, article } = collect(text, false);
    const w = articleRoles(text, article, 0, entries, mentions, 0, NO_ENTITY_INFO, false);
    assert.ok(w.roles.length > 0);
    const made = entries.filter((e) => e.sentence);
    assert.ok(made.length < entries.length);
    for (const e of made) assert.ok(e.titles);
    const firstWords = new Set(w.roles.map((r) => r.canon[0]));
    for (const e of entries) if (e.heads.some((h) => firstWords.has(h))) assert.ok(e.sentence, 'a title that starts a role may be a title mention');
    for (const r of w.roles) assert.ok(entries.some((e) => e.sentence === r.sentence));
  });

  it('reads no sentence of an article that gives nobody a role, unless the outline asks', () => {
    const snippet = 'قال الرئيس إن الاجتماع عقد في موسكو.\nوأكد وزير الخارجية في موسكو أهمية الحوار.\n';
    const lazy = collect(snippet, false);
    assert.ok(lazy.entries.length >= 2);
    const w = articleRoles(snippet, lazy.article, 0, lazy.entries, lazy.mentions, 0, NO_ENTITY_INFO, false);
    assert.deepStrictEqual([w.roles.length, w.sentences.length], [0, 0]);
    assert.ok(lazy.entries.every((e) => !e.sentence));
    const eager = collect(snippet, true);
    const full = articleRoles(snippet, eager.article, 0, eager.entries, eager.mentions, 0, NO_ENTITY_INFO, true);
    assert.strictEqual(full.sentences.length, eager.entries.filter((e) => e.triggers).length);
  });

  it('reads a sentence only when a name starts at most 16 words after a title that may head a role phrase', () => {
    // «في» ends a title, so no role phrase stands here: what matters is whether the sentence is read.
    const read = (words: number) => {
      const snippet = `التقى الرئيس ${'في '.repeat(words)}غير بيدرسون في جنيف.\n`;
      const c = collect(snippet, false);
      assert.ok(c.entries[0].titles && c.mentions.some((m) => m.type === 'person'));
      assert.strictEqual(articleRoles(snippet, c.article, 0, c.entries, c.mentions, 0, NO_ENTITY_INFO, false).roles.length, 0);
      return !!c.entries[0].sentence;
    };
    assert.deepStrictEqual([read(1), read(15), read(16)], [true, true, false]);
    const near = 'التقى الرئيس غير بيدرسون في جنيف.\n';
    const n = collect(near, false);
    assert.strictEqual(articleRoles(near, n.article, 0, n.entries, n.mentions, 0, NO_ENTITY_INFO, false).roles.length, 1);
  });

  it('gives the same mentions and roles with and without the outline, over many articles', () => {
    const feed = [text, 'قال الرئيس إن الاجتماع عقد في موسكو.', text.replace(/\n/g, ' ')].join('\n\n\n');
    const an = miniAnalyzer();
    const full = an.analyze(feed);
    const ent = an.analyze(feed, { outline: false });
    assert.deepStrictEqual(ent.mentions, full.mentions);
    assert.deepStrictEqual(ent.roles, full.roles);
    assert.deepStrictEqual(ent.outline, []);
    assert.ok(full.outline.length === 3 && full.outline[0].children.length > 0);
  });
});
