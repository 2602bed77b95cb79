"use client";

import { useEffect, useState } from "react";

type State = "connecting" | "live" | "offline" | "ended";

const LABEL: Record<State, string> = { connecting: "Connecting…", live: "Updating live", offline: "Reconnecting…", ended: "Session ended" };

/** The first element with an id that is still on screen: what the reader is looking at. */
function visibleAnchor(container: HTMLElement): { id: string; top: number } | null {
  for (const el of container.querySelectorAll<HTMLElement>("[id]")) {
    const rect = el.getBoundingClientRect();
    if (rect.bottom > 0) return { id: el.id, top: rect.top };
  }
  return null;
}

/**
 * Live reading of a public session page: a Server-Sent Events stream of the
 * notes rendered (and escaped) by the server; this component only swaps the
 * notes and chart HTML in place, keeping what the reader looks at where it
 * was on screen, and shows a small Live indicator. No editor code.
 */
export function LiveNotes({ src, version }: { src: string; version: string }) {
  const [state, setState] = useState<State>("connecting");

  useEffect(() => {
    let current = version;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const apply = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { v: string; status: string; notes: string; chart: string };
      failures = 0;
      if (data.status !== "live") {
        setState("ended");
        source?.close();
      }
      if (data.v === current) return;
      current = data.v;
      const notes = document.getElementById("notes");
      const chart = document.getElementById("chart");
      if (!notes) return;
      const anchor = visibleAnchor(notes);
      notes.innerHTML = data.notes;
      if (chart) chart.innerHTML = data.chart;
      const again = anchor && document.getElementById(anchor.id);
      if (anchor && again) window.scrollBy(0, again.getBoundingClientRect().top - anchor.top);
      notes.dataset.version = current;
    };

    const connect = () => {
      source = new EventSource(src);
      source.addEventListener("notes", apply as EventListener);
      source.onopen = () => setState((s) => (s === "ended" ? s : "live"));
      source.onerror = () => {
        if (!source || source.readyState !== EventSource.CLOSED) {
          setState((s) => (s === "ended" ? s : "offline"));
          return;
        }
        // The browser gave up (e.g. an error status): retry ourselves, backing off to 30 s.
        setState((s) => (s === "ended" ? s : "offline"));
        failures += 1;
        retryTimer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** failures) * (0.75 + Math.random() / 2));
      };
    };
    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [src, version]);

  return (
    <span className="live-indicator" data-state={state} role="status" data-testid="live-indicator">
      {LABEL[state]}
    </span>
  );
}
