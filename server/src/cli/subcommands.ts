/**
 * Subcommands of `news-lens` that are not analysis: knowledge-base figures and imports.
 */
import { runKb } from './kb';

type Subcommand = (argv: string[]) => Promise<number> | number;

export const SUBCOMMANDS = new Map<string, Subcommand>([
  ['kb', runKb],
  // The importer and the ISO code table it reads load only when `import` runs, not at every start.
  ['import', async (argv) => (await import('./import-petrarch')).runImport(argv)],
]);

export function runSubcommand(name: string, argv: string[]): Promise<number> | number {
  return SUBCOMMANDS.get(name)!(argv);
}
