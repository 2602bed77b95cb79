/** `base`, or `base-2`, `base-3`, ... whichever is neither taken nor reserved. */
export async function uniqueSlug(
  base: string,
  taken: (slug: string) => Promise<boolean>,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!reserved.has(candidate) && !(await taken(candidate))) return candidate;
  }
  throw new Error(`no free slug for ${base}`);
}
