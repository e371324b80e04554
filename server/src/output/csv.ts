/**
 * One CSV field as RFC 4180 says, for every CSV the product writes (entities and events, from the
 * command line and the editor). A text that starts with = + - @ is prefixed with ' so that
 * spreadsheets do not run it as a formula.
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The UTF-8 byte-order mark, written before a CSV by default: without it spreadsheet programs
 * (Excel, and LibreOffice when it guesses) read the Arabic as another encoding.
 */
export const BOM = '\ufeff';
