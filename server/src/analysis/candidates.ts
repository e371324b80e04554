/**
 * Names no pack knows yet, found from their context: a person's name after a title or role
 * (الرئيس، وزير الخارجية الروسي، الشيخ), an organization after its head noun (حزب، حركة، وكالة), a
 * place after a place noun (مدينة، بلدة، مخيم). They become mentions with `known: false`, and a
 * person's last name alone later in the article links to the candidate, as it does for known people.
 *
 * The pass runs over a token buffer after the knowledge-base matcher, and only proposes spans over
 * tokens that no known mention covers. It never builds a string unless it emits a mention.
 */
import { FUNCTION_WORDS, LEXICON_WORDS } from './stopwords';
import { normalizeArabic } from './normalize';
import { HASH_SEED, hashRange, hashString, type TokenBuffer } from './tokenize';
import type { ArticleState } from './match';
import type { Gazetteer } from './gazetteer';
import type { EntityType, Mention } from './types';
import { ALEF, BEH, FEH, HEH, KAF, LAM, WAW, YEH } from './letters';

/** Which candidate types to look for. */
export interface CandidateOptions {
  person: boolean;
  organization: boolean;
  location: boolean;
}

const words = (s: string): number[] => s.split(/\s+/).filter(Boolean).map((w) => hashString(normalizeArabic(w)));

/**
 * What a word is to the candidate rules, as bits: every word list below is one bit, and one table
 * maps a token's hash to the bits of every list that holds it. A token is looked up once (and once
 * per clitic reading) instead of once per list, in a table of integers instead of a Set.
 */
const PERSON_TITLE = 1;
const TITLE_LINK = 1 << 1;
const ORG_HEAD = 1 << 2;
const ORG_HEAD_BARE_NAME = 1 << 3;
const PLACE_HEAD = 1 << 4;
const NOT_NAME = 1 << 5;
const HONORIFIC = 1 << 6;
const NAME_JOINER = 1 << 7;
const YEH_NAME = 1 << 8;
const MALE_TEH_NAME = 1 << 9;

/** An open-addressing table from a token hash to its bits (0 when the hash is in no list). */
class WordBits {
  private keys = new Int32Array(16);
  private bits = new Uint16Array(16);
  private shift = 28;
  private size = 0;

  add(hashes: Iterable<number>, bit: number): void {
    for (const h of hashes) {
      const i = this.slot(h);
      if (this.bits[i] === 0) {
        this.keys[i] = h;
        this.size++;
      }
      this.bits[i] |= bit;
      if (this.size * 4 > this.keys.length) this.grow();
    }
  }

