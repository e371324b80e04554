/**
 * Level 1: every string the extension shows comes from a localisation bundle, and no bundle misses a
 * key. The manifest's `%key%` placeholders resolve in `package.nls.json`, which `package.nls.ar.json`
 * translates key for key; every `vscode.l10n.t` message of the client has its Arabic in
 * `l10n/bundle.l10n.ar.json`; the server's table is checked by messages.test.ts.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './helpers/fixture';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8'));
const manifest = read('package.json');
const nlsEn: Record<string, string> = read('package.nls.json');
const nlsAr: Record<string, string> = read('package.nls.ar.json');
const bundleAr: Record<string, string> = read('l10n/bundle.l10n.ar.json');
const CLIENT = path.join(REPO, 'client', 'src');
const clientSources = fs
  .readdirSync(CLIENT)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(CLIENT, f), 'utf8') }));

const ARABIC = /[\u0600-\u06ff]/;
/** What a translation must keep as it is: placeholders, setting links, code spans. */
function invariants(s: string): string[] {
  return [...s.matchAll(/\{\d+\}|`#[^`#]+#`|`[^`]+`/g)].map((m) => m[0]).sort();
}

/** Every string of the manifest that is a whole `%key%` placeholder, with where it is. */
function placeholders(value: unknown, at = '', out: Array<{ key: string; at: string }> = []): Array<{ key: string; at: string }> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.push({ key: m[1], at });
  } else if (Array.isArray(value)) value.forEach((v, i) => placeholders(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) placeholders(v, `${at}.${k}`, out);
  return out;
}

/** The messages of `vscode.l10n.t(...)` calls in the client; a call whose message is not a literal fails. */
function clientMessages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of clientSources) {
    for (const call of text.matchAll(/l10n\.t\(\s*/g)) {
      const rest = text.slice(call.index! + call[0].length);
      const lit = /^(['"])((?:\\.|(?!\1)[^\\])*)\1/.exec(rest);
      assert.ok(lit, `${file}: vscode.l10n.t takes a string literal, so that the bundle can be checked (${rest.slice(0, 40)}…)`);
      found.set(lit[2].replace(/\\(.)/g, '$1'), file);
    }
  }
  return found;
}

describe('localisation bundles', () => {
  describe('manifest (package.nls.json, package.nls.ar.json)', () => {
    it('every %key% of package.json has an English text, and no English text is unused', () => {
      const used = placeholders(manifest);
      assert.ok(used.length >= 40, `the manifest's texts are placeholders (${used.length})`);
      for (const { key, at } of used) assert.ok(key in nlsEn, `${at}: %${key}% is not in package.nls.json`);
      const keys = new Set(used.map((u) => u.key));
      for (const key of Object.keys(nlsEn)) assert.ok(keys.has(key), `package.nls.json: ${key} is used nowhere`);
    });

    it('the texts shown in VS Code are placeholders, not English', () => {
      const c = manifest.contributes;
      const texts: Array<[string, unknown]> = [
        ['displayName', manifest.displayName],
        ['description', manifest.description],
        ...c.commands.flatMap((x: { command: string; title: string; category: string }) => [[x.command, x.title], [x.command, x.category]] as Array<[string, unknown]>),
        ...c.views.explorer.flatMap((v: { id: string; name: string; contextualTitle: string }) => [[v.id, v.name], [v.id, v.contextualTitle]] as Array<[string, unknown]>),
        ...c.viewsWelcome.map((w: { view: string; contents: string }) => [w.view, w.contents] as [string, unknown]),
        ...c.configuration.map((s: { id: string; title: string }) => [s.id, s.title] as [string, unknown]),
        ...c.configuration.flatMap((s: { properties: Record<string, { markdownDescription: string; enumDescriptions?: string[] }> }) =>
          Object.entries(s.properties).flatMap(([k, p]) => [[k, p.markdownDescription], ...(p.enumDescriptions ?? []).map((d) => [k, d])] as Array<[string, unknown]>),
        ),
        ['untrustedWorkspaces', manifest.capabilities.untrustedWorkspaces.description],
      ];
      for (const [where, text] of texts) assert.match(String(text), /^%[^%\s]+%$/, `${where}: «${text}» is not a placeholder`);
    });

    it('package.nls.ar.json translates exactly the keys of package.nls.json, keeping placeholders, setting links and code', () => {
      assert.deepStrictEqual(Object.keys(nlsAr).sort(), Object.keys(nlsEn).sort(), 'same keys');
      for (const [key, en] of Object.entries(nlsEn)) {
        const ar = nlsAr[key];
        assert.ok(ar.trim(), `${key}: empty`);
        assert.match(ar, ARABIC, `${key}: not translated`);
        assert.deepStrictEqual(invariants(ar), invariants(en), `${key}: placeholders, setting links and code spans`);
      }
    });

    it('code-server --locale ar and VS Code find the Arabic bundles by their names', () => {
      assert.strictEqual(manifest.l10n, './l10n');
      assert.ok(fs.existsSync(path.join(REPO, 'package.nls.ar.json')));
      assert.ok(fs.existsSync(path.join(REPO, manifest.l10n, 'bundle.l10n.ar.json')));
    });

    it('the package keeps the bundles (.vscodeignore)', () => {
      const ignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split(/\r?\n/);
      assert.ok(ignore.includes('!package.nls*.json'), 'package.nls*.json is packaged');
      assert.ok(ignore.includes('!l10n/*.json'), 'l10n/*.json is packaged');
    });
  });

  describe('client (vscode.l10n.t and l10n/bundle.l10n.ar.json)', () => {
    it('every message of the client has its Arabic, and the bundle holds no other', () => {
      const messages = clientMessages();
      assert.ok(messages.size >= 30, `the client's texts go through vscode.l10n.t (${messages.size})`);
      for (const [m, file] of messages) assert.ok(m in bundleAr, `${file}: «${m}» is missing from l10n/bundle.l10n.ar.json`);
      for (const key of Object.keys(bundleAr)) assert.ok(messages.has(key), `l10n/bundle.l10n.ar.json: «${key}» is used by no l10n.t call`);
    });

    it('each translation is Arabic and keeps the placeholders and code of its message', () => {
      for (const [en, ar] of Object.entries(bundleAr)) {
        assert.match(ar, ARABIC, `«${en}» is not translated`);
        assert.deepStrictEqual(invariants(ar), invariants(en), `«${en}»: placeholders`);
      }
    });

    it('messages, dialogs and tree items get no English literal', () => {
      const shown = /(show(?:Warning|Information|Error)Message|setStatusBarMessage|new vscode\.TreeItem)\(\s*(['"]|`(?!\$\{))/;
      const titled = /\b(?:title|message|description|tooltip|name)\s*[:=]\s*['"`][^'"`]*[A-Za-z]{3}/;
      for (const { file, text } of clientSources) {
        // mark-styles.ts is the English source of the manifest's colour descriptions (package.nls.json), like settings.ts.
        if (file === 'mark-styles.ts') continue;
        text.split('\n').forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) return;
          assert.doesNotMatch(line, shown, `${file}:${i + 1}: ${line.trim()}`);
          // Identifiers and language ids are not shown; every other literal shown goes through l10n.
          if (titled.test(line) && !/l10n\.t\(|'arabicNewsLens|createOutputChannel|new LanguageClient/.test(line)) {
            assert.fail(`${file}:${i + 1}: an English text outside vscode.l10n.t: ${line.trim()}`);
          }
        });
      }
    });
  });
});
