import { z } from "zod";

/** An optional http(s) URL from a form: "" means none. */
const webUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(500, `${what}: at most 500 characters`)
    .refine(
      (v) => v === "" || (/^https?:\/\/\S+$/i.test(v) && URL.canParse(v)),
      `${what}: give an http:// or https:// address`,
    )
    .transform((v) => v || null);

/** The author profile form: what readers see with the notes this account wrote. */
export const AuthorProfileInput = z.object({
  name: z.string().trim().min(1, "Display name: required").max(100, "Display name: at most 100 characters"),
  bio: z
    .string()
    .trim()
    .max(1000, "Bio: at most 1000 characters")
    .transform((v) => v || null),
  link: webUrl("Link"),
  avatarUrl: webUrl("Avatar"),
});
export type AuthorProfileInput = z.input<typeof AuthorProfileInput>;
