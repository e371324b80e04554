/**
 * Reading dates written in Arabic news: «21 يونيو 2023», «21 حزيران/يونيو 2023», «الأربعاء 21-6-2023»,
 * «2023/06/21», «يونيو 2023». Only short strings (a dateline, a line) are read, with bounded regexes.
 */
import { normalizeArabic } from './normalize';

/** Month names (normalized) → month number: Gregorian, Levantine (Syriac) and Maghrebi names. */
const MONTH_NAMES: [number, string][] = [
  [1, 'يناير كانون الثاني جانفي'],
  [2, 'فبراير شباط فيفري'],
  [3, 'مارس آذار اذار'],
  [4, 'أبريل ابريل إبريل نيسان أفريل'],
  [5, 'مايو أيار ماي'],
  [6, 'يونيو يونيه حزيران جوان'],
  [7, 'يوليو يوليه تموز جويلية'],
  [8, 'أغسطس اغسطس آب أوت'],
  [9, 'سبتمبر أيلول'],
  [10, 'أكتوبر اكتوبر تشرين الأول'],
  [11, 'نوفمبر تشرين الثاني'],
  [12, 'ديسمبر كانون الأول'],
];

/** Two-word names first, so that «تشرين الأول» is not read as «الأول». */
const MONTHS: { norm: string; month: number }[] = [];
for (const [month, names] of MONTH_NAMES) {
  const words = names.split(' ');
  for (let i = 0; i < words.length; i++) {
    if ((words[i] === 'كانون' || words[i] === 'تشرين') && words[i + 1]) {
      MONTHS.push({ norm: normalizeArabic(`${words[i]} ${words[i + 1]}`), month });
      i++;
    } else MONTHS.push({ norm: normalizeArabic(words[i]), month });
  }
}
MONTHS.sort((a, b) => b.norm.length - a.norm.length);

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m?: number, d?: number): string | undefined {
  if (y < 1900 || y > 2100) return undefined;
  if (m === undefined) return String(y);
  if (m < 1 || m > 12) return undefined;
  if (d === undefined) return `${y}-${pad(m)}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** True when `s` holds 19dd or 20dd in ASCII digits, as every month-name date has. */
function hasYear(s: string): boolean {
  for (let i = 0; i + 3 < s.length; i++) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if (((a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30)) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3))) return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A date found in a string: its ISO form and where it was written. */
export interface FoundDate {
  iso: string;
  /** Offsets in the normalized string (callers use them only to know that a line is mostly a date). */
  index: number;
  length: number;
}

/**
 * The first date written in `s` (at most a few hundred characters), as ISO YYYY-MM-DD, YYYY-MM or
 * YYYY; undefined when there is none. Numeric dates are read day-first (21/6/2023), as Arabic news writes them.
 */
export function findDate(s: string): FoundDate | undefined {
  const raw = s.length > 400 ? s.slice(0, 400) : s;
  // Numeric dates keep their separators: only the digits are folded to ASCII.
  const digits = raw.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
  const n = normalizeArabic(raw);
  // Year first: 2023-06-21 or 2023/6/21.
  let m = /(?:^|\D)((19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(digits);
  if (m) {
    const iso = isoDate(+m[1], +m[3], +m[4]);
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  // Day first: 21-6-2023, 21/06/2023.
  m = /(?:^|\D)(\d{1,2})[-/.](\d{1,2})[-/.]((19|20)\d\d)(?!\d)/.exec(digits);
  if (m) {
    const iso = isoDate(+m[3], +m[2], +m[1]);
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  // Month names: «21 حزيران/يونيو 2023», «21 يونيو 2023», «يونيو 2023». Each needs a year after
  // it, so a string without one is not searched for some thirty names.
  if (!hasYear(n)) return undefined;
  for (const { norm, month } of MONTHS) {
    let at = n.indexOf(norm);
    while (at >= 0) {
      const before = at > 0 ? n.charCodeAt(at - 1) : 32;
      const after = n.charCodeAt(at + norm.length);
      const wordStart = !(before >= 0x0621 && before <= 0x064a);
      const wordEnd = Number.isNaN(after) || !(after >= 0x0621 && after <= 0x064a);
      if (wordStart && wordEnd) {
        // A second month name may stand before or after this one: «21 يونيو/حزيران 2023» (the slash reads as a space).
        const left = /(?:^|\D)(\d{1,2})\s*(?:[\u0621-\u064a]+\s*)?$/.exec(n.slice(Math.max(0, at - 16), at));
        const rest = n.slice(at + norm.length, at + norm.length + 24);
        const right = /^(?:\s+[\u0621-\u064a]+)?\s*(?:عام|سنه)?\s*((19|20)\d\d)(?!\d)/.exec(rest);
        if (right) {
          const iso = isoDate(+right[1], month, left ? +left[1] : undefined);
          if (iso) return { iso, index: left ? at - left[0].length : at, length: norm.length + right[0].length + (left ? left[0].length : 0) };
        }
      }
      at = n.indexOf(norm, at + 1);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Hijri dates, as the Saudi press prints them: «25 شوال 1436هـ», «1436/10/25هـ», «25/10/1436هـ».

/**
 * «25 شوال 1436» in normalized text (أ→ا، ى→ي، ة→ه; هـ after the year is optional), with every way
 * the press spells the months: ربيع الأول/الآخر/الثاني، جمادى الأولى/الآخرة/الثانية، ذو/ذي القعدة.
 */
const HIJRI_WORDS = /(?:^|[^\d\u0621-\u064a])(\d{1,2})\s+(?:من\s+)?(ذو ?القعده|ذي القعده|ذو ?الحجه|ذي الحجه|ربيع (?:ال)?(?:اول|اخر|ثاني)|جمادي (?:ال)?(?:اولي|اول|اخره|ثانيه|اخر|ثاني)|المحرم|محرم|صفر|رجب|شعبان|رمضان|شوال)\s+(?:عام\s+|سنه\s+)?(1[34]\d\d)(?!\d)/;

const HIJRI_SINGLE: Record<string, number> = { المحرم: 1, محرم: 1, صفر: 2, رجب: 7, شعبان: 8, رمضان: 9, شوال: 10 };

/** The month number of a month name HIJRI_WORDS matched. */
function hijriMonth(name: string): number {
  if (name.startsWith('ذ')) return name.endsWith('القعده') ? 11 : 12;
  if (name.startsWith('ربيع')) return name.endsWith('اول') ? 3 : 4;
  if (name.startsWith('جمادي')) return name.endsWith('اول') || name.endsWith('اولي') ? 5 : 6;
  return HIJRI_SINGLE[name];
}

/** «1436/10/25هـ» (year first) or «25/10/1436هـ» (day first): the year 13xx or 14xx marks it as Hijri. */
const HIJRI_YEAR_FIRST = /(?:^|\D)(1[34]\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const HIJRI_DAY_FIRST = /(?:^|\D)(\d{1,2})[-/.](\d{1,2})[-/.](1[34]\d\d)(?!\d)/;

let hijriFormat: Intl.DateTimeFormat | undefined;

/** The Umm al-Qura date of a Gregorian day (UTC), from Node's ICU calendar. */
function hijriOf(ms: number): { y: number; m: number; d: number } {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of hijriFormat.formatToParts(ms)) {
    if (p.type === 'year') y = parseInt(p.value, 10);
    else if (p.type === 'month') m = parseInt(p.value, 10);
    else if (p.type === 'day') d = parseInt(p.value, 10);
  }
  return { y, m, d };
}

/**
 * The Gregorian day (YYYY-MM-DD) of an Umm al-Qura date, or undefined when there is no such day. The
 * search starts from an estimate (a mean Hijri year of 354.367 days from 16 July 622) and walks the
 * ICU calendar a few weeks either side: no conversion table of our own.
 */
export function hijriToIso(y: number, m: number, d: number): string | undefined {
  if (y < 1318 || y > 1500 || m < 1 || m > 12 || d < 1 || d > 30) return undefined;
  const epoch = Date.UTC(622, 6, 16);
  const day = 86400000;
  const estimate = epoch + Math.round(((y - 1) * 354.367 + (m - 1) * 29.53 + (d - 1)) * day);
  for (let k = 0; k <= 40; k++) {
    for (const sign of k ? [1, -1] : [1]) {
      const ms = estimate + sign * k * day;
      const h = hijriOf(ms);
      if (h.y === y && h.m === m && h.d === d) return new Date(ms).toISOString().slice(0, 10);
    }
  }
  return undefined;
}

/** A Hijri date written in `s` (at most a few hundred characters), converted to the Gregorian day. */
export function findHijriDate(s: string): FoundDate | undefined {
  const raw = s.length > 400 ? s.slice(0, 400) : s;
  const digits = raw.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String((c.charCodeAt(0) & 0xf) % 10));
  let m = HIJRI_YEAR_FIRST.exec(digits);
  if (m) {
    const iso = hijriToIso(+m[1], +m[2], +m[3]);
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  m = HIJRI_DAY_FIRST.exec(digits);
  if (m) {
    const iso = hijriToIso(+m[3], +m[2], +m[1]);
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  const n = normalizeArabic(raw);
  m = HIJRI_WORDS.exec(n);
  if (m) {
    const iso = hijriToIso(+m[3], hijriMonth(m[2]), +m[1]);
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  return undefined;
}

/** «6 شوال» without a year, in normalized text (see HIJRI_WORDS). */
const HIJRI_NO_YEAR = /(?:^|[^\d\u0621-\u064a])(\d{1,2})\s+(?:من\s+)?(ذو ?القعده|ذي القعده|ذو ?الحجه|ذي الحجه|ربيع (?:ال)?(?:اول|اخر|ثاني)|جمادي (?:ال)?(?:اولي|اول|اخره|ثانيه|اخر|ثاني)|المحرم|محرم|صفر|رجب|شعبان|رمضان|شوال)(?![\u0621-\u064a])/;

/** A day and month written without a year («22 يوليو», «22 تموز», «6 شوال»). */
export interface DayMonth {
  day: number;
  month: number;
  hijri: boolean;
}

/**
 * A day and month without a year in `s` (a short dateline or date line), or undefined. Callers read
 * it only where findDate and findHijriDate found no full date.
 */
export function findDayMonth(s: string): DayMonth | undefined {
  const n = normalizeArabic(s.length > 200 ? s.slice(0, 200) : s);
  const h = HIJRI_NO_YEAR.exec(n);
  if (h) {
    const day = +h[1];
    if (day >= 1 && day <= 30) return { day, month: hijriMonth(h[2]), hijri: true };
  }
  for (const { norm, month } of MONTHS) {
    let at = n.indexOf(norm);
    while (at >= 0) {
      const before = at > 0 ? n.charCodeAt(at - 1) : 32;
      const after = n.charCodeAt(at + norm.length);
      if (!(before >= 0x0621 && before <= 0x064a) && (Number.isNaN(after) || !(after >= 0x0621 && after <= 0x064a))) {
        const left = /(?:^|\D)(\d{1,2})\s*$/.exec(n.slice(Math.max(0, at - 6), at));
        if (left && +left[1] >= 1 && +left[1] <= 31) return { day: +left[1], month, hijri: false };
      }
      at = n.indexOf(norm, at + 1);
    }
  }
  return undefined;
}

/**
 * The day of `dm` within a known month or year (`known`: YYYY-MM or YYYY), such as a folder
 * «2015/07/» gives: «22 يوليو» in 2015-07 is 2015-07-22; «6 شوال» in 2015 is the day of that Hijri
 * month that falls in 2015 (the one nearest mid-year when two do). Undefined when the day does not
 * fall in the known month or year.
 */
export function dayInPeriod(dm: DayMonth, known: string): string | undefined {
  const y = +known.slice(0, 4);
  if (!(y >= 1900 && y <= 2100) || (known.length !== 4 && known.length !== 7)) return undefined;
  const center = known.length === 7 ? Date.UTC(y, +known.slice(5, 7) - 1, 15) : Date.UTC(y, 6, 1);
  const candidates: string[] = [];
  if (dm.hijri) {
    const hy = hijriOf(center).y;
    for (const h of [hy - 1, hy, hy + 1]) {
      const iso = hijriToIso(h, dm.month, dm.day);
      if (iso) candidates.push(iso);
    }
  } else {
    const iso = isoDate(y, dm.month, dm.day);
    if (iso) candidates.push(iso);
  }
  const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const inside = candidates.filter((iso) => iso.startsWith(known)).sort((a, b) => Math.abs(dayOf(a) - center) - Math.abs(dayOf(b) - center));
  return inside[0];
}

// ---------------------------------------------------------------------------------------------------
// Explicit headers, file paths and the choice between every source of an article's date.

/**
 * Where an article's date came from, first found wins: the analyst's header in the file (front matter
 * `date:` or a `Date:`/`التاريخ:` line, which the editor command writes), the date given for the whole
 * run (`--date`), the article's own text (a Gregorian or a Hijri date), the file's name or its folders,
 * the batch input's `date` field, the analyst's default date setting, or today.
 */
export type DateSource = 'header' | 'option' | 'text' | 'hijri' | 'file-name' | 'folder' | 'batch' | 'setting' | 'today';

/** A header line: «Date: 2015-08-10», «التاريخ: 2015-08-10», «تاريخ النشر: …». */
const HEADER_LINE = /^\s*(?:date|التاريخ|تاريخ|تاريخ النشر)\s*[:：]\s*(\S.{0,60}?)\s*$/i;
/** A front matter line: «date: 2015-08-10». */
const FRONT_MATTER_DATE = /^\s*date\s*:\s*["']?(\S.{0,60}?)["']?\s*$/i;
const ISO = /^((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?$/;

/** The ISO date of a header's value: ISO itself, or any Gregorian or Hijri form the text may use. */
export function readDateValue(value: string): { iso: string; hijri: boolean } | undefined {
  const v = value.trim();
  const iso = ISO.exec(v);
  if (iso) {
    const out = isoDate(+iso[1], iso[2] ? +iso[2] : undefined, iso[3] ? +iso[3] : undefined);
    return out ? { iso: out, hijri: false } : undefined;
  }
  const g = findDate(v);
  if (g) return { iso: g.iso, hijri: false };
  const h = findHijriDate(v);
  return h ? { iso: h.iso, hijri: true } : undefined;
}

/** The date of a header line («Date: 2015-08-10»), or undefined when the line is none. */
export function headerLineDate(line: string): string | undefined {
  if (line.length > 80) return undefined;
  const m = HEADER_LINE.exec(line);
  return m ? readDateValue(m[1])?.iso : undefined;
}

/** The date of a front matter line («date: 2015-08-10»), or undefined. */
export function frontMatterDate(line: string): string | undefined {
  if (line.length > 80) return undefined;
  const m = FRONT_MATTER_DATE.exec(line);
  return m ? readDateValue(m[1])?.iso : undefined;
}

/** True when `y-m-d` is a real day between 1900 and 2100. */
function validDay(y: string, m: string, d: string): string | undefined {
  return isoDate(+y, +m, +d);
}

/**
 * A date in a file path: in the file's name («2015-08-10-kerry.txt», «20150810_kerry.txt»,
 * «kerry_2015-08-10.txt»), else in its folders, innermost first («2015-08-10/», «2015/08/10/»,
 * «20150810/», «2015/08/» for a month).
 */
export function pathDate(filePath: string): { iso: string; source: 'file-name' | 'folder' } | undefined {
  const parts = filePath.split(/[\\/]+/).filter(Boolean);
  if (!parts.length) return undefined;
  const name = parts[parts.length - 1];
  const inName = nameDate(name);
  if (inName) return { iso: inName, source: 'file-name' };
  const dirs = parts.slice(0, -1);
  for (let i = dirs.length - 1; i >= 0; i--) {
    const one = nameDate(dirs[i], true);
    if (one) return { iso: one, source: 'folder' };
    // «…/2015/08/10/…» or «…/2015/08/…»: the innermost folder that ends such a run.
    if (/^\d\d?$/.test(dirs[i]) && i >= 1) {
      if (i >= 2 && /^(19|20)\d\d$/.test(dirs[i - 2]) && /^\d\d?$/.test(dirs[i - 1])) {
        const d = validDay(dirs[i - 2], dirs[i - 1], dirs[i]);
        if (d) return { iso: d, source: 'folder' };
      }
      if (/^(19|20)\d\d$/.test(dirs[i - 1])) {
        const m = isoDate(+dirs[i - 1], +dirs[i]);
        if (m) return { iso: m, source: 'folder' };
      }
    }
  }
  return undefined;
}

/** A day written in one file or folder name, dashed (2015-08-10, 2015_08_10) or compact (20150810). */
function nameDate(name: string, whole = false): string | undefined {
  const dashed = /(?:^|[^\d])((?:19|20)\d\d)[-_.](\d\d)[-_.](\d\d)(?!\d)/.exec(name);
  if (dashed && (!whole || dashed[0].replace(/^\D/, '') === name)) {
    const d = validDay(dashed[1], dashed[2], dashed[3]);
    if (d) return d;
  }
  // Eight digits alone, at the start or between separators: an id of eight digits elsewhere is not a date.
  const compact = /(?:^|[-_. ])((?:19|20)\d\d)(\d\d)(\d\d)(?=$|[-_. ])/.exec(name);
  if (compact && (!whole || compact[0].replace(/^[-_. ]/, '') === name)) return validDay(compact[1], compact[2], compact[3]);
  return undefined;
}

/** What the caller knows about the articles' dates beyond their text (all optional). */
export interface DateOptions {
  /** A date given for the whole run (`--date`), YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string;
  /** The file's path or URI path, read for a date in its name or folders. */
  path?: string;
  /** The batch input's `date` field (`--jsonl`). */
  batchDate?: string;
  /** The analyst's default date (`arabicNewsLens.defaultDate`); empty or absent = today. */
  defaultDate?: string;
  /** Today (YYYY-MM-DD), for tests; default the clock's UTC day. */
  today?: string;
}

/** An ISO date of year, month or day precision, checked; undefined for anything else. */
export function checkIsoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = ISO.exec(s.trim());
  return m ? isoDate(+m[1], m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined) : undefined;
}

/** An article's date as read from its own lines (segmentArticles): a header line, or the text. */
export interface OwnDate {
  /** Empty when the article gives only a day and month (`dayMonth`). */
  date: string;
  source: 'header' | 'text' | 'hijri';
  /** The date is the file's front matter, which holds for every article without a header of its own. */
  file?: boolean;
  /** The front matter's date when the first article has a header line of its own. */
  fileDate?: string;
  /** A day and month without a year, read within a known month or year (the file's or the batch's). */
  dayMonth?: DayMonth;
}

/**
 * Gives every article a date and its source, first found wins: the article's own header line, the
 * file's header (front matter, kept on the first article), the run's date, the article's text, the file's path, the
 * batch field, the default setting, today. Idempotent: it reads only `own` and the options.
 */
export function resolveDates<A extends { own?: OwnDate; date?: string; dateSource?: DateSource }>(articles: A[], options: DateOptions): void {
  const first = articles[0]?.own;
  const fileHeader = first?.file ? first.date : first?.fileDate;
  const fromPath = options.path ? pathDate(options.path) : undefined;
  const explicit = checkIsoDate(options.date);
  const batch = checkIsoDate(options.batchDate);
  const setting = checkIsoDate(options.defaultDate);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // A month or year the file or batch gives, which a day and month without a year make a day. A
  // known full day is not overridden by a yearless one: the day in the text may be an event's.
  const known = fromPath?.iso ?? batch;
  for (const a of articles) {
    const own = a.own?.date ? a.own : undefined;
    const dayMonth = a.own?.dayMonth && known && known.length < 10 ? dayInPeriod(a.own.dayMonth, known) : undefined;
    let date: string;
    let source: DateSource;
    if (own?.source === 'header') (date = own.date), (source = 'header');
    else if (fileHeader) (date = fileHeader), (source = 'header');
    else if (explicit) (date = explicit), (source = 'option');
    else if (own) (date = own.date), (source = own.source);
    else if (dayMonth) (date = dayMonth), (source = a.own!.dayMonth!.hijri ? 'hijri' : 'text');
    else if (fromPath) (date = fromPath.iso), (source = fromPath.source);
    else if (batch) (date = batch), (source = 'batch');
    else if (setting) (date = setting), (source = 'setting');
    else (date = today), (source = 'today');
    a.date = date;
    a.dateSource = source;
  }
}
