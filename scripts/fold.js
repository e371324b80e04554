'use strict';
/**
 * The same folding as server/src/analysis/normalize.ts, kept here so that the generator scripts run
 * without a build. Two aliases that fold to the same string are one alias for the matcher.
 */
function fold(s) {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىیې]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(/\s+/g, ' ')
    .trim();
}

module.exports = { fold };
