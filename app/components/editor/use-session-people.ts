"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { PEOPLE_MAP, readSessionPeople, readSessionKind, SESSION_MAP } from "@/lib/collab/session-people";
import type { InterchangePerson, SessionKind } from "@/lib/interchange/types";
import type { DirectoryPerson } from "@/server/data/people";

export type SessionPerson = InterchangePerson & { position: number };

/** The session's people from the shared document, live: co-editors' additions and renames arrive here. */
export function useSessionPeople(doc: Y.Doc): SessionPerson[] {
  const [people, setPeople] = useState<SessionPerson[]>(() => readSessionPeople(doc));
  useEffect(() => {
    const map = doc.getMap(PEOPLE_MAP);
    const read = () => setPeople(readSessionPeople(doc));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc]);
  return people;
}

/** The session kind as chosen in the header (shared), falling back to the stored one. */
export function useSessionKind(doc: Y.Doc, fallback: SessionKind): SessionKind {
  const [kind, setKind] = useState<SessionKind>(() => readSessionKind(doc) ?? fallback);
  useEffect(() => {
    const map = doc.getMap(SESSION_MAP);
    const read = () => setKind(readSessionKind(doc) ?? fallback);
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc, fallback]);
  return kind;
}

const DIRECTORY_REFRESH_MS = 20_000;

/** Everyone known to the conference, refreshed while the editor is open (and kept when offline). */
export function useConferenceDirectory(conferenceSlug: string): DirectoryPerson[] {
  const [people, setPeople] = useState<DirectoryPerson[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const res = await fetch(`/api/conferences/${encodeURIComponent(conferenceSlug)}/people`, { cache: "no-store" });
        if (res.ok && !stopped) setPeople(((await res.json()) as { people: DirectoryPerson[] }).people);
      } catch {
        // offline: keep the last directory
      }
    };
    void load();
    const timer = setInterval(load, DIRECTORY_REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [conferenceSlug]);
  return people;
}
