/**
 * Where the public (reader) page of a session lives. The page is being built
 * separately (no route yet when this was written): update this one function
 * when its URL is settled, and scenario 5 measures it.
 */
export function publicSessionPath(conferenceSlug: string, sessionSlug: string): string {
  return `/c/${encodeURIComponent(conferenceSlug)}/${encodeURIComponent(sessionSlug)}`;
}
