/**
 * The schema check of the built-in packs, which start-up only parses (they were checked by the
 * tests). Checking two megabytes of packs takes long enough (half a second, more on a busy machine)
 * to hold up every request that arrives meanwhile, so Session runs it one pack at a time, each only
 * when the server has been idle for a while (`Session.whenIdle`).
 */
import { parsePack, type PackProblem } from '../knowledge/validate';

export interface PackToValidate {
  file: string;
  text: string;
}

export interface ValidatedPack extends PackToValidate {
  problems: PackProblem[];
}

/** Checks each pack against the schema. */
export function validatePacks(packs: PackToValidate[]): ValidatedPack[] {
  return packs.map((p) => ({ ...p, problems: parsePack(p.text).problems }));
}
