/**
 * The JSON shape of an analysis, shared by `--format json`, `--jsonl` and the editor's export.
 */
import type { Analysis, EventActor, OutlineNode } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';

export interface JsonEntity {
  start: number;
  end: number;
  text: string;
  type: string;
  form: string;
  id: string;
  known: boolean;
  name: { ar: string; en?: string };
  reason: string;
  alias: string;
  pack: string;
}

export interface JsonOutlineNode {
  kind: string;
  label: string;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  code?: string;
  participants?: (string | { text: string })[];
  speakers?: (string | { text: string })[];
  place?: string | { text: string };
  occasion?: string;
  status?: 'held' | 'planned' | 'reported';
  tense?: 'past' | 'present' | 'future';
  children: JsonOutlineNode[];
}

const actor = (a: EventActor): string | { text: string } => ('id' in a ? a.id : { text: a.text });

export function outlineToJson(node: OutlineNode): JsonOutlineNode {
  const out: JsonOutlineNode = {
    kind: node.kind,
    label: node.label,
    start: node.start,
    end: node.end,
    selectionStart: node.selectionStart,
    selectionEnd: node.selectionEnd,
    children: node.children.map(outlineToJson),
  };
  if (node.code) out.code = node.code;
  if (node.participants) out.participants = node.participants.map(actor);
  if (node.speakers) out.speakers = node.speakers.map(actor);
  if (node.place) out.place = actor(node.place);
  if (node.occasion) out.occasion = node.occasion;
  if (node.status) out.status = node.status;
  if (node.tense) out.tense = node.tense;
  return out;
}

export function toJsonDocument(text: string, analysis: Analysis, kb: KnowledgeBase): { entities: JsonEntity[]; outline: JsonOutlineNode[] } {
  const entities = analysis.mentions.map((m): JsonEntity => {
    const e = kb.get(m.entityId);
    const surface = text.slice(m.start, m.end);
    return {
      start: m.start,
      end: m.end,
      text: surface,
      type: m.type,
      form: m.form,
      id: m.entityId,
      known: m.known,
      name: e ? { ar: e.name.ar, ...(e.name.en ? { en: e.name.en } : {}) } : { ar: surface },
      reason: m.reason,
      alias: m.alias,
      pack: m.pack,
    };
  });
  return { entities, outline: analysis.outline.map(outlineToJson) };
}
