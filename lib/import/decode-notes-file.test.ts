import { describe, expect, it } from "vitest";
import { decodeNotesFile } from "./decode-notes-file";
import { ImportError } from "./import-error";

function failure(bytes: Uint8Array): { code: string; message: string } {
  try {
    decodeNotesFile(bytes);
  } catch (e) {
    if (e instanceof ImportError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected decodeNotesFile to throw");
}

describe("decodeNotesFile", () => {
  it("decodes UTF-8 (BOM dropped) and UTF-16 with a byte-order mark", () => {
    const text = 'Talk notes: Café\n• Jody: "hi"\u00a0(aside)';
    expect(decodeNotesFile(new TextEncoder().encode(`\uFEFF${text}`))).toBe(text);
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeNotesFile(le)).toBe(text);
  });

  it("refuses empty, binary, invalid UTF-8 and too-large files with coded errors and a readable message", () => {
    expect(failure(new Uint8Array())).toEqual({ code: "empty", message: expect.stringMatching(/empty/) });
    expect(failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toMatchObject({
      code: "binary",
    });
    expect(failure(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 ? 0x01 : 0x41))))).toMatchObject({
      code: "binary",
    });
    expect(failure(new Uint8Array([0x4e, 0x6f, 0x74, 0x65, 0xe9, 0x73]))).toEqual({
      code: "invalid-utf8",
      message: expect.stringMatching(/UTF-8/),
    });
    expect(failure(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61))).toEqual({
      code: "too-large",
      message: expect.stringMatching(/5 MB/),
    });
  });

  it("accepts exactly 5 MB", () => {
    expect(decodeNotesFile(new Uint8Array(5 * 1024 * 1024).fill(0x61))).toHaveLength(5 * 1024 * 1024);
  });
});
