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
