/**
 * Level 1: the deferred check of the built-in packs (server/src/lsp/pack-validation.ts and
 * KnowledgeService): start-up only parses them; the check's results, computed later, drop a pack with
 * errors from the knowledge base, and results for a text that changed meanwhile are ignored.
 */
import * as assert from 'assert';
import { KnowledgeService } from '../../server/src/lsp/knowledge';
import { validatePacks } from '../../server/src/lsp/pack-validation';

describe('built-in packs checked after start-up (server)', () => {
  it('lists the parsed-only built-in packs, and their check finds no error', () => {
    const k = new KnowledgeService({ builtin: true, workspace: false });
    k.configure([], []);
    k.reload();
    const pending = k.pendingValidation();
    assert.ok(pending.length > 5, 'the built-in packs wait for their check');
    const results = validatePacks(pending.slice(0, 2));
    assert.deepStrictEqual(
      results.map((r) => r.problems.filter((p) => p.severity === 'error')),
      [[], []],
    );
    for (const r of results) assert.strictEqual(k.applyValidation(r.file, r.text, r.problems), false);
    assert.strictEqual(k.pendingValidation().length, pending.length - 2);
  });

  it('drops a pack whose check found errors, and ignores a result for an older text', () => {
    const k = new KnowledgeService({ builtin: true, workspace: false });
    k.configure([], []);
    k.reload();
    const [first, second] = k.pendingValidation();
    const entities = k.kb.entities.size;
    const error = { start: 0, end: 1, severity: 'error' as const, message: 'broken' };
    assert.strictEqual(k.applyValidation(second.file, second.text + ' ', [error]), false, 'stale text: ignored');
    assert.strictEqual(k.applyValidation(first.file, first.text, [error]), true);
    k.rebuildAfterValidation();
    assert.ok(k.kb.entities.size < entities, 'the broken pack left the knowledge base');
    assert.strictEqual(k.filesWithErrors, 1);
    assert.strictEqual(k.applyValidation(first.file, first.text, [error]), false, 'checked once');
  });
});
