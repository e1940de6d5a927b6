import fs from 'node:fs';

/**
 * CPU time per process group from /proc (Linux; elsewhere it reports nothing): on a 2-core box
 * the question for a throughput number is who used the cores, the server, PostgreSQL, or this
 * load generator itself. PostgreSQL counts only when it runs on this machine.
 */
const TICK_MS = 10; // USER_HZ is 100 on every Linux we run on
export type CpuSnapshot = Map<'server' | 'postgres' | 'client', number> | null;

export function cpuSnapshot(serverPid: number | undefined): CpuSnapshot {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const out: NonNullable<CpuSnapshot> = new Map([
    ['server', 0],
    ['postgres', 0],
    ['client', 0],
  ]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
    const pid = Number(entry);
    if (pid === serverPid) out.set('server', ms);
    else if (pid === process.pid) out.set('client', ms);
    else if (comm === 'postgres') out.set('postgres', out.get('postgres')! + ms);
  }
  return out;
}

/** CPU ms per request of each group between two snapshots, e.g. "server 1.2 · postgres 0.9 · client 0.6". */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): string | null {
  if (!before || !after || !requests) return null;
  return [...after].map(([k, v]) => `${k} ${((v - before.get(k)!) / requests).toFixed(2)}`).join(' · ');
}