  get(h: number): number {
    const keys = this.keys;
    const bits = this.bits;
    const mask = keys.length - 1;
    for (let i = Math.imul(h, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const b = bits[i];
      if (b === 0 || keys[i] === h) return b;
    }
  }

  /** The slot that holds `h`, or the empty slot where it goes. */
  private slot(h: number): number {
    const mask = this.keys.length - 1;
    for (let i = Math.imul(h, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) if (this.bits[i] === 0 || this.keys[i] === h) return i;
  }

  private grow(): void {
    const keys = this.keys;
    const bits = this.bits;
    this.keys = new Int32Array(keys.length * 2);
    this.bits = new Uint16Array(keys.length * 2);
    this.shift--;
    for (let j = 0; j < keys.length; j++) {
      if (bits[j] === 0) continue;
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.bits[i] = bits[j];
    }
  }
}

const WORDS = new WordBits();

/** Titles and roles after which a person's name follows (with or without ال, clitics split off). */
WORDS.add(
  words(`
الرئيس رئيس الملك ملك الأمير أمير ولي الشيخ شيخ السيد السيدة الدكتور الدكتورة الأستاذ المهندس الإمام
الوزير وزير الوزيرة وزيرة نائب النائب مساعد معاون مستشار المستشار السفير سفير السفيرة المبعوث مبعوث
المندوب مندوب الناطق المتحدث الجنرال العقيد اللواء العميد المشير الرائد النقيب القائد قائد
الزعيم زعيم الأمين أمين المدير مدير الحاكم حاكم المحافظ محافظ القاضي قاضي المدعي البابا الكاردينال
المطران الحاخام آية حجة المرشد الخبير المحلل الكاتب الكاتبة الصحفي الصحافي المراسل الشاعر الروائي
الفنان الفنانة الممثل الممثلة المطرب المطربة النجم اللاعب المدرب الحارس المهاجم الراحل
المرحوم الشهيد المعارض الناشط الناشطة الباحث البروفسور البروفيسور المفكر
`),
  PERSON_TITLE,
);

/** Words that continue a title before the name: السابق، الأسبق، العام، الخاص… (and any ال-word). */
WORDS.add(words('باسم لدى لشؤون للشؤون'), TITLE_LINK);

/** Organization head nouns: the head and the name after it form the candidate. */
WORDS.add(
  words(`
حزب حركة جبهة منظمة هيئة مجلس لجنة وكالة شركة جامعة اتحاد جمعية مؤسسة بنك مصرف صحيفة جريدة مجلة قناة
تلفزيون إذاعة مجموعة تنظيم معهد مركز نادي جماعة كتائب ألوية لواء فيلق ميليشيا
`),
  ORG_HEAD,
);

/** Heads that may be followed by a bare (indefinite) name: حركة حماس، شركة نوكيا، صحيفة هآرتس. */
WORDS.add(words('حزب حركة جبهة شركة صحيفة جريدة مجلة قناة وكالة نادي تنظيم جماعة مجموعة بنك مصرف'), ORG_HEAD_BARE_NAME);

/** Place nouns: the name after them is a place. */
WORDS.add(words('مدينة بلدة محافظة ولاية قرية مخيم إقليم جزيرة ميناء ناحية قضاء مديرية'), PLACE_HEAD);

/** Words that look like names but are not: function words, time words, frequent nouns and verbs. */
WORDS.add([...FUNCTION_WORDS].map((w) => hashString(w)), NOT_NAME);
WORDS.add(
  words(`
  إن أن ان لأن كما لكن بل حيث إذ إذا لو عندما بينما الذي التي الذين اللذين اللتين هو هي هم هما نحن أنا
  يوم أمس غدا صباح مساء ليلة أسبوع شهر سنة عام العام الأسبوع الشهر السنة الماضي المقبل الحالي أيضا فقط جدا
  قال وقال يقول قالت أكد أشار أضاف أعلن ذكر أوضح صرح دعا طالب حذر نفى اعتبر رأى كان كانت يكون تكون ليس
  اقتراح نهاية بداية عصر عدة قسم بعثة جهة حملة قرار خطة مشروع برنامج اتفاق اتفاقية عملية ملف قضية مسألة
  عضو مقابل بدوره بسبب عقب إثر وفق رغم برغم استنادا نظرا بعد قبل خلال أثناء بين شؤون سمو جلالة فخامة معالي
  أمام خلف داخل خارج عبر ضمن لدى منذ حين آنذاك حاليا سابقا لاحقا مؤخرا أخيرا عند كل كلا كلتا
  مصدر مصادر مسؤول مسؤولون متحدث بيان تقرير اجتماع لقاء زيارة محادثات مؤتمر قمة جلسة حكومة دولة دول
  الجديد الجديدة السابق السابقة الأسبق الحالي الأول الثاني الأولى العام الخاص الخاصة الأعلى الأعلي
  عدد بعض جميع كافة أي غير سوى نحو حوالي أكثر أقل أكبر أصغر كبير صغير جديد جديدة أخرى آخر آخرين
  وزارة الوزارة الحكومة البرلمان المجلس الجيش الشرطة القوات الأمن السلطة السلطات الدولة الشعب
  `),
  NOT_NAME,
);

/** Frequent verbs, pronouns, particles and common nouns of news text (analysis/stopwords.ts). */
WORDS.add([...LEXICON_WORDS].map((w) => hashString(w)), NOT_NAME);
WORDS.add(
  words(`
  أي بأي عزم عزما رغبة رغبته قراره سيره حملته دورة لقب كأس مجرد فكرة أفكار أفكارا إيضاحات مساعدة مساعدات
  نحو حوالي نيابة سعادة جلالته سموه فخامته معاليه ساكنا مرحبا موجها أكيدا جدا ومعه معه لديه لديها عليه عليها
  شرق غرب شمال جنوب وسط طلب طعن طرح طرحت صرحت أطلق أحرز حرص تطورات مستجدات
  وهي وهو ولا ولم ولن وقد سعى بدا جاء عاد قام شكل مثابة ضمن وجود نتائج ممثل ممثلا يا تم بأن بأنه
  `),
  NOT_NAME,
);

/** Honorifics that precede a name directly though they have no ال (السيد is definite already). */
WORDS.add(words('سيدي مولاي سمو'), HONORIFIC);

/** Tokens that join the parts of one name: بن، بنت، أبو، آل، عبد، ولد، دي، دو، فان، فون. */
WORDS.add(words('بن ابن بنت أبو ابو أبي آل عبد ولد دي دو فان فون'), NAME_JOINER);

/** Names that start with ي like an imperfect verb does. */
WORDS.add(words('يوسف ياسر يحيى يعقوب يونس يزيد ياسين يسرى يمنى ياسمين يوري يوهان يان يانغ يوشيهيدي يولي تركي تميم تمام تغريد تسيبي'), YEH_NAME);

/** Men's names in ة. */
WORDS.add(words('أسامة حمزة طلحة عبيدة معاوية قتيبة عكرمة عطية'), MALE_TEH_NAME);

/** True when the word with hash `h` is in the list of `bit`. */
function isWord(h: number, bit: number): boolean {
  return (WORDS.get(h) & bit) !== 0;
}

/** What covers a token in `covered`: nothing (0), a known person, an adjective, another name. */
const PERSON_NAME = 1;
const ADJECTIVE = 2;
const OTHER_NAME = 3;


/**
 * The bits of token t and of its readings without و/ف and without ب/ك/ل (clitics on cue words:
 * وزير، لحزب، بمدينة), from the hashes the tokenizer computed.
 */
function cueBits(buf: TokenBuffer, t: number): number {
  const whole = buf.hash[t];
  const conj = buf.conjHash[t];
  const prep = buf.prepHash[t];
  let bits = WORDS.get(whole);
  if (conj !== whole) bits |= WORDS.get(conj);
  if (prep !== conj) bits |= WORDS.get(prep);
  return bits;
}

function startsWithAl(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  return buf.normLen[t] > 3 && buf.norm[s] === ALEF && buf.norm[s + 1] === LAM;
}

function isDigits(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  for (let i = s; i < s + buf.normLen[t]; i++) if (buf.norm[i] >= 0x30 && buf.norm[i] <= 0x39) return true;
  return false;
}

/** A token that can be part of a name: not a function word, not a number, at least two letters. */
function nameLike(buf: TokenBuffer, t: number): boolean {
  return buf.normLen[t] >= 2 && !isDigits(buf, t) && !isWord(buf.hash[t], NOT_NAME);
}

/**
 * A word that a person's name never is, though nameLike lets it through: a common word after و/ف
 * or a preposition (وعدد، بحفظ، لكأس), a title (a name stops before وزير), a noun or verb with an
 * attached pronoun (قراره، غزواته، تحثه: a final ه that the text does not write ة), or a word that
 * carries the accusative tanween (ساكناً).
 */
function notPersonWord(buf: TokenBuffer, t: number, text: string | undefined, first = true): boolean {
  const bits = cueBits(buf, t);
  if ((bits & (NOT_NAME | PERSON_TITLE)) !== 0 || (first && lamBeforeNoun(buf, t))) return true;
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  // ب before a word in alef (بإيعاز، بأنه) opens no name; a later word of a name may (نانسي باكير).
  if (first && n >= 5 && buf.norm[s] === BEH && buf.norm[s + 1] === ALEF && buf.norm[s + 2] !== LAM) return true;
  if (accusative(buf, t)) return true;
  if (!text) return false;
  const last = buf.norm[s + n - 1];
  const before = buf.norm[s + n - 2];
  // A later word of a name may end in ه in four letters (محمد عبده) or in زاده (سعيد خطيب زاده).
  if (n >= 4 && last === HEH && text.charCodeAt(buf.normOrig[s + n - 1]) === HEH && before !== YEH && before !== ALEF) {
    if (first || before === TEH || (n >= 5 && !(before === 0x062f && buf.norm[s + n - 3] === ALEF && buf.norm[s + n - 4] === 0x0632))) return true;
  }
  // ـها، ـهم: «her», «their».
  if (n >= 5 && before === HEH && (last === ALEF || last === MEEM)) return true;
  for (let i = buf.start[t]; i < buf.end[t]; i++) if (text.charCodeAt(i) === TANWEEN_FATH) return true;
  return false;
}

const MEEM = 0x0645;

/**
 * An indefinite accusative in ـا without its tanween written (قادما، شاملا، موقفا): four letters or
 * more, ا after a consonant, no long vowel before it save the ا of فاعل. Names in ـا have long
 * vowels (لينا، أنجيلا) or three letters (رضا، سها).
 */
function accusative(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  if (n < 4 || buf.norm[s + n - 1] !== ALEF || LONG_VOWEL(buf.norm[s + n - 2])) return false;
  for (let i = s + 1; i < s + n - 2; i++) if (LONG_VOWEL(buf.norm[i]) && !(i === s + 1 && buf.norm[i] === ALEF && n === 5)) return false;
  return true;
}

/**
 * True when the nisba adjective at `t` stands for a person (وتغلب الروسي نيكولاي دافيدنكو): definite,
 * singular (ـي or ـية), and not agreeing with a definite noun before it (الجانب الروسي).
 */
function nationalityNoun(buf: TokenBuffer, t: number): boolean {
  if (!startsWithAl(buf, t)) return false;
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  const last = buf.norm[s + n - 1];
  if (!(last === YEH || (last === HEH && buf.norm[s + n - 2] === YEH))) return false;
  return t === 0 || !buf.softGap[t] || !definite(buf, t - 1);
}

/** A word with ال, after proclitics or not (الاقتصاد، بالاقتصاد، وللاقتصاد). */
function definite(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  let q = s;
  if (n > 4 && (buf.norm[q] === WAW || buf.norm[q] === FEH)) q++;
  if (s + n - q > 4 && (buf.norm[q] === BEH || buf.norm[q] === KAF || buf.norm[q] === LAM)) {
    if (buf.norm[q] === LAM && buf.norm[q + 1] === LAM) return true;
    q++;
  }
  return s + n - q > 3 && buf.norm[q] === ALEF && buf.norm[q + 1] === LAM;
}

/**
 * A first word that is a preposition ل before a noun or a verb (لانفاق، لاعمار، لتحويل، ليبدأ،
 * لشركة): ل, then an alef, a ت or ي, or a head noun.
 */
function lamBeforeNoun(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  let q = s;
  if ((buf.norm[q] === WAW || buf.norm[q] === FEH) && n > 4) q++;
  if (buf.norm[q] !== LAM || s + n - q < 4) return false;
  const c = buf.norm[q + 1];
  if (c === ALEF || c === TEH || c === YEH) return true;
  return isWord(hashRange(buf.norm, q + 1, s + n, HASH_SEED), ORG_HEAD | PLACE_HEAD | NOT_NAME);
}

const TEH = 0x062a;

/**
 * A word in ة after a masculine title is a noun (الرئيس سلطة، الإمام قصة، الرئيس محاكمة), save the men's
 * names that end so (أسامة، حمزة).
 */
function nounInTehMarbuta(buf: TokenBuffer, t: number, text: string | undefined): boolean {
  if (!text) return false;
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  return n >= 3 && text.charCodeAt(buf.normOrig[s + n - 1]) === 0x0629 && !isWord(buf.hash[t], MALE_TEH_NAME);
}
const TANWEEN_FATH = 0x064b;

/** Per-article memory of candidates: last names to link, by hash. */
interface CandidateLinks {
  byHash: Map<number, { token: string; id: string }>;
  /** A bit per low bits of each hash in `byHash`, so that most tokens skip the map. */
  bits: Int32Array;
}

const LINK_BITS = 1 << 12;

function addLink(links: CandidateLinks, h: number, link: { token: string; id: string }): void {
  links.byHash.set(h, link);
  const b = h & (LINK_BITS - 1);
  links.bits[b >>> 5] |= 1 << (b & 31);
}

function mayLink(links: CandidateLinks, h: number): boolean {
  const b = h & (LINK_BITS - 1);
  return (links.bits[b >>> 5] & (1 << (b & 31))) !== 0;
}

/** The link whose hash is one of the token's readings (whole, without و/ف, without ب/ك/ل), if any. */
function findLink(links: CandidateLinks, buf: TokenBuffer, t: number): { token: string; id: string } | undefined {
  const whole = buf.hash[t];
  const conj = buf.conjHash[t];
  const prep = buf.prepHash[t];
  if (!mayLink(links, whole) && !mayLink(links, conj) && !mayLink(links, prep)) return undefined;
  return links.byHash.get(whole) ?? links.byHash.get(conj) ?? links.byHash.get(prep);
}

const linksOf = new WeakMap<ArticleState, CandidateLinks>();

/** Which tokens of the buffer known mentions cover; reused across calls (see findCandidates). */
let coveredScratch = new Uint8Array(1024);

function candidateMention(start: number, end: number, type: EntityType, id: string, alias: string, article: number, linked = false): Mention {
  return { start, end, entityId: id, type, form: 'name', known: false, reason: linked ? 'linked' : 'candidate', alias, pack: '', article };
}

/**
 * Adds candidate mentions for the tokens of `buf` to `out`. `firstMention` is the index in `out` of
 * the first mention the matcher found in this buffer; the result stays sorted and disjoint.
 */
export function findCandidates(buf: TokenBuffer, out: Mention[], firstMention: number, state: ArticleState, options: CandidateOptions, text?: string, gazetteer?: Gazetteer): void {
  const n = buf.count;
  if (!n) return;
  // Which tokens known mentions cover, and whether a known mention starts a title chain.
  if (coveredScratch.length < n) coveredScratch = new Uint8Array(Math.max(n, coveredScratch.length * 2));
  const covered = coveredScratch;
  covered.fill(0, 0, n);
  let t = 0;
  for (let i = firstMention; i < out.length; i++) {
    const m = out[i];
    while (t < n && buf.end[t] <= m.start) t++;
    const kind = m.type === 'person' ? PERSON_NAME : m.form === 'adjective' ? ADJECTIVE : OTHER_NAME;
    for (let u = t; u < n && buf.start[u] < m.end; u++) covered[u] = kind;
  }
  let links = linksOf.get(state);
  const found: Mention[] = [];
  // True after a person's title (the only cue that waits for the next tokens).
  let cue = false;
  let titleChain = 0;
  // True just after a definite nationality adjective that ends no title.
  let nationality = false;
  // True when the last title was feminine (السيدة، الوزيرة): a name in ة may follow it.
  let feminineTitle = false;
  for (t = 0; t < n; t++) {
    if (covered[t]) {
      // A known adjective or place continues a person's title (الرئيس الفرنسي، سفير فرنسا لدى).
      if (cue && covered[t] !== PERSON_NAME && titleChain < 6) titleChain++;
      else {
        // A definite nationality adjective may stand before a full name on its own: الروسي نيكولاي دافيدنكو.
        nationality = options.person && covered[t] === ADJECTIVE && nationalityNoun(buf, t);
        cue = false;
      }
      continue;
    }
    if (nationality && buf.softGap[t]) {
      nationality = false;
      if (nameLike(buf, t) && nameStartLike(buf, t) && !notPersonWord(buf, t, text)) {
        const end = personNameEnd(buf, t, covered, text);
        // One word after an adjective is too often a noun (الموقف الأمريكي تجاه): a full name only,
        // and one with no ال word (الإسرائيلي جراء العدوان).
        let plain = end > t;
        for (let u = t; plain && u <= end; u++) plain = !startsWithAl(buf, u);
        if (plain) {
          found.push(candidateMention(buf.start[t], buf.end[end], 'person', candidateId(buf, t, end), '', state.index));
          t = end;
          continue;
        }
      }
    }
    nationality = false;
    const bits = cueBits(buf, t);
    if (options.person && (bits & PERSON_TITLE) !== 0) {
      // A definite title (الرئيس) may be followed by the name at once; a title in construct state
      // (رئيس، ملك، وزير) first takes its complement (رئيس الوزراء، ملك أراجون is a king of a place).
      cue = true;
      titleChain = startsWithAl(buf, t) || isWord(buf.hash[t], HONORIFIC) ? 1 : 0;
      feminineTitle = buf.norm[buf.normStart[t] + buf.normLen[t] - 1] === HEH;
      continue;
    }
    if (options.organization && (bits & ORG_HEAD) !== 0 && t + 1 < n && buf.softGap[t + 1]) {
      const end = orgNameEnd(buf, t, covered);
      if (end > t) {
        const start = buf.normOrig[buf.normStart[t] + (buf.normLen[t] - orgHeadLength(buf, t))];
        found.push(candidateMention(start, buf.end[end], 'organization', candidateId(buf, t, end), '', state.index));
        t = end;
        cue = false;
        continue;
      }
    }
    if (options.location && (bits & PLACE_HEAD) !== 0 && t + 1 < n && buf.softGap[t + 1] && !covered[t + 1] && nameLike(buf, t + 1)) {
      const u = t + 1;
      const end = u + 1 < n && buf.softGap[u + 1] && !covered[u + 1] && nameLike(buf, u + 1) && !startsWithAl(buf, u + 1) && joins(buf, u) ? u + 1 : u;
      found.push(candidateMention(buf.start[u], buf.end[end], 'location', candidateId(buf, u, end), '', state.index));
      t = end;
      cue = false;
      continue;
    }
    if (cue && buf.softGap[t]) {
      // Words of the title (الخارجية، السابق، باسم) keep the chain going.
      if ((startsWithAl(buf, t) || isWord(buf.hash[t], TITLE_LINK)) && titleChain < 6) {
        titleChain++;
        continue;
      }
      if (titleChain > 0 && nameLike(buf, t) && nameStartLike(buf, t) && !notPersonWord(buf, t, text) && (feminineTitle || !nounInTehMarbuta(buf, t, text))) {
        const end = personNameEnd(buf, t, covered, text);
        // A first name just before a known person's one-word last name is that person's (المندوب
        // دان غيلرمان): the known mention takes it in rather than a candidate standing beside it.
        if (end === t && extendKnownLastName(buf, t, out, firstMention, covered, gazetteer)) {
          t = end + 1;
          cue = false;
          continue;
        }
        const id = candidateId(buf, t, end);
        found.push(candidateMention(buf.start[t], buf.end[end], 'person', id, '', state.index));
        if (end > t) {
          const last = buf.tokenText(end);
          if (last.length >= 3 && !isWord(buf.hash[end], NOT_NAME | PERSON_TITLE)) {
            if (!links) linksOf.set(state, (links = { byHash: new Map(), bits: new Int32Array(LINK_BITS >>> 5) }));
            addLink(links, buf.hash[end], { token: last, id });
          }
        }
        t = end;
        cue = false;
        continue;
      }
    }
    // A last name alone, after the candidate was named in full earlier in the article.
    if (links) {
      const link = findLink(links, buf, t);
      if (link && nameLike(buf, t) && !notPersonWord(buf, t, text)) {
        const strip = buf.hash[t] === hashString(link.token) ? 0 : buf.normLen[t] - link.token.length;
        found.push(candidateMention(buf.normOrig[buf.normStart[t] + strip], buf.end[t], 'person', link.id, link.token, state.index, true));
      }
    }
    cue = false;
  }
  if (found.length) mergeSorted(out, firstMention, found);
}

/**
 * The first word of a person's name: no ال, no clitic-looking start (وأعضاء، ومعالي، للسياسة، بالقرب),
 * at most a short word after و (وليد، وائل are names; ووالي is «and the governor»).
 */
function nameStartLike(buf: TokenBuffer, t: number): boolean {
  if (startsWithAl(buf, t)) return false;
  // An imperfect verb (يريد، يعلم، سيقاطع) is not a name; a few names start like one.
  if (looksImperfect(buf, t) && !isWord(buf.hash[t], YEH_NAME)) return false;
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  const a = buf.norm[s];
  const b = buf.norm[s + 1];
  if (a === WAW && n > 4) return false;
  if ((a === LAM && b === LAM) || ((a === BEH || a === KAF || a === WAW || a === FEH) && b === ALEF && buf.norm[s + 2] === LAM)) return false;
  return true;
}

function looksImperfect(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  const n = buf.normLen[t];
  const a = buf.norm[s];
  // سيفعل، ستفعل: the future prefix needs a longer word (سيرغي is a name).
  const b = buf.norm[s + 1];
  if (n >= 4 && a === YEH) return true;
  if (n >= 6 && a === 0x0633 && (b === YEH || b === TEH)) return true;
  // ستفعل in five letters (ستثير), not ستيفن، ستالين: a long vowel after ست is a name's.
  if (n === 5 && a === 0x0633 && b === TEH && !LONG_VOWEL(buf.norm[s + 2])) return true;
  // سيفعل in five letters with three consonants after سي (سيذهب، سيبدأ), not سيرغي، سيمون.
  if (n === 5 && a === 0x0633 && b === YEH && !LONG_VOWEL(buf.norm[s + 2]) && !LONG_VOWEL(buf.norm[s + 3]) && !LONG_VOWEL(buf.norm[s + 4])) return true;
  // تفعل: a ت before a consonant (تحمل، تعرض، تقام), but تركي، تميم and names with تش، توـ، تيـ are names.
  return n >= 4 && a === TEH && !LONG_VOWEL(b) && b !== 0x0634 && !isWord(buf.hash[t], YEH_NAME);
}

const LONG_VOWEL = (c: number) => c === ALEF || c === WAW || c === YEH;

/** A later word of a name: not a perfect verb in ـت of five letters or more (تناولت، استطاعت). */
function nameContinuationLike(buf: TokenBuffer, t: number): boolean {
  const n = buf.normLen[t];
  return !(n >= 5 && buf.norm[buf.normStart[t] + n - 1] === 0x062a) && !looksImperfect(buf, t);
}

function joins(buf: TokenBuffer, t: number): boolean {
  return isWord(buf.hash[t], NAME_JOINER);
}

/** The last token of a person's name that starts at `t`: up to four words, plus joiners (بن، عبد…). */
function personNameEnd(buf: TokenBuffer, t: number, covered: Uint8Array, text?: string): number {
  let end = t;
  let words = 1;
  const n = buf.count;
  while (words < 4 && end + 1 < n && buf.softGap[end + 1] && !covered[end + 1]) {
    const next = end + 1;
    if (joins(buf, end)) {
      end = next; // بن X، عبد الله: the joiner takes the next word whatever it is.
      words++;
      continue;
    }
    if (joins(buf, next)) {
      end = next;
      continue;
    }
    if (!nameLike(buf, next) || !nameContinuationLike(buf, next) || notPersonWord(buf, next, text, false)) break;
    // «and …» ends the name (حملته ونجح، ولم): a later word of a name does not start with و.
    if (buf.norm[buf.normStart[next]] === WAW && buf.normLen[next] > 3) break;
    // A family name with ال follows a first name alone (فؤاد السنيورة), not a complete name (… الوفد).
    if (!nameStartLike(buf, next) && !(startsWithAl(buf, next) && end === t)) break;
    end = next;
    words++;
  }
  if (joins(buf, end) && end > t) end--;
  return end;
}

/**
 * When token t + 1 is a known person's mention of one token, moves that mention's start back to
 * token t and returns true.
 */
function extendKnownLastName(buf: TokenBuffer, t: number, out: Mention[], firstMention: number, covered: Uint8Array, gazetteer: Gazetteer | undefined): boolean {
  const u = t + 1;
  if (!gazetteer || u >= buf.count || covered[u] !== PERSON_NAME || !buf.softGap[u]) return false;
  for (let i = firstMention; i < out.length; i++) {
    const m = out[i];
    if (m.start >= buf.start[u] && m.end <= buf.end[u] && m.type === 'person' && m.known && m.form === 'name') {
      // The first name must be the person's in some spelling: its first two letters open one of the
      // person's full names (دان for داني غيلرمان; رامون is not Felipe Calderón).
      const s = buf.normStart[t];
      const ok = buf.normLen[t] >= 2 && gazetteer.fullNames(m.entityId).some((p) => p.tokens[0].charCodeAt(0) === buf.norm[s] && p.tokens[0].charCodeAt(1) === buf.norm[s + 1]);
      if (!ok) return false;
      if (i > firstMention && out[i - 1].end > buf.start[t]) return false;
      m.start = buf.start[t];
      return true;
    }
    if (m.start > buf.end[u]) break;
  }
  return false;
}

/** Letters of the head noun itself, without its clitics (وحزب → حزب). */
function orgHeadLength(buf: TokenBuffer, t: number): number {
  const s = buf.normStart[t];
  let q = s;
  const end = s + buf.normLen[t];
  if ((buf.norm[q] === WAW || buf.norm[q] === FEH) && end - q > 3) q++;
  if ((buf.norm[q] === BEH || buf.norm[q] === KAF || buf.norm[q] === LAM) && end - q > 3 && isWord(hashRange(buf.norm, q + 1, end, HASH_SEED), ORG_HEAD)) q++;
  return end - q;
}

/** The last token of an organization's name after its head at `t`, or `t` when there is none. */
function orgNameEnd(buf: TokenBuffer, t: number, covered: Uint8Array): number {
  const n = buf.count;
  let end = t;
  const bare = isWord(hashRange(buf.norm, buf.normStart[t] + buf.normLen[t] - orgHeadLength(buf, t), buf.normStart[t] + buf.normLen[t], HASH_SEED), ORG_HEAD_BARE_NAME);
  while (end - t < 4 && end + 1 < n && buf.softGap[end + 1]) {
    const next = end + 1;
    if (covered[next]) {
      end = next; // A known place or adjective inside the name: جامعة القاهرة، وكالة الأنباء الفرنسية.
      continue;
    }
    if (!nameLike(buf, next)) break;
    if (startsWithAl(buf, next)) end = next;
    else if (end === t && bare) {
      end = next;
      break;
    } else break;
  }
  // A name made only of known mentions is not a new organization: it is a description.
  let anyNew = false;
  for (let u = t + 1; u <= end; u++) if (!covered[u]) anyNew = true;
  return anyNew ? end : t;
}

function candidateId(buf: TokenBuffer, from: number, to: number): string {
  const parts: string[] = [];
  for (let u = from; u <= to; u++) parts.push(buf.tokenText(u));
  return `candidate:${parts.join(' ')}`;
}

/** Merges sorted `extra` mentions into `out[from…]`, which is sorted; the two never overlap. */
function mergeSorted(out: Mention[], from: number, extra: Mention[]): void {
  const tail = out.splice(from);
  let i = 0;
  let j = 0;
  while (i < tail.length || j < extra.length) {
    if (j >= extra.length || (i < tail.length && tail[i].start <= extra[j].start)) out.push(tail[i++]);
    else out.push(extra[j++]);
  }
}
