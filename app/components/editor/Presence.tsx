"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { sanitizePresenceUser } from "@/lib/collab/sanitize-presence-user";

interface PresentUser {
  clientId: number;
  name: string;
  color: string;
}

/** Who is in the session right now, from the awareness states of every tab. */
export function Presence({ provider }: { provider: WebsocketProvider }) {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    // Awareness changes on every keystroke (each tab's caret is in it): set state only when the people
    // shown change, or typing commits a React render per key (BENCHMARKS.md, "Editor typing cost").
    let shown = "";
    const read = () => {
      const list: PresentUser[] = [];
      provider.awareness.getStates().forEach((state, clientId) => {
        // Another tab's words: only a clean name and a #rgb/#rrggbb colour reach the page's CSS.
        const user = sanitizePresenceUser((state as { user?: unknown }).user);
        if (user) list.push({ clientId, name: user.name, color: user.color ?? "#888" });
      });
      list.sort((a, b) => a.name.localeCompare(b.name));
      const key = JSON.stringify(list);
      if (key === shown) return;
      shown = key;
      setUsers(list);
    };
    read();
    provider.awareness.on("change", read);
    return () => provider.awareness.off("change", read);
  }, [provider]);

  return (
    <div className="presence" aria-label="People in this session" data-testid="presence">
      {users.map((u) => (
        <span key={u.clientId} className="avatar" title={u.name}>
          <span className="avatar-dot" style={{ background: u.color }} aria-hidden="true">
            {u.name.slice(0, 1).toUpperCase()}
          </span>
          {u.name}
        </span>
      ))}
    </div>
  );
}
