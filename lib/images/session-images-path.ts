/** Where a session's photos are served and uploaded (ends with "/"). */
export function sessionImagesPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/images/`;
}
