/**
 * Subcommands of `news-lens` that are not analysis: knowledge-base figures and imports.
 */
import { runImport } from './import-petrarch';
import { runKb } from './kb';

type Subcommand = (argv: string[]) => Promise<number> | number;

export const SUBCOMMANDS = new Map<string, Subcommand>([
  ['kb', runKb],
  ['import', runImport],
]);

export function runSubcommand(name: string, argv: string[]): Promise<number> | number {
  return SUBCOMMANDS.get(name)!(argv);
}
