/**
 * Runs the level-4 suite in VS Code desktop with @vscode/test-electron, which downloads VS Code:
 * for machines with internet access. Offline machines use test/e2e/run-code-server.js instead.
 * Usage: node test/e2e/build.js && node out/e2e/run-electron.js
 */
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './workspace';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const workspace = prepareWorkspace(root);
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'e2e', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (e) {
    console.error(`run-electron: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

void main();
