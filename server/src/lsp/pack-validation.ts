/**
 * The schema check of the built-in packs, which start-up only parses: it runs in a worker thread,
 * because checking two megabytes of packs takes long enough (a second on a busy machine) to hold up
 * every request that arrives meanwhile if it ran on the server's thread. Session starts it once the
 * server has been idle for a while. The worker is the server's
 * own bundle started again with `workerData.kind === 'validate-packs'` (see server.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import { Worker } from 'worker_threads';
import { parsePack, type PackProblem } from '../knowledge/validate';

export interface PackToValidate {
  file: string;
  text: string;
}

export interface ValidatedPack extends PackToValidate {
  problems: PackProblem[];
}

export const VALIDATE_PACKS = 'validate-packs';

/**
 * In the worker: gives this thread the lowest scheduling priority, so that on a busy machine (or a
 * server pinned to one core) the check yields to the server's own thread instead of sharing the core
 * with it while requests wait. Linux names the calling thread in /proc/thread-self; elsewhere the
 * worker keeps the default priority.
 */
export function lowerThreadPriority(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: the default priority.
  }
}

/** In the worker: checks each pack and posts its problems. */
export function validatePacks(packs: PackToValidate[]): ValidatedPack[] {
  return packs.map((p) => ({ ...p, problems: parsePack(p.text).problems }));
}

/**
 * Checks `packs` in a worker started from `script` (the server's bundle), or on this thread when a
 * worker cannot start (the results are the same, only later requests wait).
 */
export function validateInWorker(script: string, packs: PackToValidate[], done: (results: ValidatedPack[]) => void, log: (m: string) => void): void {
  if (!packs.length) return done([]);
  let finished = false;
  const finish = (results: ValidatedPack[]): void => {
    if (finished) return;
    finished = true;
    done(results);
  };
  try {
    const worker = new Worker(script, { workerData: { kind: VALIDATE_PACKS, packs }, argv: [] });
    worker.unref();
    worker.once('message', (results: ValidatedPack[]) => finish(results));
    worker.once('error', (e) => {
      log(`pack validation worker failed (${e.message}); validating on the server thread`);
      finish(validatePacks(packs));
    });
    worker.once('exit', () => {
      if (!finished) finish(validatePacks(packs));
    });
  } catch (e) {
    log(`pack validation worker did not start (${(e as Error).message}); validating on the server thread`);
    finish(validatePacks(packs));
  }
}
