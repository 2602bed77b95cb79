import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../tests/support/free-port";
import { tempPostgresDatabase } from "../../tests/support/temp-postgres-database";
import { testServices } from "../../tests/support/test-services";
import { PostgresRenderLease } from "./postgres-render-lease";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`postgres-render-lease: skipped, ${missing}`);

describe.skipIf(!postgresUrl)("PostgresRenderLease (real PostgreSQL)", () => {
  let url: string;
  const leases: PostgresRenderLease[] = [];
  const lease = () => {
    const l = new PostgresRenderLease(url);
    leases.push(l);
    return l;
  };

  beforeAll(async () => {
    url = await tempPostgresDatabase(postgresUrl!, "talknotes_lease");
  });
  afterAll(async () => {
    for (const l of leases) await l.close();
  });

  it("one holder per document, kept until released, then taken by another instance", async () => {
    const [a, b] = [lease(), lease()];
    expect(await a.mayRender("d1")).toBe(true);
    expect(await b.mayRender("d1")).toBe(false);
    expect(await a.mayRender("d1")).toBe(true);
    // Other documents are independent.
    expect(await b.mayRender("d2")).toBe(true);
    expect(await a.mayRender("d2")).toBe(false);
    await a.release("d1");
    expect(await b.mayRender("d1")).toBe(true);
    expect(await a.mayRender("d1")).toBe(false);
    // Held once however often it was asked for: one release gives it back.
    await b.release("d1");
    expect(await a.mayRender("d1")).toBe(true);
  });

  it("a holder that goes away (its connection ends) frees every lease it held", async () => {
    const [a, b] = [lease(), lease()];
    expect(await a.mayRender("d3")).toBe(true);
    expect(await a.mayRender("d4")).toBe(true);
    expect(await b.mayRender("d3")).toBe(false);
    await a.close();
    expect(await b.mayRender("d3")).toBe(true);
    expect(await b.mayRender("d4")).toBe(true);
  });

  it("a lease won after its room was released is given back, not kept", async () => {
    const [a, b] = [lease(), lease()];
    const trying = a.mayRender("d5");
    await a.release("d5"); // the room unloaded while the try was in flight
    expect(await trying).toBe(true);
    expect(await b.mayRender("d5")).toBe(true);
  });

  it("renders when PostgreSQL cannot be reached (twice is better than never)", async () => {
    const dead = new URL(url);
    dead.port = String(await freePort());
    const l = new PostgresRenderLease(dead.toString());
    leases.push(l);
    expect(await l.mayRender("d6")).toBe(true);
  });
});
