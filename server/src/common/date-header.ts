/**
 * The edit that the command "Set the article's date" makes: the file's front matter gets a `date:`
 * line (or its `date:` line a new value); a first line «Date: …» / «التاريخ: …» gets the new value;
 * otherwise front matter with the date is put before the text. The analysis reads both forms
 * (server/src/analysis/dates.ts). No imports: the client uses this module.
 */

export interface TextEdit {
  /** UTF-16 offsets into the text, `[start, end)`. */
  start: number;
  end: number;
  newText: string;
}

/** True for YYYY-MM-DD naming a real day. */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The edit that makes `date` the file's date. */
export function dateHeaderEdit(text: string, date: string): TextEdit {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The first lines, with their offsets.
  const lines: { start: number; end: number; text: string }[] = [];
  for (let at = base; lines.length < 32 && at <= text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const contentEnd = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start: at, end: contentEnd, text: text.slice(at, contentEnd) });
    if (end >= text.length) break;
    at = end + 1;
  }
  const first = lines[0];
  if (first && /^---[ \t]*$/.test(first.text)) {
    for (let k = 1; k < lines.length; k++) {
      const l = lines[k];
      if (/^---[ \t]*$/.test(l.text)) return { start: lines[1].start, end: lines[1].start, newText: `date: ${date}${eol}` };
      const m = /^(\s*date\s*:\s*)/i.exec(l.text);
      if (m) return { start: l.start + m[1].length, end: l.end, newText: date };
    }
  }
  if (first && first.text.length <= 80) {
    const m = /^(\s*(?:date|التاريخ|تاريخ)\s*[:：]\s*)(.*)$/i.exec(first.text);
    if (m) return { start: first.start + m[1].length, end: first.end, newText: date };
  }
  return { start: base, end: base, newText: `---${eol}date: ${date}${eol}---${eol}` };
}
