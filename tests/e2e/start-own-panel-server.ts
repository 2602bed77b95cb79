import type { Browser } from "@playwright/test";
import { type RunningServer, startServer, tempDatabase } from "../support/server-process";
import { type FirstAccountSession, firstAccountSession } from "./first-account-session";

/** A spec's own server, its database, and the DevOps Day panel its first account (the owner) created. */
export interface OwnPanelServer {
  server: RunningServer;
  db: ReturnType<typeof tempDatabase>;
  owner: FirstAccountSession;
}

/**
 * For specs that stop, kill or restart the server (so cannot share
 * playwright.config.ts's): the real server on a throwaway database, and the
 * DevOps Day panel created through the forms by the first account of this
 * fresh server. Restart it with `startServer({ databaseUrl: db.url, port: server.port })`.
 */
export async function startOwnPanelServer(browser: Browser, prefix: string): Promise<OwnPanelServer> {
  const db = tempDatabase(prefix);
  const server = await startServer({ databaseUrl: db.url });
  const owner = await firstAccountSession(browser, server.url, {
    conference: "DevOps Day",
    city: "Santa Clara, CA",
    firstDay: "2010-06-25",
    title: "Making The Business Case",
    kind: "panel",
  });
  return { server, db, owner };
}
