/**
 * Drift test: `package.json` must contribute exactly what the server's single sources of truth define:
 * the settings (server/src/common/settings.ts), the commands behind custom requests
 * (server/src/common/protocol.ts) and the semantic-token legend (server/src/common/legend.ts).
 * Their texts are `%key%` placeholders whose English lives in `package.nls.json`.
 * On a failure the message prints the expected JSON to paste into `package.json` or `package.nls.json`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CANDIDATE_BACKGROUND, FORM_STYLES, MARK_COLOURS, MARK_TYPES, underlineColour } from '../../client/src/mark-styles';
import { Commands, MARK_FORMS } from '../../server/src/common/protocol';
import { SETTINGS } from '../../server/src/common/settings';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/common/legend';
import { REPO } from './helpers/fixture';
import { expectedConfiguration, expectedNls, expectedTokenContributions, resolveNls } from './helpers/package-manifest';

const raw = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'));
/** The manifest as VS Code shows it in English: placeholders replaced by package.nls.json. */
const manifest = resolveNls(raw, nls);
const contributes = manifest.contributes;
const paste = (v: unknown) => `\nexpected (paste into package.json):\n${JSON.stringify(v, null, 2)}`;

describe('package.json matches the server’s sources of truth', () => {
  describe('settings (server/src/common/settings.ts)', () => {
    it('contributes.configuration equals the settings, section by section', () => {
      const expected = expectedConfiguration();
      assert.deepStrictEqual(raw.contributes.configuration, expected, paste(expected));
    });

    it('package.nls.json holds the English texts of the settings and the token legend', () => {
      const expected = expectedNls();
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, nls[k]]));
      assert.deepStrictEqual(actual, expected, `\nexpected (paste into package.nls.json):\n${JSON.stringify(expected, null, 2)}`);
    });

    it('every setting has a scope and a markdownDescription, and a Performance section exists', () => {
      const props = Object.assign({}, ...contributes.configuration.map((c: { properties: object }) => c.properties));
      assert.deepStrictEqual(Object.keys(props).sort(), SETTINGS.map((s) => s.key).sort());
      for (const [key, p] of Object.entries<Record<string, unknown>>(props)) {
        assert.ok(typeof p.scope === 'string', `${key} has a scope`);
        assert.ok(typeof p.markdownDescription === 'string' && p.markdownDescription.length > 20, `${key} has a markdownDescription`);
        assert.ok(!('description' in p), `${key} uses markdownDescription only`);
      }
      const performance = contributes.configuration.find((c: { title: string }) => c.title === 'Performance');
      assert.ok(performance && Object.keys(performance.properties).length >= 2, 'a Performance section with the size limit and the debounce');
      assert.strictEqual(contributes.configuration[0].title, manifest.displayName);
    });

    it('settings referenced in markdown (`#key#`) exist', () => {
      const keys = new Set(SETTINGS.map((s) => s.key));
      for (const s of SETTINGS) for (const m of s.markdownDescription.matchAll(/`#([^#`]+)#`/g)) assert.ok(keys.has(m[1]), `${s.key} refers to ${m[1]}`);
    });

    it('restrictedConfigurations names real settings', () => {
      const keys = new Set(SETTINGS.map((s) => s.key));
      for (const k of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) assert.ok(keys.has(k), k);
    });
  });

  describe('commands (server/src/common/protocol.ts)', () => {
    const declared: string[] = contributes.commands.map((c: { command: string }) => c.command);

    it('every command of the protocol is contributed, with a title and the category', () => {
      for (const id of Object.values(Commands)) assert.ok(declared.includes(id), `${id} is in contributes.commands`);
      for (const c of contributes.commands) {
        assert.ok(c.title, `${c.command} has a title`);
        assert.strictEqual(c.category, manifest.displayName);
      }
    });

    it('every contributed command is a protocol command or a client command the client registers', () => {
      const client = fs.readFileSync(path.join(REPO, 'client', 'src', 'commands.ts'), 'utf8');
      for (const id of declared) {
        const known = (Object.values(Commands) as string[]).includes(id) || client.includes(`'${id}'`);
        assert.ok(known, `${id} is neither in protocol.ts Commands nor registered in client/src/commands.ts`);
      }
    });

    it('menus and views refer to contributed commands and views only', () => {
      const views = new Set(Object.values<Array<{ id: string }>>(contributes.views).flat().map((v) => v.id));
      for (const [menu, items] of Object.entries<Array<{ command: string; when?: string }>>(contributes.menus)) {
        for (const item of items) {
          assert.ok(declared.includes(item.command), `${menu}: ${item.command}`);
          for (const m of (item.when ?? '').matchAll(/view == ([\w.]+)/g)) assert.ok(views.has(m[1]), `${menu}: view ${m[1]}`);
        }
      }
      assert.ok(views.has('arabicNewsLens.entities'));
    });
  });

  describe('semantic tokens (server/src/common/legend.ts)', () => {
    it('semanticTokenTypes and semanticTokenModifiers equal the legend, in order', () => {
      const expected = expectedTokenContributions();
      assert.deepStrictEqual(
        raw.contributes.semanticTokenTypes.map((t: { id: string; description: string }) => ({ id: t.id, description: t.description })),
        expected.types,
        paste(expected.types),
      );
      assert.deepStrictEqual(raw.contributes.semanticTokenModifiers, expected.modifiers, paste(expected.modifiers));
      for (const t of contributes.semanticTokenTypes) assert.ok(t.superType, `${t.id} has a superType`);
    });

    it('semanticTokenScopes map every type to a TextMate scope', () => {
      const scopes = contributes.semanticTokenScopes[0].scopes;
      for (const t of TOKEN_TYPES) assert.ok(Array.isArray(scopes[t]) && scopes[t].length > 0, `${t} has scopes`);
      for (const selector of Object.keys(scopes)) {
        const [type, ...mods] = selector.split('.');
        assert.ok((TOKEN_TYPES as readonly string[]).includes(type), selector);
        for (const m of mods) assert.ok((TOKEN_MODIFIERS as readonly string[]).includes(m), selector);
      }
    });

    it('default colours underline every type, in light, dark and high-contrast themes, and style the forms', () => {
      const custom = contributes.configurationDefaults['editor.semanticTokenColorCustomizations'];
      const palettes: Record<string, Record<string, { foreground: string; underline?: boolean; italic?: boolean; bold?: boolean }>> = { base: custom.rules };
      for (const [k, v] of Object.entries<{ rules: (typeof palettes)[string] }>(custom)) if (k.startsWith('[')) palettes[k] = v.rules;
      for (const theme of ['[*Light*]', '[*Dark*]', '[Default High Contrast]', '[Default High Contrast Light]']) assert.ok(palettes[theme], theme);
      for (const [theme, rules] of Object.entries(palettes)) {
        const colours = new Set<string>();
        for (const t of TOKEN_TYPES) {
          assert.ok(rules[t]?.underline, `${theme}: ${t} is underlined`);
          assert.match(rules[t].foreground, /^#[0-9a-f]{6}$/i, `${theme}: ${t} has a colour`);
          colours.add(rules[t].foreground.toLowerCase());
          assert.ok(rules[`${t}.adjective`]?.italic && rules[`${t}.adjective`].foreground !== rules[t].foreground, `${theme}: ${t}.adjective is fainter and italic`);
          assert.ok(rules[`${t}.title`]?.italic, `${theme}: ${t}.title is italic`);
          assert.ok(rules[`${t}.candidate`] && rules[`${t}.candidate`].foreground !== rules[t].foreground, `${theme}: ${t}.candidate is distinct`);
        }
        assert.strictEqual(colours.size, TOKEN_TYPES.length, `${theme}: each type has its own colour`);
      }
      for (const selector of Object.keys(custom.rules)) {
        const [type, ...mods] = selector.split('.');
        assert.ok((TOKEN_TYPES as readonly string[]).includes(type) && mods.every((m) => (TOKEN_MODIFIERS as readonly string[]).includes(m)), selector);
      }
    });
  });

  describe('marks drawn in VS Code (client/src/mark-styles.ts)', () => {
    /** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    // The editor backgrounds of VS Code's default themes of each kind.
    const BACKGROUNDS = { light: '#ffffff', highContrastLight: '#ffffff', dark: '#1f1f1f', highContrast: '#000000' } as const;

    it('contributes.colors equals the mark colours, with a default for every kind of theme', () => {
      assert.deepStrictEqual(contributes.colors, MARK_COLOURS, paste(MARK_COLOURS));
      const ids = contributes.colors.map((c: { id: string }) => c.id);
      for (const t of MARK_TYPES) assert.ok(ids.includes(underlineColour(t)), `${t} has an underline colour`);
      assert.ok(ids.includes(CANDIDATE_BACKGROUND));
    });

    it('underlines reach 4.5:1 against the editor background (light themes required, dark ones too), one colour per type', () => {
      const computed = contributes.colors.filter((c: { id: string }) => c.id !== CANDIDATE_BACKGROUND);
      assert.strictEqual(computed.length, MARK_TYPES.length);
      for (const [kind, bg] of Object.entries(BACKGROUNDS)) {
        const seen = new Set<string>();
        for (const c of computed) {
          const fg: string = c.defaults[kind];
          assert.match(fg, /^#[0-9a-f]{6}$/i, `${c.id} ${kind} is opaque`);
          const ratio = contrast(fg, bg);
          assert.ok(ratio >= 4.5, `${c.id} in ${kind}: ${ratio.toFixed(2)}:1 against ${bg}`);
          seen.add(fg.toLowerCase());
        }
        assert.strictEqual(seen.size, MARK_TYPES.length, `${kind}: each type has its own colour`);
      }
    });

    it('the candidate background is a light tint (translucent), not a fill that hides the text', () => {
      const bg = contributes.colors.find((c: { id: string }) => c.id === CANDIDATE_BACKGROUND);
      for (const v of Object.values<string>(bg.defaults)) {
        assert.match(v, /^#[0-9a-f]{8}$/i, v);
        assert.ok(parseInt(v.slice(7, 9), 16) <= 0x40, `${v} is at most 25% opaque`);
      }
    });

    it('each form has its own underline style, drawn with overlay styles only', () => {
      assert.deepStrictEqual(Object.keys(FORM_STYLES), [...MARK_FORMS]);
      const styles = Object.values(FORM_STYLES).map((s) => s.borderStyle);
      assert.strictEqual(new Set(styles).size, styles.length, styles.join(', '));
      for (const s of Object.values(FORM_STYLES)) assert.match(s.borderWidth, /^0 0 [23]px 0$/, 'a bottom border only');
      // Text styles cut a right-to-left line into isolated pieces (ARCHITECTURE.md): none in the client's decorations.
      const source = fs.readFileSync(path.join(REPO, 'client', 'src', 'marks.ts'), 'utf8');
      const options = /const options: vscode\.DecorationRenderOptions = \{([^}]*)\}/.exec(source);
      assert.ok(options, 'marks.ts builds its decoration options in one place');
      assert.deepStrictEqual([...options[1].matchAll(/(\w+):/g)].map((m) => m[1]), ['borderStyle', 'borderWidth', 'borderColor', 'rangeBehavior']);
      assert.doesNotMatch(source, /\b(textDecoration|fontStyle|fontWeight|letterSpacing|opacity)\s*:/);
    });

    it('no language default forces semantic highlighting on (the tokens would split Arabic lines)', () => {
      for (const [key, value] of Object.entries<Record<string, unknown>>(contributes.configurationDefaults)) {
        if (key.startsWith('[')) assert.ok(!('editor.semanticHighlighting.enabled' in value), key);
      }
      assert.ok(!('editor.semanticHighlighting.enabled' in contributes.configurationDefaults));
    });
  });

  describe('activation, language and workspace trust', () => {
    it('declares the activation events explicitly', () => {
      assert.deepStrictEqual(manifest.activationEvents, ['onLanguage:arabic-news', 'onLanguage:plaintext', 'workspaceContains:.arabic-news/*.json']);
    });

    it('the arabic-news language has its extensions and grammar', () => {
      const lang = contributes.languages.find((l: { id: string }) => l.id === 'arabic-news');
      assert.deepStrictEqual(lang.extensions, ['.arnews', '.ar.txt']);
      const grammar = contributes.grammars.find((g: { language: string }) => g.language === 'arabic-news');
      const file = path.join(REPO, grammar.path);
      assert.strictEqual(JSON.parse(fs.readFileSync(file, 'utf8')).scopeName, grammar.scopeName);
      assert.ok(fs.existsSync(path.join(REPO, lang.configuration)));
    });

    it('declares limited support in untrusted workspaces and validates workspace packs with the schema', () => {
      assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
      assert.match(manifest.capabilities.untrustedWorkspaces.description, /built-in/);
      const v = contributes.jsonValidation.find((j: { fileMatch: string }) => j.fileMatch === '.arabic-news/*.json');
      assert.ok(v && fs.existsSync(path.join(REPO, v.url)), 'jsonValidation points at the pack schema');
    });
  });
});
