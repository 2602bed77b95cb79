import { z } from "zod";
import { recordingPlatform } from "../recording/recording-platform";
import { IMAGE_HASH_PATTERN } from "../images/image-file-name";
import { INTERCHANGE_FORMAT, PERSON_ROLES, SESSION_KINDS } from "./types";
import type { Block } from "./types";

/*
 * The zod schema of `talknotes/1`. Kept field-for-field in step with types.ts
 * and docs/talknotes-1.schema.json (a unit test compares the two schemas).
 * Unknown fields are accepted and dropped, so newer writers can add optional
 * fields without breaking older readers.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "not a calendar date",
  );
const isoDateTime = z.iso.datetime({
  offset: true,
  message: "expected an ISO date-time with offset, e.g. 2010-06-25T10:00:00-07:00",
});
const personId = z.string().min(1, "person id must not be empty");
const blockTime = isoDateTime.nullable().optional();

const conference = z.object({
  name: z.string(),
  location: z.string().nullable(),
  startsOn: isoDate.nullable(),
  hashtag: z.string().nullable().optional(),
  titleTemplate: z.string().nullable().optional(),
});

const recording = z.object({
  url: z
    .string()
    .refine((url) => recordingPlatform(url) !== null, "expected a YouTube, Vimeo, PeerTube or media.ccc.de video URL"),
  startsAt: isoDateTime.nullable().optional(),
});

const session = z.object({
  title: z.string(),
  kind: z.enum(SESSION_KINDS),
  intro: z.string(),
  startsAt: isoDateTime.nullable().optional(),
  endsAt: isoDateTime.nullable().optional(),
  room: z.string().nullable().optional(),
  track: z.string().nullable().optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a slug of lowercase letters, digits and single hyphens")
    .nullable()
    .optional(),
  recording: recording.nullable().optional(),
});

const person = z.object({
  id: personId,
  name: z.string(),
  affiliation: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  role: z.enum(PERSON_ROLES),
  handle: z.string().nullable().optional(),
  aliases: z.array(z.string()).optional(),
});

const webUrl = z.string().regex(/^https?:\/\/\S+$/i, "expected an http(s) URL");
const author = z.object({
  name: z.string(),
  bio: z.string().nullable().optional(),
  link: webUrl.nullable().optional(),
  avatarUrl: webUrl.nullable().optional(),
});

// Recursion goes through z.lazy so every object schema stays a plain
// ZodObject whose shape the schema-agreement test can walk.
const block: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion("type", [question, statement, aside, note, talk, tip, image]),
);

const question = z.object({
  type: z.literal("question"),
  text: z.string(),
  askedBy: personId.nullable(),
  answers: z.array(block),
  starred: z.boolean().optional(),
  at: blockTime,
});
const statement = z.object({
  type: z.literal("statement"),
  speaker: personId.nullable(),
  text: z.string(),
  asides: z.array(z.string()),
  children: z.array(block),
  starred: z.boolean().optional(),
  at: blockTime,
});
const aside = z.object({ type: z.literal("aside"), text: z.string(), starred: z.boolean().optional(), at: blockTime });
const note = z.object({
  type: z.literal("note"),
  text: z.string(),
  children: z.array(block),
  starred: z.boolean().optional(),
  at: blockTime,
});
const talk = z.object({
  type: z.literal("talk"),
  title: z.string(),
  speakers: z.array(personId),
  children: z.array(block),
  starred: z.boolean().optional(),
  at: blockTime,
});
const tip = z.object({
  type: z.literal("tip"),
  text: z.string(),
  children: z.array(block),
  starred: z.boolean().optional(),
  at: blockTime,
});
const image = z.object({
  type: z.literal("image"),
  hash: z.string().regex(IMAGE_HASH_PATTERN),
  alt: z.string(),
  caption: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  src: z.string().url().nullable().optional(),
  starred: z.boolean().optional(),
  at: blockTime,
});

const document = z.object({
  format: z.literal(INTERCHANGE_FORMAT),
  conference,
  session,
  people: z.array(person),
  blocks: z.array(block),
  authors: z.array(author).optional(),
});

/**
 * Every object schema of `talknotes/1`, by the name docs/talknotes-1.schema.json
 * uses for it in `$defs` (the document itself is the root).
 */
export const talknotesSchema = {
  document,
  conference,
  session,
  person,
  author,
  recording,
  block,
  blocks: { question, statement, aside, note, talk, tip, image },
} as const;
