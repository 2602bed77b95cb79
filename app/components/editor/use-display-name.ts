"use client";

import { useCallback, useSyncExternalStore } from "react";

const KEY = "talknotes:name";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/**
 * The caret name this browser chose, remembered across sessions; null when it
 * chose none (the account's name is used then). `undefined` while rendering
 * on the server.
 */
export function useDisplayName(): [string | null | undefined, (name: string) => void] {
  const name = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(KEY),
    () => undefined,
  );
  const setName = useCallback((value: string) => {
    window.localStorage.setItem(KEY, value.trim());
    for (const l of listeners) l();
  }, []);
  return [name, setName];
}
