import fs from 'node:fs';

/** A process's resident memory in MB from /proc (Linux; NaN elsewhere or once it has ended). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
