import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number | null;
  /** Resident set size now, MiB. */
  rssMb: number | null;
  /** Peak resident set size (VmHWM), MiB; Linux only. */
  peakRssMb: number | null;
  note?: string;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** VmRSS / VmHWM of a process from /proc/<pid>/status (Linux). */
export function processMemory(pid: number | undefined): ProcessMemory {
  if (!pid) return { pid: null, rssMb: null, peakRssMb: null, note: 'pid unknown' };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? mb(Number(m[1])) : null;
    };
    return { pid, rssMb: field('VmRSS'), peakRssMb: field('VmHWM') };
  } catch {
    return { pid, rssMb: null, peakRssMb: null, note: '/proc not readable (not Linux?)' };
  }
}

/** This process: the gateway runs in it (startStack), alongside the benchmark's own client code. */
export function selfMemory(): ProcessMemory {
  const fromProc = processMemory(process.pid);
  return {
    pid: process.pid,
    rssMb: mb(process.memoryUsage().rss / 1024),
    peakRssMb: fromProc.peakRssMb,
    note: 'gateway runs in-process: RSS of the bench process (gateway + benchmark client)',
  };
}
