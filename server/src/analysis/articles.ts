/**
 * Splitting a file into articles and finding each article's headline, date and boilerplate lines.
 *
 * A file holds several articles when they are separated by a rule line (---, ===, ***), by two or more
 * blank lines, by a blank line before a headline whose next line opens with a dateline («دمشق-سانا»,
 * «القاهرة (رويترز) -»), or by a line that matches the analyst's own separator; otherwise the whole
 * file is one article.
 */
import { findDate, findDayMonth, findHijriDate, frontMatterDate, headerLineDate, type DayMonth, type OwnDate } from './dates';
import { DROPPED, FOLD, SEPARATOR, normalizeArabic } from './normalize';
import type { Article, Span } from './types';

const RULE_LINE = /^[ \t]*([-=*_~#])\1{2,}[ \t]*$/;

/** Whole lines that news sites add between paragraphs (normalized). */
const BOILERPLATE = new Set(
  [
    'اقرأ أكثر',
    'اقرأ أيضا',
    'اقرأ المزيد',
    'اقرأ كذلك',
    'طالع أيضا',
    'شاهد أيضا',
    'شارك',
    'شارك المقال',
    'شارك الخبر',
    'شارك هذا المقال',
    'تابعونا',
    'تابعونا على',
    'تابعونا على تويتر',
    'تابعونا على فيسبوك',
    'تابعونا على تلغرام',
    'المصدر',
    'مواضيع ذات صلة',
    'أخبار ذات صلة',
    'للمزيد',
    'طباعة',
  ].map(normalizeArabic),
);

/** Openings of link lines (اقرأ أيضا: عنوان آخر) that are boilerplate whatever follows. */
const BOILERPLATE_PREFIXES = ['اقرأ أيضا', 'اقرأ أكثر', 'اقرأ المزيد', 'اقرأ كذلك', 'طالع أيضا', 'شاهد أيضا', 'تابعونا على'].map(normalizeArabic);

/**
 * The first three letters (folded) of every boilerplate line and link-line opening. Every phrase
 * opens with a word of four letters or more, so a line whose first three letters are none of these
 * is no boilerplate: most lines are rejected by reading three code units, without a string.
 */
const BOILERPLATE_OPENINGS: number[] = [...new Set([...BOILERPLATE, ...BOILERPLATE_PREFIXES].map(opening))];

/** The first three code units of a normalized phrase, as one number (see BOILERPLATE_OPENINGS). */
function opening(norm: string): number {
  return norm.charCodeAt(0) * 0x100000000 + norm.charCodeAt(1) * 0x10000 + norm.charCodeAt(2);
}

/**
 * The first three letters of `text[from, to)` as normalizeArabic would fold them, as one number, or
 * -1 when a separator (in the normalized text: a space) comes before the third letter.
 */
function lineOpening(text: string, from: number, to: number): number {
  let i = from;
  // Leading separators are dropped by normalizeArabic, and so are marks and controls anywhere.
  while (i < to && (FOLD[text.charCodeAt(i)] === SEPARATOR || FOLD[text.charCodeAt(i)] === DROPPED)) i++;
  let key = 0;
  for (let k = 0; k < 3; k++) {
    while (i < to && FOLD[text.charCodeAt(i)] === DROPPED) i++;
    if (i === to) return -1;
    const f = FOLD[text.charCodeAt(i++)];
    if (f === SEPARATOR) return -1;
    key = key * 0x10000 + f;
  }
  return key;
}

/** A headline is one line of at most this many characters that does not end like a sentence. */
const MAX_HEADLINE = 250;

/**
 * A dateline at the start of a line: a place (one to three words), then an agency in brackets or after
 * a dash, then a dash or colon: «دمشق-سانا», «طهران - إرنا -», «القاهرة (رويترز) -», «موسكو – 21 حزيران».
 * Applied to the first 80 characters of a line only.
 */
const DATELINE = /^\s*[\u0621-\u064a\u0640\u064b-\u065f]{2,}(?:\s+[\u0621-\u064a\u0640\u064b-\u065f]{2,}){0,2}\s*(?:\([^()\n]{1,30}\)\s*[-–—:]|[-–—]\s*[^\s\-–—][^\-–—\n]{0,30}?(?:\s*[-–—:)]|$|\s))/;

export interface SegmentOptions {
  /** A line that matches this separates two articles (the analyst's own rule); the line belongs to neither. */
  separator?: RegExp;
}

export interface Line extends Span {
  /** True when the line holds nothing but white space. */
  blank: boolean;
  /** The code unit at the line's start (for an empty line its line break, NaN at the end of the text). */
  first: number;
  /** The first three letters as a boilerplate phrase would open (see lineOpening). */
  opening: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x200f || c === 0x200e;
}

/** Lines of the text, without their line breaks (\n, \r\n or a lone \r). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const hasCr = text.indexOf('\r') >= 0;
  let start = 0;
  for (;;) {
    let end: number;
    let next: number;
    if (!hasCr) {
      end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      next = end + 1;
    } else {
      end = start;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    }
    let i = start;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    // What segmentArticles asks of every line is read now, while the line's start is in the cache.
    lines.push({ start, end, blank: i === end, first: text.charCodeAt(start), opening: i === end ? -1 : lineOpening(text, start, end) });
    if (end >= text.length) break;
    start = next;
  }
  return lines;
}

/** True for a line such as «اقرأ أكثر» or «اقرأ أيضا: …» that a news site adds between paragraphs. */
export function isBoilerplate(text: string, line: Span): boolean {
  const length = line.end - line.start;
  if (length > 200) return false;
  if (!BOILERPLATE_OPENINGS.includes(lineOpening(text, line.start, line.end))) return false;
  if (length <= 40 && BOILERPLATE.has(normalizeArabic(text.slice(line.start, line.end)))) return true;
  // Link lines: only the opening words are read.
  const n = normalizeArabic(text.slice(line.start, Math.min(line.end, line.start + 24)));
  return BOILERPLATE_PREFIXES.some((p) => n.startsWith(p) && (n.length === p.length || n.charCodeAt(p.length) === 32));
}

function looksLikeHeadline(text: string, line: Span): boolean {
  if (line.end - line.start > MAX_HEADLINE + 20) return false;
  const s = text.slice(line.start, line.end).trim();
  return s.length > 0 && s.length <= MAX_HEADLINE && !/[.!؟?:،,]$/.test(s);
}

/** The dateline that opens a line, as a span, or undefined. */
export function datelineAt(text: string, line: Span): Span | undefined {
  const head = text.slice(line.start, Math.min(line.end, line.start + 80));
  const m = DATELINE.exec(head);
  if (!m) return undefined;
  return { start: line.start, end: line.start + m[0].length };
}

/** True when `text[from, to)` holds an ASCII, Arabic-Indic or Persian digit. */
function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return true;
  }
  return false;
}

