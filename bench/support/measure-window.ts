import { monitorEventLoopDelay } from "node:perf_hooks";
import { busyShare } from "./busy-share";
import { readProcessUsage } from "./process-usage";
import { readSystemCpu } from "./system-cpu";

export interface WindowMeasure {
  seconds: number;
  /** CPU of the measured server, as a share of one core (1 = one core fully busy). */
  serverCores: number;
  serverCpuSeconds: number;
  serverRssBytes: number;
  /** CPU of this (load generator) process, as a share of one core. */
  generatorCores: number;
  /** Share of all of the machine's cores that were busy (everyone's work, not only ours). */
  machineBusy: number;
  /** The load generator's event-loop delay p99 (ms): high means the generator itself lagged. */
  generatorLoopDelayP99Ms: number;
}

/**
 * Starts measuring a time window: the server's CPU (from /proc), this
 * process's own CPU and event-loop delay, and the whole machine's CPU, so
 * every result can say whether the server or the load generator was the limit.
 */
export function measureWindow(serverPid: number): { end(): WindowMeasure } {
  const server0 = readProcessUsage(serverPid);
  const cpu0 = process.cpuUsage();
  const sys0 = readSystemCpu();
  const t0 = performance.now();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return {
    end() {
      const seconds = (performance.now() - t0) / 1000;
      const server1 = readProcessUsage(serverPid);
      const cpu = process.cpuUsage(cpu0);
      delay.disable();
      return {
        seconds,
        serverCpuSeconds: server1.cpuSeconds - server0.cpuSeconds,
        serverCores: (server1.cpuSeconds - server0.cpuSeconds) / seconds,
        serverRssBytes: server1.rssBytes,
        generatorCores: (cpu.user + cpu.system) / 1e6 / seconds,
        machineBusy: busyShare(sys0, readSystemCpu()),
        generatorLoopDelayP99Ms: delay.percentile(99) / 1e6,
      };
    },
  };
}
