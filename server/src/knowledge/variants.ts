/**
 * Spelling variants of the packs' names, generated when a knowledge base is built (and so compiled
 * into dist/builtin-knowledge.bin), not typed into the packs. The rules are in ARCHITECTURE.md
 * («Spelling variants»); in short:
 *
 * - names of foreign origin (an entity whose country is not an Arab state): g written غ ج ق ك, a long
 *   vowel ي/و/ا inside the word written or not, the first vowel of the English name written as a long
 *   vowel, a final ا written ة, the ending -iel written ييل يال ائيل, ال before a foreign
 *   organization's or place's name written or not;
 * - every name: compounds joined or split (عبد العزيز / عبدالعزيز، أبو ظبي / أبوظبي، بن كيران /
 *   بنكيران);
 * - head nouns (حركة حماس): the rest alone (حماس) becomes an alias when it is a distinctive word;
 * - a title or head noun that opens an alias (الملك سلمان، تنظيم الدولة الإسلامية) is kept outside
 *   the span (AliasEntry.lead).
 *
 * p, v and the Persian letters need no rule: the fold table (analysis/normalize.ts) maps پ ڤ گ چ ژ
 * onto ب ف ك ج ز, in the packs and in the text alike.
 *
 * Ambiguity check: a generated form is dropped when it is an alias of another entity, when two
 * entities would get the same generated form, or when it is one common word (analysis/stopwords.ts).
 * All strings here are normalized (ة is ه, hamza forms of alef are ا).
 */
import { isCommonWord } from '../analysis/stopwords';
import type { AliasEntry } from './knowledge-base';
import type { Entity } from './types';

/** The members of the Arab League, whose people's names are not transliterated into Arabic. */
const ARAB_STATES = new Set(
  'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE'.split(' ').map((c) => `country:${c}`),
);

/** Letters that write the g of a foreign name. */
const G_LETTERS = ['غ', 'ج', 'ق', 'ك'];
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);

/** Titles and honorifics that may open a person's alias; they stay outside the span. */
const TITLES = new Set(
  'الملك الملكه الامير الاميره الشيخ الشيخه الرئيس السيد السيده الامام الدكتور البابا السلطان المشير الجنرال سمو جلاله فخامه'.split(' '),
);
/** Titles of two words. */
const TITLE_PAIRS = new Set(['ولي العهد', 'ايه الله', 'حجه الاسلام']);

/** Particles of European names that news joins to the next word or not. */
const PARTICLES = new Set(['دي', 'دو', 'دا', 'فان', 'فون']);
const TITLE_FIRSTS = new Set([...TITLE_PAIRS].map((p) => p.slice(0, p.indexOf(' '))));
/** Aliases that may hold a compound (عبد، أبو، أبي، بن). */
const COMPOUND_HINT = /عبد|ابو|ابي|بن/;

/** Head nouns of organizations and places (حركة حماس، سلطنة عمان، محافظة عدن). */
const HEADS = new Set(
  'حركه حزب تنظيم سلطنه محافظه مجلس جماعه جبهه منظمه دوله اماره ولايه مدينه قطاع منطقه مجموعه قناه صحيفه جريده مجله شركه وكاله موقع مليشيا ميليشيا مليشيات ميليشيات نادي'.split(' '),
);
/**
 * Heads after which one word alone is a distinctive name (حركة حماس → حماس، تنظيم داعش → داعش). After
 * the other heads the word is too often an ordinary one (ولاية وان، شركة نيسان، حزب تقدم).
 */
const GROUP_HEADS = new Set('حركه تنظيم جماعه جبهه مليشيا ميليشيا مليشيات ميليشيات'.split(' '));
/** Heads whose name may have several words (قناة فوكس نيوز → فوكس نيوز). */
const MEDIA_HEADS = new Set('قناه صحيفه جريده مجله شركه وكاله موقع'.split(' '));

