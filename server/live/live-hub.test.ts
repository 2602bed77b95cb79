import { afterEach, describe, expect, it } from "vitest";
import { LiveHub, type LiveSubscriber } from "./live-hub";

const decoder = new TextDecoder();
const tick = () => new Promise((r) => setTimeout(r, 5));

function reader(accepting = () => true) {
  const got: string[] = [];
  const sub: LiveSubscriber = {
    write(chunk) {
      if (!accepting()) return false;
      got.push(decoder.decode(chunk));
      return true;
    },
  };
  return { sub, got };
}

describe("LiveHub", () => {
  let hub: LiveHub;
  afterEach(() => hub?.close());

  it("renders once per change for all readers, and never for a session nobody reads", async () => {
    let builds = 0;
    let version = 0;
    hub = new LiveHub(async (id) => {
      builds += 1;
      return `frame ${id} ${version}`;
    });
    hub.changed("s1");
    await tick();
    expect(builds).toBe(0);

    const readers = Array.from({ length: 1000 }, () => reader());
    for (const r of readers) hub.subscribe("s1", r.sub);
    await tick();
    expect(builds).toBe(1); // the first subscriber triggers a build; the others wait for it
    expect(readers.every((r) => r.got.join() === "frame s1 0")).toBe(true);

    version = 1;
    hub.changed("s1");
    hub.changed("s1"); // arrives while the first is rendering: one more build, not one per call
    hub.changed("s1");
    await tick();
    expect(builds).toBe(3);
    expect(readers[999]!.got.at(-1)).toBe("frame s1 1");
    expect(hub.readers("s1")).toBe(1000);
  });

  it("skips a reader that is behind and sends it only the newest frame once it drains", async () => {
    let n = 0;
    hub = new LiveHub(async () => `frame ${++n}`);
    let open = true;
    const slow = reader(() => open);
    hub.subscribe("s", slow.sub);
    await tick();
    open = false;
    hub.changed("s");
    await tick();
    hub.changed("s");
    await tick();
    expect(slow.got).toEqual(["frame 1"]);
    open = true;
    hub.drained("s", slow.sub);
    expect(slow.got).toEqual(["frame 1", "frame 3"]);
    hub.drained("s", slow.sub); // nothing new since
    expect(slow.got).toHaveLength(2);
  });

  it("forgets a session when its last reader leaves, and sends nothing for a non-public session", async () => {
    let builds = 0;
    hub = new LiveHub(async () => (++builds > 1 ? null : "frame"));
    const r = reader();
    const unsubscribe = hub.subscribe("s", r.sub);
    await tick();
    unsubscribe();
    expect(hub.readers("s")).toBe(0);
    hub.changed("s");
    await tick();
    expect(builds).toBe(1);
    const again = reader();
    hub.subscribe("s", again.sub);
    await tick();
    expect(again.got).toEqual([]); // build returned null: the session is no longer public
  });

  it("ends every stream of a session that stops being public (back to draft)", async () => {
    let isPublic = true;
    hub = new LiveHub(async () => (isPublic ? "frame" : null));
    const ended: number[] = [];
    const streams = Array.from({ length: 3 }, (_, i) => ({ ...reader().sub, close: () => ended.push(i) }));
    for (const s of streams) hub.subscribe("s", s);
    await tick();
    isPublic = false;
    hub.changed("s");
    await tick();
    expect(ended.sort()).toEqual([0, 1, 2]);
    expect(hub.readers("s")).toBe(0);
  });
});
