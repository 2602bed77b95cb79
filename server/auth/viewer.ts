/** The person behind a request, resolved from the session cookie or a personal access token. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  /** Instance admin: acts as owner of every conference and sets the sign-up policy. */
  isAdmin: boolean;
  /** How the request proved who it is. */
  via: "session" | "token";
  /** The cookie session (Better Auth session id) or the access token (its id) behind this request. */
  credentialId?: string;
  /** When that credential ends, if it does (a collab connection is closed then). */
  expiresAt?: Date | null;
}
