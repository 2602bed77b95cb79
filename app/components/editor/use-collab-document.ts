"use client";

import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { describeCloseCode } from "@/lib/collab/close-codes";

/** What the note-taker needs to know about where their words are. */
export type SyncState = "connecting" | "saved" | "offline";

export interface CollabDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: SyncState;
  /** Why the server last closed the connection, in words, if it said. */
  problem: string | null;
}

/**
 * One session's shared document: a local copy in IndexedDB (typing works
 * offline and survives reloads) synced with the server over y-websocket.
 */
export function useCollabDocument(sessionId: string): CollabDocument | null {
  const [collab, setCollab] = useState<CollabDocument | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`talknotes:${sessionId}`, doc);
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const provider = new WebsocketProvider(`${scheme}//${window.location.host}/collab`, sessionId, doc, {
      maxBackoffTime: 5000,
    });
    let state: SyncState = "connecting";
    let problem: string | null = null;
    const publish = () => setCollab({ doc, provider, state, problem });
    provider.on("status", ({ status }: { status: string }) => {
      state = status === "connected" ? (provider.synced ? "saved" : "connecting") : navigator.onLine ? "connecting" : "offline";
      publish();
    });
    provider.on("sync", (synced: boolean) => {
      state = synced ? "saved" : "connecting";
      publish();
    });
    provider.on("connection-close", (event: CloseEvent | null) => {
      problem = event ? describeCloseCode(event.code) : null;
      state = navigator.onLine ? "connecting" : "offline";
      publish();
    });
    publish();
    return () => {
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [sessionId]);

  return collab;
}
