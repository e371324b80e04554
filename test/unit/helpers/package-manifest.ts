/**
 * What `package.json` must contribute, computed from the server's single sources of truth
 * (server/src/common/settings.ts, protocol.ts, legend.ts). The manifest holds `%key%` placeholders
 * and `package.nls.json` their English texts, which must equal these sources; `package.nls.ar.json`
 * translates them. The drift test compares both; when a setting changes, paste the printed
 * expectations into `package.json` and `package.nls.json`.
 */
import { SETTINGS, type SettingSpec } from '../../../server/src/common/settings';
import { TOKEN_MODIFIERS, TOKEN_MODIFIER_DESCRIPTIONS, TOKEN_TYPES, TOKEN_TYPE_DESCRIPTIONS } from '../../../server/src/common/legend';

/** The extension's display name: the settings category with this title sits directly under it. */
export const EXTENSION_TITLE = 'Arabic News Lens';

/** The localisation keys of the manifest's generated strings (`%key%` in package.json). */
export const nlsKeys = {
  setting: (spec: SettingSpec) => `settings.${spec.key.slice('arabicNewsLens.'.length)}`,
  enumDescription: (spec: SettingSpec, value: string) => `settings.${spec.key.slice('arabicNewsLens.'.length)}.${value}`,
  section: (section: string) => (section === 'General' ? 'displayName' : `settings.section.${section.toLowerCase().replace(/[^a-z]+/g, '-')}`),
  tokenType: (id: string) => `token.${id}`,
  tokenModifier: (id: string) => `token.modifier.${id}`,
};

const ph = (key: string) => `%${key}%`;

/** The English text of every generated key, as package.nls.json must hold it. */
export function expectedNls(): Record<string, string> {
  const out: Record<string, string> = { [nlsKeys.section('General')]: EXTENSION_TITLE };
  for (const s of SETTINGS) {
    if (s.section !== 'General') out[nlsKeys.section(s.section)] = s.section;
    out[nlsKeys.setting(s)] = s.markdownDescription;
    s.enumDescriptions?.forEach((d, i) => (out[nlsKeys.enumDescription(s, s.enum![i])] = d));
  }
  for (const id of TOKEN_TYPES) out[nlsKeys.tokenType(id)] = TOKEN_TYPE_DESCRIPTIONS[id];
  for (const id of TOKEN_MODIFIERS) out[nlsKeys.tokenModifier(id)] = TOKEN_MODIFIER_DESCRIPTIONS[id];
  return out;
}

/** A copy of `value` with every `%key%` string replaced by its text in `nls` (as VS Code does). */
export function resolveNls<T>(value: T, nls: Record<string, string>): T {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    return (m && m[1] in nls ? nls[m[1]] : value) as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolveNls(v, nls)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveNls(v, nls)])) as T;
  }
  return value;
}

/** `contributes.configuration` property for one setting, with placeholders for its texts. */
export function configurationProperty(spec: SettingSpec, order: number): Record<string, unknown> {
  const p: Record<string, unknown> = { type: spec.type };
  if (spec.items) p.items = spec.items;
  p.default = spec.default;
  if (spec.enum) p.enum = spec.enum;
  if (spec.enumDescriptions) p.enumDescriptions = spec.enum!.map((v) => ph(nlsKeys.enumDescription(spec, v)));
  if (spec.minimum !== undefined) p.minimum = spec.minimum;
  if (spec.maximum !== undefined) p.maximum = spec.maximum;
  p.scope = spec.scope;
  p.order = order;
  p.markdownDescription = ph(nlsKeys.setting(spec));
  return p;
}

/**
 * `contributes.configuration`: one category per settings section, in the order the sections first
 * appear; the General section is titled like the extension so that its settings come first.
 */
export function expectedConfiguration(): Array<{ id: string; title: string; order: number; properties: Record<string, unknown> }> {
  const sections: string[] = [];
  for (const s of SETTINGS) if (!sections.includes(s.section)) sections.push(s.section);
  return sections.map((section, i) => {
    const properties: Record<string, unknown> = {};
    SETTINGS.forEach((s, order) => {
      if (s.section === section) properties[s.key] = configurationProperty(s, order);
    });
    return {
      id: `arabicNewsLens.${section.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title: ph(nlsKeys.section(section)),
      order: i,
      properties,
    };
  });
}

/** The token types and modifiers, in legend order, with placeholders for their descriptions. */
export function expectedTokenContributions() {
  return {
    types: TOKEN_TYPES.map((id) => ({ id, description: ph(nlsKeys.tokenType(id)) })),
    modifiers: TOKEN_MODIFIERS.map((id) => ({ id, description: ph(nlsKeys.tokenModifier(id)) })),
  };
}

if (require.main === module) {
  console.log(JSON.stringify({ configuration: expectedConfiguration(), ...expectedTokenContributions(), nls: expectedNls() }, null, 2));
}
