"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { type CollabDocument, CollabConnection } from "@/app/collab/collab-connection";
import { openIndexeddbCopy } from "@/app/collab/indexeddb-local-copy";
import { registerServiceWorker } from "./register-service-worker";

const noSubscription = () => () => {};
const noDocument = () => null;

/**
 * One session's shared document for the editor: the session's connection
 * (app/collab/collab-connection.ts: local copy in IndexedDB, y-websocket to
 * this origin's /collab, generation check, save tracking), opened once per
 * session id and closed with the editor. React only reads it: the document
 * here (a new one after a stale generation), the sync status in SyncStatus.
 * Null until the local copy has loaded.
 */
export function useCollabDocument(sessionId: string): CollabDocument | null {
  const [connection, setConnection] = useState<CollabConnection | null>(null);

  useEffect(() => {
    registerServiceWorker();
  }, []);

  useEffect(() => {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const opened = new CollabConnection({
      sessionId,
      collabUrl: `${scheme}//${window.location.host}/collab`,
      apiBase: "",
      openLocalCopy: (doc, pending) => openIndexeddbCopy(doc, sessionId, pending),
    });
    // Shown once it has a document; from then on useSyncExternalStore follows it.
    const unsubscribe = opened.subscribe(() => {
      if (!opened.getDocument()) return;
      unsubscribe();
      setConnection(opened);
    });
    return () => {
      unsubscribe();
      opened.destroy();
    };
  }, [sessionId]);

  return useSyncExternalStore(
    connection?.subscribe ?? noSubscription,
    connection?.getDocument ?? noDocument,
    noDocument,
  );
}
