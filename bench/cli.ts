/**
 * The command line over many files: `news-lens --format json` over N copies of a 1 MB feed, with
 * `--jobs 1` (the main thread alone) and `--jobs 2` (two worker threads), as whole processes from
 * start to exit. This row measures parallelism, so its processes are not pinned to one CPU like the
 * rest of the benchmark: they may use every CPU of the machine (`taskset` widens what the pinned
 * benchmark process passed down).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildFeed, MB, utf8Bytes, type Corpus } from './inputs';
import { median, type Row } from './stats';

const COPIES = 16;
const RUNS = 3;
const JOBS = [1, 2];

/**
 * Loaded with `node -r` into each measured process. At exit it prints the process's CPU time (all
 * threads) and the CPU time of its busiest thread, read from /proc/self/task every 50 ms while it
 * runs (worker threads are gone by exit). On a machine whose other CPUs are busy with other work,
 * the busiest thread's time is what the wall time would be with the CPUs free.
 */
const CPU_PROBE = `const fs = require('fs');
const ticks = new Map();
function sample() {
  try {
    for (const t of fs.readdirSync('/proc/self/task')) {
      const stat = fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(t, Number(f[11]) + Number(f[12]));
    }
  } catch {}
}
setInterval(sample, 50).unref();
process.on('exit', () => {
  sample();
  const c = process.cpuUsage();
  fs.writeSync(2, '\\ncpu-ms ' + (c.user + c.system) / 1000 + ' busiest-ms ' + Math.max(0, ...ticks.values()) * 10 + '\\n');
});
`;

/** The command that runs node on every CPU of the machine, when taskset can say so. */
function unpinned(): string[] {
  const cpus = os.cpus().length;
  const has = spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).status === 0;
  return has && cpus > 1 ? ['taskset', '-c', `0-${cpus - 1}`, process.execPath] : [process.execPath];
}

export function measureCli(root: string, corpus: Corpus, dir: string, rows: Row[], log: (s: string) => void): void {
  const feed = buildFeed(corpus, MB);
  const files: string[] = [];
  for (let i = 0; i < COPIES; i++) {
    const file = path.join(dir, `cli-feed-${i + 1}.txt`);
    fs.writeFileSync(file, feed);
    files.push(file);
  }
  const probe = path.join(dir, 'cpu-probe.js');
  fs.writeFileSync(probe, CPU_PROBE);
  const [cmd, ...prefix] = unpinned();
  const wall = new Map<number, number[]>(JOBS.map((j) => [j, []]));
  const cpu = new Map<number, number[]>(JOBS.map((j) => [j, []]));
  const busiest = new Map<number, number[]>(JOBS.map((j) => [j, []]));
  // Alternate the settings run by run, so that a busy neighbour weighs on both alike.
  for (let r = 0; r < RUNS; r++) {
    for (const jobs of JOBS) {
      log(`command line, --jobs ${jobs}, run ${r + 1}/${RUNS}…`);
      const t = performance.now();
      const p = spawnSync(cmd, [...prefix, '-r', probe, path.join(root, 'dist', 'cli.js'), '--format', 'json', '--jobs', String(jobs), ...files], {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, NEWS_LENS_MAX_MB: '100' },
      });
      wall.get(jobs)!.push(performance.now() - t);
      if (p.status !== 0) throw new Error(`news-lens --jobs ${jobs} failed (${p.status}): ${p.stderr}`);
      const probed = /cpu-ms ([0-9.]+) busiest-ms ([0-9.]+)/.exec(p.stderr);
      cpu.get(jobs)!.push(Number(probed?.[1]));
      busiest.get(jobs)!.push(Number(probed?.[2]));
    }
  }
  const mbTotal = (COPIES * utf8Bytes(feed)) / 1e6;
  const where = cmd === 'taskset' ? `not pinned: all ${os.cpus().length} CPUs` : os.cpus().length > 1 ? 'no taskset: as the benchmark is pinned' : 'one CPU';
  const s = (x: number) => (x / 1000).toFixed(2) + ' s';
  for (const jobs of JOBS) {
    const w = median(wall.get(jobs)!);
    rows.push({
      section: 'cli',
      what: `news-lens --format json, ${COPIES} files × ${(mbTotal / COPIES).toFixed(1)} MB, --jobs ${jobs} (${where})`,
      value: `${s(w)} wall, ${(mbTotal / (w / 1000)).toFixed(1)} MB/s; CPU ${s(median(cpu.get(jobs)!))}, busiest thread ${s(median(busiest.get(jobs)!))}`,
    });
  }
  const ratio = (m: Map<number, number[]>) => (median(m.get(1)!) / median(m.get(2)!)).toFixed(2) + '×';
  rows.push({ section: 'cli', what: `speed-up of --jobs 2 over --jobs 1, wall time (medians of ${RUNS} alternating runs)`, value: ratio(wall) });
  rows.push({ section: 'cli', what: 'speed-up of --jobs 2 with a free CPU for every thread (busiest thread\'s CPU time, --jobs 1 / --jobs 2)', value: ratio(busiest) });
  // V8 compiles and collects garbage on helper threads, so the CPU time of all threads bounds the
  // wall time too: on an idle machine with this many CPUs no run can be faster than both bounds.
  const ncpu = os.cpus().length;
  const bound = new Map(JOBS.map((j) => [j, [Math.max(median(busiest.get(j)!), median(cpu.get(j)!) / ncpu)]]));
  rows.push({ section: 'cli', what: `speed-up of --jobs 2 on this machine's ${ncpu} CPUs idle (max of busiest thread and CPU time / ${ncpu})`, value: ratio(bound) });
}
