/**
 * Deletes keys whose value is undefined, in place, so optional fields are
 * absent rather than present-and-undefined: results compare equal to their
 * JSON round trip (a stored snapshot), which the re-import diff relies on.
 */
export function dropUndefined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] === undefined) delete obj[key];
  return obj;
}
