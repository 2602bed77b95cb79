import { expect, it } from "vitest";
import { mapSessionKind } from "./map-session-kind";

it.each([
  ["lecture", "talk"],
  ["Talk", "talk"],
  ["Long talk", "talk"],
  ["workshop", "workshop"],
  ["Hands-on Workshop", "workshop"],
  ["podium", "panel"],
  ["Panel Discussion", "panel"],
  ["lightning", "ignite"],
  ["Lightning Talks", "ignite"],
  ["Ignite", "ignite"],
  ["keynote", "keynote"],
  ["Keynote Talk", "keynote"],
  ["other", "other"],
  ["film", "other"],
  ["", "other"],
  ["talking-circle", "other"],
])("%j -> %s", (type, kind) => expect(mapSessionKind(type)).toBe(kind));