/** The article's date: from a short date line, the dateline, or the opening of the first lines (Gregorian, else Hijri). */
function readDate(text: string, lines: Line[]): OwnDate | undefined {
  let dayMonth: DayMonth | undefined;
  for (let k = 0; k < lines.length && k < 4; k++) {
    const line = lines[k];
    const length = line.end - line.start;
    // A short line is a headline, a dateline or a date line: a date anywhere in it is the article's.
    const end = length <= 80 ? line.end : line.start + 60;
    // Every date form has a year in digits: most lines have none and are not sliced.
    if (!hasDigit(text, line.start, end)) continue;
    const s = text.slice(line.start, end);
    const found = findDate(s);
    if (found && (length <= 80 || found.index < 40)) return { date: found.iso, source: 'text' };
    const hijri = findHijriDate(s);
    if (hijri && (length <= 80 || hijri.index < 40)) return { date: hijri.iso, source: 'hijri' };
    // A dateline or date line with a day and month but no year («الرياض 22 يوليو (واس) -»): read
    // later against a known date (resolveDates); the opening of a long line only, as for full dates.
    if (!dayMonth) {
      const d = findDayMonth(length <= 80 ? s : s.slice(0, 40));
      if (d) dayMonth = d;
    }
  }
  return dayMonth ? { date: '', source: dayMonth.hijri ? 'hijri' : 'text', dayMonth } : undefined;
}

/** The date of a header line that opens an article («Date: 2015-08-10», «التاريخ: …»), if `line` is one. */
function headerDate(text: string, line: Line): string | undefined {
  if (line.end - line.start > 80 || !hasDigit(text, line.start, line.end)) return undefined;
  return headerLineDate(text.slice(line.start, line.end));
}

/**
 * Front matter at the very start of the text: a `---` line, `key: value` lines, a closing `---` line,
 * within the first 30 lines. Returns the index of the closing line and the `date:` it gives, if any.
 */
