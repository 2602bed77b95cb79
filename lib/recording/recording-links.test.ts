import { describe, expect, it } from "vitest";
import { parseVideoPosition } from "./parse-video-position";
import { recordingEmbedUrl } from "./recording-embed-url";
import { recordingPlatform } from "./recording-platform";
import { recordingSecond } from "./recording-second";
import { recordingStartFromSyncPoint } from "./recording-start-from-sync-point";
import { recordingTimeLink } from "./recording-time-link";

describe("recordingPlatform reads each platform's video pages", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", { platform: "youtube", id: "dQw4w9WgXcQ" }],
    ["https://youtu.be/dQw4w9WgXcQ?si=abc", { platform: "youtube", id: "dQw4w9WgXcQ" }],
    ["https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=30", { platform: "youtube", id: "dQw4w9WgXcQ" }],
    ["https://www.youtube.com/live/dQw4w9WgXcQ", { platform: "youtube", id: "dQw4w9WgXcQ" }],
    ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", { platform: "youtube", id: "dQw4w9WgXcQ" }],
    ["https://vimeo.com/76979871", { platform: "vimeo", id: "76979871" }],
    ["https://vimeo.com/channels/staffpicks/76979871", { platform: "vimeo", id: "76979871" }],
    ["https://player.vimeo.com/video/76979871", { platform: "vimeo", id: "76979871" }],
    [
      "https://peertube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
      { platform: "peertube", origin: "https://peertube.example.org", id: "9c9de5e8-0a1e-484a-b099-e80766180a6d" },
    ],
    [
      "https://video.example/w/kkGMgK9ZtnKfYAgnEtQxbv",
      { platform: "peertube", origin: "https://video.example", id: "kkGMgK9ZtnKfYAgnEtQxbv" },
    ],
    [
      "https://tube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d",
      { platform: "peertube", origin: "https://tube.example", id: "9c9de5e8-0a1e-484a-b099-e80766180a6d" },
    ],
    ["https://media.ccc.de/v/37c3-11781-tbd", { platform: "mediaccc", slug: "37c3-11781-tbd" }],
  ])("%s", (url, expected) => {
    expect(recordingPlatform(url)).toEqual(expected);
  });

  it.each([
    "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
    "https://evil.example/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/playlist?list=PL123",
    "https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://vimeo.com/about",
    "https://media.ccc.de/c/37c3",
    "https://example.org/",
    "ftp://media.ccc.de/v/x",
    "not a url",
  ])("refuses %s", (url) => {
    expect(recordingPlatform(url)).toBeNull();
  });
});

describe("each platform's deep link and embed at a second", () => {
  const at = (url: string, second: number) => recordingTimeLink(recordingPlatform(url)!, second);
  const embed = (url: string, second: number) => recordingEmbedUrl(recordingPlatform(url)!, second, { autoplay: true });

  it("YouTube: t=<s>s on the watch page, start=<s> on the privacy-enhanced player", () => {
    expect(at("https://youtu.be/dQw4w9WgXcQ", 845)).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=845s");
    expect(embed("https://youtu.be/dQw4w9WgXcQ", 845)).toBe(
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=845&autoplay=1",
    );
  });
  it("Vimeo: #t=<s>s", () => {
    expect(at("https://vimeo.com/76979871", 61)).toBe("https://vimeo.com/76979871#t=61s");
    expect(embed("https://vimeo.com/76979871", 61)).toBe("https://player.vimeo.com/video/76979871?autoplay=1#t=61s");
  });
  it("PeerTube: start=<s> on the instance it lives on", () => {
    expect(at("https://tube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d", 7)).toBe(
      "https://tube.example/w/9c9de5e8-0a1e-484a-b099-e80766180a6d?start=7",
    );
    expect(embed("https://tube.example/w/kkGMgK9ZtnKfYAgnEtQxbv", 7)).toBe(
      "https://tube.example/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv?start=7&autoplay=1",
    );
  });
  it("media.ccc.de: #t=<s>", () => {
    expect(at("https://media.ccc.de/v/37c3-11781-tbd", 3600)).toBe("https://media.ccc.de/v/37c3-11781-tbd#t=3600");
    expect(embed("https://media.ccc.de/v/37c3-11781-tbd", 3600)).toBe(
      "https://media.ccc.de/v/37c3-11781-tbd/oembed?autoplay=1#t=3600",
    );
    // The player the reader opens starts still.
    expect(recordingEmbedUrl(recordingPlatform("https://youtu.be/dQw4w9WgXcQ")!, 0)).toBe(
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=0",
    );
  });
  it("whole, non-negative seconds", () => {
    expect(at("https://vimeo.com/76979871", 12.9)).toBe("https://vimeo.com/76979871#t=12s");
    expect(at("https://vimeo.com/76979871", -3)).toBe("https://vimeo.com/76979871#t=0s");
  });
});

describe("offset arithmetic and the sync point", () => {
  it("a block's second in the recording is its time minus the recording's start", () => {
    expect(recordingSecond("2026-06-12T14:05:09.900Z", "2026-06-12T14:00:00Z")).toBe(309);
    // Offsets in the strings are honoured: 16:05 in Berlin is 14:05 UTC.
    expect(recordingSecond("2026-06-12T16:05:00+02:00", "2026-06-12T14:00:00Z")).toBe(300);
  });
  it("no link before the recording starts, or without a start", () => {
    expect(recordingSecond("2026-06-12T13:59:59Z", "2026-06-12T14:00:00Z")).toBeNull();
    expect(recordingSecond("2026-06-12T14:05:00Z", null)).toBeNull();
    expect(recordingSecond(null, "2026-06-12T14:00:00Z")).toBeNull();
  });
  it("one sync point moves the recording's start so that block lands where it is heard", () => {
    // The schedule said 14:00, the stream started late: the bullet written at 14:20:30 is at 14:05 in the video.
    const start = recordingStartFromSyncPoint("2026-06-12T14:20:30Z", 14 * 60 + 5);
    expect(start).toBe("2026-06-12T14:06:25.000Z");
    expect(recordingSecond("2026-06-12T14:20:30Z", start)).toBe(845);
    // Every other block moves by the same amount.
    expect(recordingSecond("2026-06-12T14:30:00Z", start)).toBe(845 + 570);
    expect(recordingStartFromSyncPoint("nonsense", 10)).toBeNull();
    expect(recordingStartFromSyncPoint("2026-06-12T14:20:30Z", -1)).toBeNull();
  });
  it("reads video positions as people write them", () => {
    expect(parseVideoPosition("14:05")).toBe(845);
    expect(parseVideoPosition("1:02:03")).toBe(3723);
    expect(parseVideoPosition("845")).toBe(845);
    expect(parseVideoPosition("14m5s")).toBe(845);
    expect(parseVideoPosition("1h2m3s")).toBe(3723);
    expect(parseVideoPosition("14:75")).toBeNull();
    expect(parseVideoPosition("soon")).toBeNull();
    expect(parseVideoPosition("")).toBeNull();
  });
});
