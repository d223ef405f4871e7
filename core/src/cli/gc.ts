import { setFlagsFromString } from 'node:v8';

/**
 * V8 runs each young-generation collection (scavenge) on helper threads besides the JS thread. With an analysing
 * thread on every core there is no idle core for them: they only compete with the analysis (measured on 2 cores,
 * 10,000 files split across 2 threads: pauses about 3× longer and a quarter more CPU). Then one thread per
 * scavenge is faster. The flag is read at each scavenge, so setting it now applies to every thread of the process.
 */
export function scavengeOnOwnThread(): void {
  setFlagsFromString('--no-parallel-scavenge');
}