function frontMatter(text: string, lines: Line[]): { close: number; date?: string } | undefined {
  if (!lines.length || !/^---[ \t]*$/.test(text.slice(lines[0].start, lines[0].end))) return undefined;
  let date: string | undefined;
  for (let k = 1; k < lines.length && k <= 30; k++) {
    const s = text.slice(lines[k].start, Math.min(lines[k].end, lines[k].start + 200));
    if (/^---[ \t]*$/.test(s)) return { close: k, date };
    if (!/^\s*[A-Za-z_][\w-]*\s*:/.test(s) && !lines[k].blank) return undefined;
    date ??= frontMatterDate(s);
  }
  return undefined;
}

/** The articles of a text, in order, covering every non-blank line. */
export function segmentArticles(text: string, options: SegmentOptions = {}): Article[] {
  const lines = splitLines(text);
  // Front matter is the file's header, not an article: its date holds for every article (see resolveDates).
  const front = frontMatter(text, lines);
  // Each article is made as soon as its last line is known, while its lines are still in the cache.
  const articles: Article[] = [];
  const close = (g: Line[]) => articles.push(makeArticle(text, g, articles.length === 0));
  let current: Line[] = [];
  let blankRun = 0;
  for (let k = front ? front.close + 1 : 0; k < lines.length; k++) {
    const line = lines[k];
    const first = line.first;
    const separatorLine =
      (!line.blank && line.end - line.start <= 200 && (first === 45 || first === 61 || first === 42 || first === 95 || first === 126 || first === 35 || first === 32 || first === 9) && RULE_LINE.test(text.slice(line.start, line.end))) ||
      (!!options.separator && !line.blank && line.end - line.start <= 200 && options.separator.test(text.slice(line.start, line.end)));
    if (separatorLine) {
      if (current.length) close(current);
      current = [];
      blankRun = 0;
      continue;
    }
    if (line.blank) {
      blankRun++;
      continue;
    }
    if (current.length && (blankRun >= 2 || (blankRun === 1 && startsArticle(text, lines, k)))) {
      close(current);
      current = [];
    }
    blankRun = 0;
    current.push(line);
  }
  if (current.length) close(current);
  if (!articles.length) articles.push({ start: 0, end: text.length, boilerplate: [] });
  if (front?.date) {
    const own = articles[0].own;
    // The article's own header line is more specific than the file's.
    if (own?.source !== 'header') {
      articles[0].own = { date: front.date, source: 'header', file: true };
      articles[0].date = front.date;
      articles[0].dateSource = 'header';
    } else own.fileDate = front.date;
  }
  // The last article runs to the end of the text.
  articles[articles.length - 1].end = text.length;
  return articles;
}

/** The article of a group of lines: its span, boilerplate lines, header, headline and date. */
function makeArticle(text: string, g: Line[], isFirst: boolean): Article {
  const first = g[0];
  const boilerplate: Span[] = [];
  for (const l of g) if (BOILERPLATE_OPENINGS.includes(l.opening) && isBoilerplate(text, l)) boilerplate.push({ start: l.start, end: l.end });
  const article: Article = { start: isFirst ? 0 : first.start, end: g[g.length - 1].end, boilerplate };
  // A header line («Date: 2015-08-10») opens the article: it is its date, and the headline comes after it.
  const header = headerDate(text, first);
  const body = header ? g.slice(1) : g;
  if (body.length > 1 && looksLikeHeadline(text, body[0])) article.headline = { start: body[0].start, end: body[0].end };
  const own = header ? { date: header, source: 'header' as const } : readDate(text, body);
  if (own) {
    article.own = own;
    // A day and month alone is no date until resolveDates reads it against a known one.
    if (own.date) {
      article.date = own.date;
      article.dateSource = own.source;
    }
  }
  return article;
}

/** After one blank line: a headline whose next non-blank line opens with a dateline starts a new article. */
function startsArticle(text: string, lines: Line[], k: number): boolean {
  // A header line («Date: …») after a blank line opens an article of its own.
  if (headerDate(text, lines[k])) return true;
  if (!looksLikeHeadline(text, lines[k]) || lines[k].end - lines[k].start > 150) return false;
  let j = k + 1;
  if (j < lines.length && lines[j].blank) j++;
  return j < lines.length && !lines[j].blank && datelineAt(text, lines[j]) !== undefined;
}