/**
 * How many letter variants one entity may get: a person's are made from its last names (the words a
 * link or a short form matches), the cheapest first; an organization's or place's from its one-word names.
 */
const MAX_PER_ENTITY = 12;

/** True when the entity's names are transliterated from another language. */
export function isForeign(e: Entity): boolean {
  if (e.type === 'country') return false;
  return !!e.country && !ARAB_STATES.has(e.country);
}

/**
 * Other spellings of one token of a foreign name, each with its cost (the sum of its rules' costs,
 * lower is likelier), cheapest first. `en` is the English word at the same place when the English
 * name has as many words: it says whether there is a g and which vowel comes first. A word that
 * matches alone (`alone`) takes one cheap rule only, and only when it is long: short words are too
 * often Arabic words (كولونا → كلنا، لابيد → لابد).
 */
export function tokenVariants(w: string, en: string | undefined, alone = false): [string, number][] {
  const enLower = en?.toLowerCase();
  const hasG = !enLower || enLower.includes('g');
  const kafForG = !!enLower && enLower.includes('g') && !/[kcq]/.test(enLower);
  const maxCost = alone ? 2 : 4;
  const one = (x: string, out: [string, number][]) => {
    // -iel: غابرييل، غابريال، جبرائيل.
    for (const [from, tos] of IEL) if (x.endsWith(from) && x.length > from.length + 1) for (const to of tos) out.push([x.slice(0, -from.length) + to, 1]);
    // g: غ ↔ ج (cost 1), ق and ك (cost 3; ك only when the English has no k, c or q).
    if (hasG && x.length >= (alone ? 6 : 3)) {
      for (let i = 0; i < x.length; i++) {
        const c = x[i];
        if (!G_LETTERS.includes(c) || (c === 'ك' && !kafForG)) continue;
        for (const d of G_LETTERS) {
          if (d === c || (d === 'ك' && !kafForG)) continue;
          out.push([x.slice(0, i) + d + x.slice(i + 1), (c === 'غ' && d === 'ج') || (c === 'ج' && d === 'غ') ? 1 : 3]);
        }
      }
    }
    // A long vowel inside the word written or not (موغيريني / موغريني), in words of five letters or more.
    if (x.length >= (alone ? 7 : 5)) {
      for (let i = 1; i < x.length - 1; i++) {
        if (!LONG_VOWELS.has(x[i]) || LONG_VOWELS.has(x[i - 1]) || LONG_VOWELS.has(x[i + 1])) continue;
        if (i + 2 === x.length && x[i] === 'ي' && x[i + 1] === 'ه') continue; // ـية is a suffix.
        out.push([x.slice(0, i) + x.slice(i + 1), 2]);
      }
    }
    // A final ا written ة (ه after folding) and back.
    const finalMin = alone ? 6 : 4;
    if (x.length >= finalMin && x.endsWith('ا') && !x.endsWith('يا')) out.push([x.slice(0, -1) + 'ه', 2]);
    if (x.length >= finalMin && x.endsWith('ه') && !x.endsWith('يه')) out.push([x.slice(0, -1) + 'ا', 2]);
  };
  const best = new Map<string, number>([[w, 0]]);
  for (const p of prostheticAlef(w, enLower)) best.set(p, 1);
  // The first vowel of the English word written as a long vowel (Mitsubishi: متسوبيشي → ميتسوبيشي).
  if (enLower && w.length >= (alone ? 6 : 4) && !LONG_VOWELS.has(w[0]) && !LONG_VOWELS.has(w[1])) {
    const m = /^[^aeiouy]([aeiou])/.exec(enLower);
    const v = m ? { a: 'ا', e: 'ي', i: 'ي', o: 'و', u: 'و' }[m[1]] : undefined;
    if (v) best.set(w[0] + v + w.slice(1), 2);
  }
  // Rules combine while the cost allows (غابرييل → جابرييل → جبرييل → جبرائيل costs 4).
  let frontier: [string, number][] = [...best];
  while (frontier.length) {
    const next: [string, number][] = [];
    for (const [x, cost] of frontier) {
      const steps: [string, number][] = [];
      one(x, steps);
      for (const [y, c] of steps) {
        const total = cost + c;
        if (total > maxCost || (alone && cost > 0)) continue;
        const known = best.get(y);
        if (known !== undefined && known <= total) continue;
        best.set(y, total);
        next.push([y, total]);
      }
    }
    frontier = next;
  }
  best.delete(w);
  return [...best].sort((x, y) => x[1] - y[1]);
}

