/**
 * How the VS Code client draws a mark, defined once: the theme colours it contributes
 * (`package.json` `contributes.colors`, compared by a unit test) and the decoration style of each
 * form. No imports, so that the unit tests can read it without VS Code.
 *
 * Only overlay styles are used (a bottom border and a background tint): VS Code draws them in a layer
 * under the text, so a marked Arabic line stays one run of text that the browser lays out right to
 * left with its letters joined. Text styles (`color`, `textDecoration`, `fontStyle`, `fontWeight`)
 * would cut the line into bidi-isolated pieces drawn left to right (see ARCHITECTURE.md).
 */

export const MARK_TYPES = ['person', 'country', 'location', 'organization'] as const;
export type MarkType = (typeof MARK_TYPES)[number];

/** A theme colour as `contributes.colors` declares it. */
export interface ThemeColourSpec {
  id: string;
  description: string;
  defaults: { light: string; dark: string; highContrast: string; highContrastLight: string };
}

/** The underline colour of each entity type, then the tint behind candidate names. */
export const MARK_COLOURS: readonly ThemeColourSpec[] = [
  {
    id: 'arabicNewsLens.personUnderline',
    description: 'Underline of people named in Arabic news.',
    defaults: { light: '#a3166f', dark: '#f08dd0', highContrast: '#ff8ae2', highContrastLight: '#7a0052' },
  },
  {
    id: 'arabicNewsLens.countryUnderline',
    description: 'Underline of countries and nationality adjectives in Arabic news.',
    defaults: { light: '#0b5f94', dark: '#5cc4ff', highContrast: '#66d9ff', highContrastLight: '#003f66' },
  },
  {
    id: 'arabicNewsLens.locationUnderline',
    description: 'Underline of places (cities, regions) in Arabic news.',
    defaults: { light: '#1d6b2f', dark: '#78d98f', highContrast: '#8cf0a0', highContrastLight: '#0a4d1a' },
  },
  {
    id: 'arabicNewsLens.organizationUnderline',
    description: 'Underline of organizations in Arabic news.',
    defaults: { light: '#9a4a00', dark: '#ffb457', highContrast: '#ffc766', highContrastLight: '#6b3300' },
  },
  {
    id: 'arabicNewsLens.candidateBackground',
    description: 'Background tint of candidate names that no knowledge pack knows.',
    defaults: { light: '#c8960026', dark: '#ffd24a1f', highContrast: '#ffd24a33', highContrastLight: '#c8960033' },
  },
];

/** The theme colour id of a type's underline. */
export const underlineColour = (type: MarkType): string => `arabicNewsLens.${type}Underline`;
export const CANDIDATE_BACKGROUND = 'arabicNewsLens.candidateBackground';

/** The overlay style of each form: names solid, adjectives dashed, role phrases dotted, candidates double on a tint. */
export const FORM_STYLES = {
  name: { borderStyle: 'solid', borderWidth: '0 0 2px 0' },
  adjective: { borderStyle: 'dashed', borderWidth: '0 0 2px 0' },
  title: { borderStyle: 'dotted', borderWidth: '0 0 2px 0' },
  // A double line needs three pixels to show as two.
  candidate: { borderStyle: 'double', borderWidth: '0 0 3px 0', background: CANDIDATE_BACKGROUND },
} as const satisfies Record<string, { borderStyle: string; borderWidth: string; background?: string }>;
