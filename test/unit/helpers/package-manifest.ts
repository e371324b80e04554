/**
 * What `package.json` must contribute, computed from the server's single sources of truth
 * (server/src/common/settings.ts, protocol.ts, legend.ts). The drift test compares these with the
 * manifest; when a setting changes, paste the printed expectation into `package.json`.
 */
import { SETTINGS, type SettingSpec } from '../../../server/src/common/settings';
import { TOKEN_MODIFIERS, TOKEN_MODIFIER_DESCRIPTIONS, TOKEN_TYPES, TOKEN_TYPE_DESCRIPTIONS } from '../../../server/src/common/legend';

/** The extension's display name: the settings category with this title sits directly under it. */
export const EXTENSION_TITLE = 'Arabic News Lens';

/** `contributes.configuration` property for one setting. */
export function configurationProperty(spec: SettingSpec, order: number): Record<string, unknown> {
  const p: Record<string, unknown> = { type: spec.type };
  if (spec.items) p.items = spec.items;
  p.default = spec.default;
  if (spec.enum) p.enum = spec.enum;
  if (spec.enumDescriptions) p.enumDescriptions = spec.enumDescriptions;
  if (spec.minimum !== undefined) p.minimum = spec.minimum;
  if (spec.maximum !== undefined) p.maximum = spec.maximum;
  p.scope = spec.scope;
  p.order = order;
  p.markdownDescription = spec.markdownDescription;
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
      title: section === 'General' ? EXTENSION_TITLE : section,
      order: i,
      properties,
    };
  });
}

/** The token types and modifiers, in legend order, with their descriptions. */
export function expectedTokenContributions() {
  return {
    types: TOKEN_TYPES.map((id) => ({ id, description: TOKEN_TYPE_DESCRIPTIONS[id] })),
    modifiers: TOKEN_MODIFIERS.map((id) => ({ id, description: TOKEN_MODIFIER_DESCRIPTIONS[id] })),
  };
}

if (require.main === module) {
  console.log(JSON.stringify({ configuration: expectedConfiguration(), ...expectedTokenContributions() }, null, 2));
}
