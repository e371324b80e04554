/**
 * The one way rules read a sentence: named accessors over its tokens, the mention map and the actor
 * map, so that a rule says `v.is(k, K.SKIP)` or `v.actorAt(k)` and never indexes arrays itself. A view
 * is made once per sentence by events.ts; rules keep no state of their own between calls.
 */
import { GAP_HARD, type LexHit, type Sentence, type Tok, type TokenMap } from '../sentences';
import type { EventActor, Mention } from '../types';

export type ActorKind = 'person' | 'country' | 'organization' | 'location' | 'adjective' | 'dual' | 'document' | 'group' | 'text' | 'delegation';

/** A party the event rules found in a sentence, over tokens [from, to]. */
export interface Actor {
  from: number;
  to: number;
  kind: ActorKind;
  actors: EventActor[];
  /** For a delegation led by a person: the country the person leads it for. */
  leadsFor?: string;
  /** For a document: its text (البيان الختامي). */
  text?: string;
}

/** Kinds of actor that may speak. */
export const SPEAKER_KINDS: ReadonlySet<ActorKind> = new Set<ActorKind>(['person', 'country', 'organization', 'text', 'group', 'dual', 'document', 'delegation']);

export class SentenceView {
  constructor(
    readonly sentence: Sentence,
    /** Token → index of the mention that covers it (or -1). */
    readonly at: TokenMap,
    /** Token → index into `actors` (or -1). */
    readonly of: TokenMap,
    readonly actors: readonly Actor[],
    readonly mentions: readonly Mention[],
  ) {}

  get count(): number {
    return this.sentence.toks.length;
  }
  tok(k: number): Tok | undefined {
    return this.sentence.toks[k];
  }
  /** The folded text of token k ('' outside the sentence). */
  norm(k: number): string {
    return this.sentence.toks[k]?.norm ?? '';
  }
  /** Token k without a conjunction (و، ف). */
  bare(k: number): string {
    return this.sentence.toks[k]?.bare ?? '';
  }
  /** Punctuation before token k (GAP_*). */
  gap(k: number): number {
    return this.sentence.toks[k]?.gap ?? 0;
  }
  /** Anything but white space before token k. */
  hard(k: number): boolean {
    return (this.gap(k) & GAP_HARD) !== 0;
  }
  /** True when token k has one of the word classes `cls` (K.* bits). */
  is(k: number, cls: number): boolean {
    const t = this.sentence.toks[k];
    return !!t && (t.cls & cls) !== 0;
  }
  /** The word classes of token k (K.* bits), 0 for none. */
  classes(k: number): number {
    return this.sentence.toks[k]?.cls ?? 0;
  }
  hit(k: number): LexHit | undefined {
    return this.sentence.toks[k]?.hit;
  }
  start(k: number): number {
    return this.sentence.toks[k].start;
  }
  end(k: number): number {
    return this.sentence.toks[k].end;
  }
  actorAt(k: number): Actor | undefined {
    const a = k >= 0 && k < this.count ? this.of[k] : -1;
    return a >= 0 ? this.actors[a] : undefined;
  }
  mentionAt(k: number): Mention | undefined {
    const m = k >= 0 && k < this.count ? this.at[k] : -1;
    return m >= 0 ? this.mentions[m] : undefined;
  }
}

/** What a rule may know beyond its sentence: the text and the meetings in play. */
export interface RuleContext {
  text: string;
  v: SentenceView;
  /** The parties of the meeting this sentence names, else of the meeting in focus (for الجانبان). */
  meetingParties?: readonly EventActor[];
  /** The parties of the meeting this sentence names, if any. */
  sentenceParties?: readonly EventActor[];
}
