/**
 * Reading an input file for the command line: a clear error for what cannot be analysed (missing,
 * a directory, binary, not UTF-8), and the BOM dropped so that offsets count from the first letter.
 */
import * as fs from 'fs';

export type DecodedInput = { text: string } | { error: string };

/** Looks for NUL bytes in the first 8 KiB, as git does, to tell binary files from text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Decodes UTF-8 strictly; undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/**
 * Arabic text from old sites is often windows-1256, where Arabic letters are bytes 0xC1–0xFE. A file
 * that is not UTF-8 and has many such bytes is reported as probably windows-1256.
 */
export function guessLegacyArabic(bytes: Uint8Array): boolean {
  let high = 0;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] >= 0xc1 && bytes[i] <= 0xfe) high++;
  return high > n * 0.3;
}

/**
 * Files larger than this are not read: analysis costs time in proportion to the text, and a scraped
 * dump of hundreds of megabytes would hold the terminal for minutes. NEWS_LENS_MAX_MB raises it.
 */
export const DEFAULT_MAX_INPUT_MB = 20;

/** The size limit in megabytes: NEWS_LENS_MAX_MB when it is a positive number, else the default. */
export function maxInputMB(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.NEWS_LENS_MAX_MB);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_INPUT_MB;
}

export function decodeInput(file: string, maxMB: number = maxInputMB()): DecodedInput {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { error: 'is a directory, not a file' };
    // The size is checked before reading, so a huge file costs nothing.
    if (stat.size > maxMB * 1024 * 1024) {
      return { error: `is ${(stat.size / (1024 * 1024)).toFixed(1)} MB, larger than the ${maxMB} MB limit (set NEWS_LENS_MAX_MB to raise it); not analysed` };
    }
    bytes = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: err.code === 'ENOENT' ? 'no such file' : `cannot read (${err.code ?? err.message})` };
  }
  if (looksBinary(bytes)) return { error: 'looks binary (it has NUL bytes); only text files are analysed' };
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return {
      error: guessLegacyArabic(bytes)
        ? 'is not UTF-8; it looks like windows-1256 Arabic: convert it first (iconv -f WINDOWS-1256 -t UTF-8)'
        : 'is not valid UTF-8',
    };
  }
  return { text };
}