/**
 * An initial s + consonant written with an alef before it or not (ستيفان / استيفان، ستوكهولم /
 * استوكهولم), when the English word starts so.
 */
export function prostheticAlef(w: string, en: string | undefined): string[] {
  if (en && !/^s[^aeiouy]/.test(en)) return [];
  const consonant = (c: string | undefined) => c !== undefined && !LONG_VOWELS.has(c);
  if ((w[0] === 'س' || w[0] === 'ش') && consonant(w[1]) && w.length >= 4) return ['ا' + w];
  if (w[0] === 'ا' && (w[1] === 'س' || w[1] === 'ش') && consonant(w[2]) && w.length >= 5 && en) return [w.slice(1)];
  return [];
}

const IEL: [string, string[]][] = [
  ['ييل', ['يال', 'ائيل']],
  ['يال', ['ييل', 'ائيل']],
  ['ائيل', ['ييل', 'يال']],
];

/** Joined and split compounds of one alias (عبد العزيز ↔ عبدالعزيز، أبو ظبي ↔ أبوظبي، بن كيران ↔ بنكيران). */
export function compoundForms(tokens: string[], person: boolean): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // Joined: عبد + الX, أبو/أبي + X, بن + X (not بن + الX).
    if (next !== undefined && ((t === 'عبد' && next.startsWith('ال')) || ((t === 'ابو' || t === 'ابي') && next.length >= 3) || (person && t === 'بن' && i > 0 && next.length >= 3 && !next.startsWith('ال')))) {
      out.push([...tokens.slice(0, i), t + next, ...tokens.slice(i + 2)]);
    }
    // Joined particles of European names: دي ميستورا / ديميستورا، فان خال / فانخال.
    if (person && next !== undefined && i > 0 && PARTICLES.has(t) && next.length >= 3) out.push([...tokens.slice(0, i), t + next, ...tokens.slice(i + 2)]);
    // Split: عبدالX, أبوX, بنX (people only, after a first name).
    if (t.startsWith('عبدال') && t.length >= 7) out.push([...tokens.slice(0, i), 'عبد', t.slice(3), ...tokens.slice(i + 1)]);
    else if ((t.startsWith('ابو') || t.startsWith('ابي')) && t.length >= 6) out.push([...tokens.slice(0, i), t.slice(0, 3), t.slice(3), ...tokens.slice(i + 1)]);
    else if (person && t.startsWith('بن') && t.length >= 6 && i > 0) out.push([...tokens.slice(0, i), 'بن', t.slice(2), ...tokens.slice(i + 1)]);
  }
  return out;
}

/** How many tokens at the start of a person's alias are a title (الملك سلمان → 1, ولي العهد محمد → 2). */
export function titleLead(tokens: string[]): number {
  let lead = 0;
  for (;;) {
    if (lead + 1 < tokens.length && TITLE_PAIRS.has(tokens[lead] + ' ' + tokens[lead + 1])) lead += 2;
    else if (lead < tokens.length && TITLES.has(tokens[lead])) lead++;
    else break;
  }
  return lead < tokens.length ? lead : 0;
}

