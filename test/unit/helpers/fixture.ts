/**
 * Test fixtures written the way a linguist reads them: `و[[إيران|country:IR]]` marks the expected
 * span of a mention and its entity id; the markers are removed to get the input text.
 */
import * as path from 'path';
import { Analyzer } from '../../../server/src/analysis/analyzer';
import type { Mention } from '../../../server/src/analysis/types';
import { KnowledgeBase } from '../../../server/src/knowledge/knowledge-base';
import { loadPackFiles } from '../../../server/src/knowledge/load';

export const REPO = path.join(__dirname, '..', '..', '..', '..');
export const MINI_PACK = path.join(REPO, 'test', 'fixtures', 'packs', 'mini.json');

export interface Expected {
  start: number;
  end: number;
  id: string;
  /** Optional form after a second bar: [[السوري|country:SY|adjective]]. */
  form?: string;
}

/** Splits a marked fixture into its text and the expected mentions. */
export function parseFixture(marked: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  let text = '';
  const re = /\[\[([^|\]]+)\|([^|\]]+)(?:\|([^\]]+))?\]\]/g;
  let at = 0;
  for (const m of marked.matchAll(re)) {
    text += marked.slice(at, m.index);
    const start = text.length;
    text += m[1];
    expected.push({ start, end: text.length, id: m[2], ...(m[3] ? { form: m[3] } : {}) });
    at = m.index! + m[0].length;
  }
  text += marked.slice(at);
  return { text, expected };
}

let mini: Analyzer | undefined;

/** An analyzer over the small test pack only: stable data for rule tests. */
export function miniAnalyzer(): Analyzer {
  if (!mini) {
    const loaded = loadPackFiles([MINI_PACK], false);
    if (loaded.problems.length) throw new Error(JSON.stringify(loaded.problems));
    mini = new Analyzer(new KnowledgeBase(loaded.packs));
  }
  return mini;
}

/** Mentions as comparable plain objects, in the fixture's vocabulary. */
export function asExpected(mentions: Mention[], withForm: boolean): Expected[] {
  return mentions.map((m) => ({ start: m.start, end: m.end, id: m.entityId, ...(withForm ? { form: m.form } : {}) }));
}
