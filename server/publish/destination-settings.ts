import { z } from "zod";

/** Kinds of destination a conference can publish to. */
export const DESTINATION_KINDS = ["git", "wordpress", "ghost"] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(500)
    .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), `${what}: give an http:// or https:// address`)
    .transform((v) => v.replace(/\/+$/, ""));

/** A folder inside the repository: relative, forward slashes, no `..`; "" is the root. */
const repoPath = z
  .string()
  .trim()
  .max(200)
  .transform((v) => v.replace(/^\/+|\/+$/g, ""))
  .refine(
    (v) =>
      v === "" ||
      (/^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/.test(v) && !v.split("/").includes("..")),
    {
      message: "Path: a folder inside the repository, like site or docs/notes",
    },
  );

/**
 * A Git remote: https://, ssh:// or scp-like user@host:path, or (only where
 * the operator allows local remotes, checked when publishing) an absolute
 * local path or file://. Never Git's `ext::` or other helper transports,
 * which run commands.
 */
const gitRemote = z
  .string()
  .trim()
  .min(1, "Remote: required")
  .max(500)
  .refine(
    (v) =>
      !/\s/.test(v) &&
      !v.startsWith("-") &&
      (/^(https|ssh):\/\/[^/]+\/\S+$/i.test(v) || /^[\w.-]+@[\w.-]+:\S+$/.test(v) || /^(file:\/\/)?\/\S+$/.test(v)),
    {
      message: "Remote: an https://, ssh:// or user@host:path address of the repository",
    },
  );

const branch = z
  .string()
  .trim()
  .min(1, "Branch: required")
  .max(100)
  .refine(
    (v) => /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(v) && !v.includes("..") && !v.endsWith(".lock") && !v.endsWith("/"),
    "Branch: letters, digits, - _ . /",
  );

/** Settings of a Git destination: a Hugo or Jekyll site in a branch and folder of a repository. */
export const GitSettings = z.object({
  remote: gitRemote,
  branch,
  path: repoPath,
  flavour: z.enum(["hugo", "jekyll"]),
});
export type GitSettings = z.output<typeof GitSettings>;

/** Settings of a WordPress destination (REST API with an application password). */
export const WordPressSettings = z.object({
  url: httpUrl("Site address"),
  username: z.string().trim().min(1, "User name: required").max(200),
  status: z.enum(["draft", "publish"]),
});
export type WordPressSettings = z.output<typeof WordPressSettings>;

/** Settings of a Ghost destination (Admin API with an Admin API key). */
export const GhostSettings = z.object({
  url: httpUrl("Site address"),
  status: z.enum(["draft", "published"]),
});
export type GhostSettings = z.output<typeof GhostSettings>;

/** What an owner enters for a new destination; `secret` is sealed and never shown again. */
export const DestinationInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("git"),
    name: z.string().trim().min(1, "Name: required").max(80),
    settings: GitSettings,
    /** A token for an https remote (sent as the password); empty for ssh or local remotes. */
    secret: z.string().max(2000).optional(),
    /** Publish a session here in the background when its status changes to published. */
    autoPublish: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal("wordpress"),
    name: z.string().trim().min(1, "Name: required").max(80),
    settings: WordPressSettings,
    /** The WordPress application password. */
    secret: z.string().trim().min(1, "Application password: required").max(2000),
    autoPublish: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal("ghost"),
    name: z.string().trim().min(1, "Name: required").max(80),
    settings: GhostSettings,
    /** The Admin API key of a custom integration: <24 hex id>:<64 hex secret>. */
    secret: z
      .string()
      .trim()
      .regex(
        /^[0-9a-f]{24}:[0-9a-f]{64}$/i,
        "Admin API key: the <id>:<secret> key of a custom integration (Settings → Integrations)",
      ),
    autoPublish: z.boolean().default(false),
  }),
]);
export type DestinationInput = z.input<typeof DestinationInput>;
