/* global self, caches */
/*
 * Talknotes service worker: the app shell of session editors already opened,
 * so a note-taker can reload a session page with no network and keep typing
 * (the notes themselves live in IndexedDB, see use-collab-document.ts).
 *
 * - /_next/static/*: cache-first (file names are content hashes, never stale).
 * - Session editor pages (/conferences/<c>/sessions/<s>): network-first, the
 *   cached copy when the network fails or hangs for NETWORK_TIMEOUT_MS.
 * - Everything else, and /api/* and /collab/* always: straight to the network,
 *   never cached (data must never be served stale by the worker).
 * The page posts {type: "cache-page", urls} after registering, so the page and
 * the chunks it loaded before the worker controlled it are cached too; the
 * worker answers {type: "page-cached"}.
 */
const CACHE = "talknotes-shell-v1";
const NETWORK_TIMEOUT_MS = 4000;
const SESSION_PAGE = /^\/conferences\/[^/]+\/sessions\/[^/]+\/?$/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

function cacheable(url) {
  if (url.origin !== self.location.origin) return null;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/collab")) return null;
  if (url.pathname.startsWith("/_next/static/")) return "static";
  if (SESSION_PAGE.test(url.pathname)) return "page";
  return null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const kind = cacheable(new URL(request.url));
  if (kind === "static") event.respondWith(cacheFirst(request));
  // Only full page loads: App Router's RSC fetches use the same URL and must not be mixed in.
  else if (kind === "page" && request.mode === "navigate") event.respondWith(networkFirst(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const key = pageKey(request.url);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw err;
  }
}

function pageKey(url) {
  const u = new URL(url);
  return u.origin + u.pathname.replace(/\/$/, "");
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache-page" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        data.urls.map(async (raw) => {
          const url = new URL(raw, self.location.origin);
          const kind = cacheable(url);
          if (!kind) return;
          const key = kind === "page" ? pageKey(url.href) : url.href;
          if (kind === "static" && (await cache.match(key))) return;
          try {
            const response = await fetch(url.href, { credentials: "same-origin" });
            if (response.ok) await cache.put(key, response);
          } catch {
            // Offline already: what is cached stays.
          }
        }),
      );
      event.source?.postMessage({ type: "page-cached" });
    })(),
  );
});