/** The name after a head noun that may stand alone (حركة حماس → حماس), or undefined. */
export function headRest(tokens: string[], foreign = false): string[] | undefined {
  if (tokens.length < 2 || !HEADS.has(tokens[0])) return undefined;
  const rest = tokens.slice(1);
  if (rest[0].startsWith('ال')) return undefined;
  if (rest.length === 1) return (GROUP_HEADS.has(tokens[0]) || (foreign && tokens[0] === 'حزب')) && rest[0].length >= 4 && !isCommonWord(rest[0]) ? rest : undefined;
  return MEDIA_HEADS.has(tokens[0]) ? rest : undefined;
}

/**
 * Adds the generated spellings of `aliases` (the merged knowledge base's, in place) and sets each
 * entry's `lead`. Called once per knowledge base; the compiled file stores the result.
 */
export function addGeneratedAliases(entities: ReadonlyMap<string, Entity>, aliases: AliasEntry[]): void {
  // Owners of every alias as written in a pack, by normalized form.
  const owners = new Map<string, string | null>();
  const own = (norm: string, id: string, map: Map<string, string | null>) => {
    const o = map.get(norm);
    if (o === undefined) map.set(norm, id);
    else if (o !== id) map.set(norm, null); // Two entities: null.
  };
  for (const a of aliases) own(a.norm, a.entityId, owners);
  const generated = new Map<string, string | null>();
  const proposals: { norm: string; from: AliasEntry; lead: number }[] = [];
  const count = aliases.length;
  let lastEntity: Entity | undefined;
  // A person's full names mostly share their last word: its variants are made once.
  const variantCache = new Map<string, [string, number][]>();
  const cachedVariants = (w: string, en: string | undefined, alone: boolean) => {
    const key = `${w}|${en ?? ''}|${alone ? 1 : 0}`;
    let v = variantCache.get(key);
    if (!v) variantCache.set(key, (v = tokenVariants(w, en, alone)));
    return v;
  };
  let budgetEntity = '';
  let budget = 0;
  const spentOn = new Set<string>();
  for (let i = 0; i < count; i++) {
    const a = aliases[i];
    if (a.form !== 'name') continue;
    const e = lastEntity?.id === a.entityId ? lastEntity : entities.get(a.entityId);
    lastEntity = e;
    if (!e) continue;
    const norm = a.norm;
    const foreign = isForeign(e);
    // Most aliases take no rule: not foreign, no compound, no head noun. They are told apart without
    // splitting them into tokens.
    const space = norm.indexOf(' ');
    if (!foreign && !COMPOUND_HINT.test(norm) && (e.type === 'person' || space < 0 || !HEADS.has(norm.slice(0, space)))) continue;
    const tokens = norm.split(' ');
    const person = e.type === 'person';
    // The alias and its compounds take the letter rules below; the other forms are one rule away already.
    const forms: string[][] = [tokens, ...compoundForms(tokens, person)];
    const spelled = forms.length;
    if (e.type === 'organization' || e.type === 'location') {
      const rest = headRest(tokens, foreign);
      if (rest) forms.push(rest);
    }
    if (foreign && !person && tokens.length === 1) {
      // ال before a foreign name, written or not (الكرملين، كرملين; ناتو، الناتو); ال is added to
      // organizations only, as a place's name with ال is too often a word (مشهد، المشهد).
      if (tokens[0].startsWith('ال') && tokens[0].length >= 7) forms.push([tokens[0].slice(2)]);
      else if (e.type === 'organization' && !tokens[0].startsWith('ال') && tokens[0].length >= 4 && /^[\u0621-\u064a]+$/.test(tokens[0])) forms.push(['ال' + tokens[0]]);
    }
    const propose = (norm: string) => {
      if (norm === a.norm) return;
      proposals.push({ norm, from: a, lead: 0 });
      own(norm, a.entityId, generated);
    };
    for (let f = 1; f < forms.length; f++) propose(forms[f].join(' '));
    if (!foreign) continue;
    // Letter rules: on the last word of a person's name (the family name, which links alone), on
    // an organization's or place's name of one word (foreign names of several words are translated).
    if (budgetEntity !== a.entityId) {
      budgetEntity = a.entityId;
      budget = MAX_PER_ENTITY;
      spentOn.clear();
    }
    const en = e.name.en?.toLowerCase().split(/[\s-]+/);
    const ranked: [string, number][] = [];
    for (const form of forms.slice(0, spelled)) {
      // A name of several words with an ال word in it is translated (المفوضية السامية…), not transliterated.
      if (!person && (form.length > 3 || form.some((t) => t.startsWith('ال')))) continue;
      const lead = person ? titleLead(form) : 0;
      // A person's first name takes one rule only: the alef before s + consonant (استيفان).
      if (person && form.length - lead > 1) {
        for (const v of prostheticAlef(form[lead], en?.[0])) ranked.push([[...form.slice(0, lead), v, ...form.slice(lead + 1)].join(' '), 1]);
      }
      for (let k = person ? form.length - 1 : 0; k < form.length; k++) {
        const enWord = en && en.length === form.length - lead ? en[k - lead] : en && form.length === 1 ? en[en.length - 1] : undefined;
        for (const [v, cost] of cachedVariants(form[k], enWord, form.length === 1)) ranked.push([[...form.slice(0, k), v, ...form.slice(k + 1)].join(' '), cost]);
      }
    }
    ranked.sort((x, y) => x[1] - y[1]);
    for (const [norm] of ranked) {
      // The same last-word variant on several full names of the entity costs the budget once.
      const lastWord = person ? norm.slice(norm.lastIndexOf(' ') + 1) : norm;
      if (!spentOn.has(lastWord)) {
        if (budget <= 0) continue;
        spentOn.add(lastWord);
        budget--;
      }
      propose(norm);
    }
  }
  const seen = new Set<string>();
  for (const p of proposals) {
    const norm = p.norm;
    const key = p.from.entityId + '\u0000' + norm;
    if (seen.has(key)) continue;
    seen.add(key);
    // The ambiguity check: another entity's alias, two entities' variants, or one common word.
    if (owners.has(norm) || generated.get(norm) === null) continue;
    if (norm.indexOf(' ') < 0 && (isCommonWord(norm) || norm.length < 3)) continue;
    aliases.push({ ...p.from, alias: norm, norm, generated: true, lead: 0 });
  }
  // Leads: a person's title, and a head noun before a name that is itself an alias of the entity.
  const byEntity = new Map<string, Set<string>>();
  for (const a of aliases) {
    // A place's unsafe alias is a word that needs its head (مدينة الباب: الباب is «the door»).
    if (a.form !== 'name' || a.type === 'person' || (a.unsafe && a.type !== 'organization')) continue;
    const set = byEntity.get(a.entityId);
    if (set) set.add(a.norm);
    else byEntity.set(a.entityId, new Set([a.norm]));
  }
  for (const a of aliases) {
    const space = a.form === 'name' ? a.norm.indexOf(' ') : -1;
    if (space < 0) continue;
    const first = a.norm.slice(0, space);
    if (a.type === 'person' ? !TITLES.has(first) && !TITLE_FIRSTS.has(first) : !HEADS.has(first)) continue;
    const tokens = a.norm.split(' ');
    if (a.type === 'person') a.lead = titleLead(tokens);
    else if (HEADS.has(tokens[0]) && tokens[0] !== 'جبهه') {
      // The head stays outside when the rest is the usual name: an alias of the entity itself
      // (تنظيم القاعدة، جماعة الحوثيين، وكالة تسنيم), or one word after a group head (جماعة الحوثي).
      // A front's name needs its head (جبهة النصرة), and a place's does when the rest alone is a
      // word (مدينة الباب).
      const rest = tokens.slice(1);
      if (byEntity.get(a.entityId)?.has(rest.join(' ')) || (rest.length === 1 && GROUP_HEADS.has(tokens[0]) && !isCommonWord(rest[0]))) a.lead = 1;
    }
  }
}
