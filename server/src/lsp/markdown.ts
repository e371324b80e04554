/**
 * Markdown for hover cards built from pack text, which is untrusted: every string from a pack is
 * escaped, and links are built only from known shapes (a Wikidata id, a https Wikipedia address).
 * The result carries no HTML and no `command:` or `javascript:` links; clients must still render it
 * untrusted (VS Code: `isTrusted` false, `supportHtml` false, the language client's default).
 */

/** Line breaks, C0/C1 controls and bidi overrides or isolates, which could break or spoof a card. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
/** Every ASCII punctuation character: CommonMark lets each be escaped with a backslash. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Escapes text for inline markdown: controls become a space, every ASCII punctuation character
 * (including < > & [ ] ( ) ` * _ : and the backslash) is backslash-escaped, so no markup, HTML,
 * entity reference or autolink can form. Arabic letters pass unchanged.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(CONTROLS, ' ').replace(PUNCTUATION, (c) => `\\${c}`);
}

/** A markdown link from a fixed label and an address that is a https URL on an allowed host, else undefined. */
export function safeLink(label: string, address: string, hosts: RegExp): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !hosts.test(url.hostname) || url.username || url.password) return undefined;
  // The URL parser percent-encodes spaces and controls; brackets and quotes would end the link early.
  const href = url.href.replace(/[()<>"'\\ `]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(label)}](${href})`;
}

export const WIKIPEDIA_HOST = /^(ar|en)\.(m\.)?wikipedia\.org$/;

/** The Wikidata page of an id such as Q123, else undefined. */
export function wikidataLink(id: string): string | undefined {
  return /^Q[1-9]\d{0,11}$/.test(id) ? `[Wikidata ${id}](https://www.wikidata.org/wiki/${id})` : undefined;
}
