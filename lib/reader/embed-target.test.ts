import { describe, expect, it } from "vitest";
import { embedSnippet } from "./embed-snippet";
import { embedTarget } from "./embed-target";

const ORIGIN = "https://notes.example.org";

describe("embedTarget (which URLs oEmbed answers for)", () => {
  it("names a session from its public page or its embed, and a room from its embed", () => {
    expect(embedTarget(`${ORIGIN}/c/devopsday/keynote`, ORIGIN)).toEqual({
      kind: "session",
      conference: "devopsday",
      session: "keynote",
      query: "",
    });
    expect(embedTarget(`${ORIGIN}/c/devopsday/keynote/`, ORIGIN)).toEqual({
      kind: "session",
      conference: "devopsday",
      session: "keynote",
      query: "",
    });
    expect(embedTarget(`${ORIGIN}/embed/devopsday/keynote?theme=dark&accent=%23E8590C`, ORIGIN)).toEqual({
      kind: "session",
      conference: "devopsday",
      session: "keynote",
      query: "?theme=dark&accent=e8590c",
    });
    expect(embedTarget(`${ORIGIN}/embed/devopsday/rooms/Room%20A`, ORIGIN)).toEqual({
      kind: "room",
      conference: "devopsday",
      room: "Room A",
      query: "",
    });
  });

  it("refuses other sites, other pages and broken URLs", () => {
    for (const url of [
      "https://evil.example/c/devopsday/keynote",
      "http://notes.example.org/c/devopsday/keynote", // another scheme is another origin
      "https://notes.example.org.evil.example/c/devopsday/keynote",
      `${ORIGIN}/c/devopsday`,
      `${ORIGIN}/c/devopsday/search`,
      `${ORIGIN}/c/devopsday/people`,
      `${ORIGIN}/c/devopsday/keynote/live`,
      `${ORIGIN}/conferences/devopsday/sessions/keynote`,
      `${ORIGIN}/c/devopsday/%E0%A4%A`,
      "not a url",
      "javascript:alert(1)",
    ])
      expect(embedTarget(url, ORIGIN), url).toBeNull();
  });

  it("drops theme parameters that do not validate", () => {
    expect(embedTarget(`${ORIGIN}/embed/d/k?theme=%22%3E&accent=red`, ORIGIN)?.query).toBe("");
  });
});

describe("embedSnippet", () => {
  it("is an escaped iframe and a script that trusts this origin's messages for the sending frame only", () => {
    const code = embedSnippet({
      origin: ORIGIN,
      path: "/embed/d/k?theme=dark",
      title: `Live notes: "<b>"`,
      height: 600,
    });
    expect(code).toContain(
      `<iframe src="https://notes.example.org/embed/d/k?theme=dark" title="Live notes: &quot;&lt;b&gt;&quot;" width="100%" height="600"`,
    );
    expect(code).toContain(`e.origin!=="https://notes.example.org"`);
    expect(code).toContain(`f[i].contentWindow===e.source`);
  });
});
