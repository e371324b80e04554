/**
 * Test-only instrumentation, preloaded into the server process by the soak with
 * `NODE_OPTIONS=--require …/probe.js`; the server's code is unchanged. On SIGUSR2 it collects garbage
 * twice and writes to $NEWS_LENS_PROBE_OUT the live heap, the active handles (timers, sockets, pipes)
 * and the listener counts of the process and its stdio, so that a leak shows as growth between two
 * quiet points instead of in the noise of RSS.
 */
import * as fs from 'fs';
import * as v8 from 'v8';
import * as vm from 'vm';

const out = process.env.NEWS_LENS_PROBE_OUT;
if (out) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  process.on('SIGUSR2', () => {
    gc();
    gc();
    const m = process.memoryUsage();
    const emitters = { process, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
    const listeners: Record<string, number> = {};
    for (const [name, e] of Object.entries(emitters)) {
      for (const ev of e.eventNames()) listeners[`${name}.${String(ev)}`] = e.listenerCount(ev);
    }
    const report = { heapUsed: m.heapUsed, external: m.external, rss: m.rss, resources: process.getActiveResourcesInfo(), listeners };
    fs.writeFileSync(`${out}.tmp`, JSON.stringify(report));
    fs.renameSync(`${out}.tmp`, out);
  });
}
