import { describe, expect, it } from "vitest";
import type { TalkNotesDocument } from "../interchange/types";
import { renderPublicNotes } from "./render-public-notes";
import { renderPublicSessionPage } from "./render-public-session-page";

function timedDoc(recording: TalkNotesDocument["session"]["recording"]): TalkNotesDocument {
  return {
    format: "talknotes/1",
    conference: { name: "C", location: null, startsOn: "2026-06-12" },
    session: { title: "Panel", kind: "panel", intro: "", startsAt: "2026-06-12T14:00:00+02:00", recording },
    people: [{ id: "jo", name: "Jody Mulkey", role: "panelist" }],
    blocks: [
      {
        type: "question",
        text: "Why?",
        askedBy: null,
        at: "2026-06-12T12:04:30Z",
        answers: [
          { type: "statement", speaker: "jo", text: "Because", asides: [], children: [], at: "2026-06-12T12:05:00Z" },
        ],
      },
      { type: "note", text: "untimed", children: [] },
      { type: "note", text: "before the recording", children: [], at: "2026-06-12T11:59:00Z" },
    ],
  };
}

const times = { timeZone: "Europe/Berlin", player: false };

describe("time links on the public page", () => {
  it("link each timed block to the recording at its second, on the platform's page", () => {
    const { notes } = renderPublicNotes(timedDoc({ url: "https://youtu.be/dQw4w9WgXcQ" }), "c", "session-1", times);
    expect(notes).toContain(
      '<a class="at" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=270s" aria-label="14:04, 4:30 into the recording" data-second="270"><time datetime="2026-06-12T12:04:30Z">14:04</time></a>',
    );
    expect(notes).toContain('data-second="300"><time datetime="2026-06-12T12:05:00Z">14:05</time></a>');
    expect(notes).not.toContain("target=");
    // Untimed blocks have no link; a block before the recording links to itself.
    expect(notes).toMatch(/<li class="note" id="[^"]+">untimed/);
    expect(notes).toMatch(
      /<a class="at" href="#[^"]+"><time datetime="2026-06-12T11:59:00Z">13:59<\/time><\/a> before the recording/,
    );
  });

  it("honour the sync point", () => {
    const { notes } = renderPublicNotes(
      timedDoc({ url: "https://vimeo.com/76979871", startsAt: "2026-06-12T12:04:00Z" }),
      "c",
      "session-1",
      times,
    );
    expect(notes).toContain('href="https://vimeo.com/76979871#t=30s"');
  });

  it("without a recording, each time links to its own block", () => {
    const { notes } = renderPublicNotes(timedDoc(null), "c", "session-1", times);
    expect(notes).toMatch(/<a class="at" href="#q-\d+"><time datetime="2026-06-12T12:04:30Z">14:04<\/time><\/a>/);
  });

  it("with the player open, target the player's frame with its embed URL", () => {
    const { notes } = renderPublicNotes(timedDoc({ url: "https://media.ccc.de/v/c-1-panel" }), "c", "session-1", {
      ...times,
      player: true,
    });
    expect(notes).toContain(
      'href="https://media.ccc.de/v/c-1-panel/oembed?autoplay=1#t=270" target="recording-player"',
    );
  });
});

describe("the recording on the public session page", () => {
  const pageWith = (player: boolean, status = "published") =>
    renderPublicSessionPage({
      origin: "https://notes.example.org",
      stylesheet: "/c/reader.css?v=1",
      conference: { name: "C", slug: "c", timezone: "Europe/Berlin" },
      session: {
        title: "Panel",
        slug: "panel",
        kind: "panel",
        status,
        intro: "",
        room: null,
        track: null,
        startsAt: null,
        updatedAt: new Date(0),
      },
      people: [],
      html: { notes: "", chart: "" },
      version: "1",
      threads: 0,
      recording: { url: "https://youtu.be/dQw4w9WgXcQ" },
      player,
    });

  it("offers the player without loading anything from the platform or any script", () => {
    const html = pageWith(false);
    expect(html).not.toContain("<iframe");
    expect(html).not.toContain("<script");
    expect(html).toContain('href="/c/c/panel?player=1#recording"');
    expect(html).toContain("loads the player from www.youtube-nocookie.com");
  });

  it("embeds the player, still, when the reader asks; no script, even while live", () => {
    const html = pageWith(true, "live");
    expect(html).toContain('<iframe name="recording-player"');
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=0"');
    expect(html).not.toContain("<script");
  });
});
