/**
 * Servers this bench process started, so an aborted run (a scenario timed out
 * or threw) does not leave them running: bench/run.ts kills what is left.
 */
export const startedProcesses = {
  pids: new Set<number>(),
  add(pid: number): void {
    this.pids.add(pid);
  },
  remove(pid: number): void {
    this.pids.delete(pid);
  },
  /** SIGKILLs every tracked process still alive; returns how many there were. */
  killAll(): number {
    let n = 0;
    for (const pid of this.pids) {
      try {
        process.kill(pid, "SIGKILL");
        n++;
      } catch {
        // already gone
      }
    }
    this.pids.clear();
    return n;
  },
};
