import type { ConnectionAccess } from "../../server/collab/connection";

/**
 * How an in-process collab server (tests that build their own CollabServer)
 * admits a connection: by default an editor with write access, as the upgrade
 * gate would record it; `overrides` change any part.
 */
export function connectionAccess(overrides: Partial<ConnectionAccess> = {}): ConnectionAccess {
  return {
    readOnly: false,
    role: "editor",
    conferenceId: "test-conference",
    userId: "test-editor",
    admin: false,
    name: "Test Editor",
    sessionCredential: null,
    tokenCredential: "test-token",
    expiresAt: null,
    ...overrides,
  };
}
