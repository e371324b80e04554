/**
 * The surface forms that the matcher can match, written out for tools that match literal strings
 * (ripgrep -F, a regex alternation). Such tools match substrings, so a form already finds its
 * clitic-prefixed occurrences (وسوريا holds سوريا) and its nisba forms with ال (السوري holds سوري).
 * What they cannot do is fold spellings, so each form is listed as the pack writes it and as it is
 * normalized, with the written teh marbuta (ة) of normalized nisba forms, and the one clitic form that
 * is not a substring: ل + ال with the alef dropped (للأمم for الأمم).
 */
import type { KnowledgeBase } from '../server/src/knowledge/knowledge-base';

export function surfaceForms(kb: KnowledgeBase): string[] {
  const forms = new Set<string>();
  const add = (s: string) => {
    const f = s.trim();
    if (f.length < 2) return;
    forms.add(f);
    if (/^[اأإآ]ل/.test(f) && f.length > 3) forms.add('لل' + f.slice(2));
  };
  for (const e of kb.aliases) {
    add(e.alias);
    add(e.norm);
    // Nisba forms are generated normalized (سوريه); text writes the feminine with ة (سورية).
    if (e.form === 'adjective') add(e.norm.replace(/ه(?= |$)/g, 'ة'));
  }
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
