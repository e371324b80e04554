/**
 * Level 4 in an untrusted workspace (code-server started with workspace trust on): the extension
 * declares limited support, so it runs, but the server loads the built-in packs only.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, markTexts, waitFor, workspaceFile } from './helpers';

describe('Arabic News Lens in an untrusted workspace', function () {
  it('runs in restricted mode', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const doc = await vscode.workspace.openTextDocument(workspaceFile('workspace-pack.arnews'));
    await vscode.window.showTextDocument(doc);
    await (await extension().activate()).ready();
    assert.ok(extension().isActive);
  });

  it('marks names from the built-in packs but ignores the workspace pack', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('workspace-pack.arnews'));
    await vscode.window.showTextDocument(doc);
    const api = await extension().activate();
    const rows = await waitFor('marks from the built-in packs', () => markTexts(api, doc), (r) => r.length > 0);
    assert.deepStrictEqual(rows, ['سوريا\tcountry']);
  });
});
