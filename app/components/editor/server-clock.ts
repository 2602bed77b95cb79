"use client";

import { measureClockOffset } from "@/lib/time/measure-clock-offset";

const STORAGE_KEY = "talknotes:clock-offset";
/** Clocks drift and laptops sleep: measure again this often while an editor is open. */
const REMEASURE_MS = 10 * 60_000;

let offset: number | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let users = 0;

function storedOffset(): number {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

async function measure(): Promise<void> {
  const measured = await measureClockOffset(async () => {
    const res = await fetch("/api/time", { cache: "no-store" });
    if (!res.ok) throw new Error(`/api/time: ${res.status}`);
    return ((await res.json()) as { now: number }).now;
  }, Date.now);
  if (measured === null) return;
  offset = measured;
  try {
    localStorage.setItem(STORAGE_KEY, String(measured));
  } catch {
    // Private mode: the offset just is not remembered for the next, offline, start.
  }
}

/**
 * The server's clock as this browser best knows it, for block times: the
 * local clock plus the offset measured against `/api/time` (shortest of three
 * round trips, corrected by half of it), so a laptop whose clock is wrong
 * still writes the right time. Until the first measurement (or offline) the
 * last offset this browser measured is used.
 */
export const serverClock = {
  now(): number {
    return Date.now() + (offset ?? storedOffset());
  },
  /** Start measuring while an editor is open; returns the stop function. */
  start(): () => void {
    users++;
    if (users === 1) {
      void measure();
      timer = setInterval(() => void measure(), REMEASURE_MS);
    }
    return () => {
      users--;
      if (users === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  },
};
