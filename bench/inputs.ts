/**
 * Benchmark inputs, built at run time from real text (nothing generated is committed): the reference
 * article and the sentences of ANERcorp's dev part, grouped as a wire feed is: one sentence per
 * paragraph, twelve paragraphs per article, articles separated by two blank lines. The feed is
 * repeated until it reaches the size asked for.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Where the shared material lives: `../shared` beside the project, or NEWS_LENS_SHARED. */
export function sharedDir(root: string): string {
  return process.env.NEWS_LENS_SHARED ?? path.resolve(root, '..', 'shared');
}

export interface Corpus {
  /** The reference article (examples/astana-20.txt). */
  reference: string;
  /** Articles in feed order: the reference article first, then ANERcorp sentences in groups. */
  articles: string[];
  /** Where the ANERcorp text came from, or why it is missing. */
  source: string;
}

const SENTENCES_PER_ARTICLE = 12;

export function loadCorpus(root: string): Corpus {
  const reference = fs.readFileSync(path.join(root, 'examples', 'astana-20.txt'), 'utf8').replace(/^\uFEFF/, '').trimEnd();
  const articles = [reference];
  const jsonl = path.join(sharedDir(root), 'eval', 'anercorp-dev.jsonl');
  let source = jsonl;
  if (fs.existsSync(jsonl)) {
    const sentences: string[] = [];
    for (const line of fs.readFileSync(jsonl, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === 'string' && text.trim()) sentences.push(text.trim());
    }
    for (let i = 0; i < sentences.length; i += SENTENCES_PER_ARTICLE) {
      articles.push(sentences.slice(i, i + SENTENCES_PER_ARTICLE).join('\n'));
    }
  } else {
    source = `${jsonl} is missing: the reference article alone`;
  }
  return { reference, articles, source };
}

const ARTICLE_BREAK = '\n\n\n';

/**
 * A feed of at least `bytes` bytes of UTF-8 (whole articles, so the last one may overshoot by one
 * article), made by repeating the corpus's articles in order.
 */
export function buildFeed(corpus: Corpus, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const breakBytes = Buffer.byteLength(ARTICLE_BREAK);
  const sizes = corpus.articles.map((a) => Buffer.byteLength(a));
  for (let i = 0; size < bytes; i = (i + 1) % corpus.articles.length) {
    parts.push(corpus.articles[i]);
    size += sizes[i] + breakBytes;
  }
  return parts.join(ARTICLE_BREAK) + '\n';
}

export const MB = 1_000_000;

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
