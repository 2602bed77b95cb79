/**
 * Where an uploaded avatar is served: named by the hash of its bytes, so the
 * address changes with the image and a browser may keep it for good.
 */
export function avatarPath(hash: string): string {
  return `/avatars/${hash}.webp`;
}
