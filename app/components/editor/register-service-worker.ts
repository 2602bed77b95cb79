"use client";

let started = false;

/**
 * Registers /sw.js (the offline app shell, see public/sw.js) from the session
 * editor only, then asks it to cache this page and the scripts and styles it
 * already loaded. When that is done `<html data-offline-ready="true">` is set:
 * from then on this page reloads without a network. Production builds only:
 * development chunks are not content-hashed and must never be served from a cache.
 */
export function registerServiceWorker(): void {
  if (started || process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  started = true;
  void (async () => {
    try {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) =>
          navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }),
        );
      }
      const urls = [
        window.location.href,
        ...performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith("/_next/static/")),
      ];
      const cached = new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if ((event.data as { type?: unknown } | null)?.type !== "page-cached") return;
          navigator.serviceWorker.removeEventListener("message", onMessage);
          resolve();
        };
        navigator.serviceWorker.addEventListener("message", onMessage);
      });
      registration.active?.postMessage({ type: "cache-page", urls });
      await cached;
      document.documentElement.dataset.offlineReady = "true";
    } catch (err) {
      // The editor works without it; only reloading while offline does not.
      console.warn("[talknotes] offline support unavailable", err);
      started = false;
    }
  })();
}
