import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const SUFFIX_LENGTH = 6;

/**
 * `base`, or when it is taken `base-<6 random characters>`: the slug of a new
 * conference. A counter (`base-2`) would tell whoever creates "Secret Conf"
 * that `secret-conf` exists, and `-3` that `-2` does too; a random suffix names
 * no other slug (32^6 ≈ 10^9 of them). That the base itself is taken remains
 * visible to its creator by the suffix; nothing else about it is.
 */
export async function unguessableSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let attempt = 0; attempt < 20; attempt++) {
    let suffix = "";
    for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
    const candidate = `${base}-${suffix}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`no free slug for ${base}`);
}
