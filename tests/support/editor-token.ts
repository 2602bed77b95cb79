import { randomUUID } from "node:crypto";
import { createAccessToken } from "../../server/auth/access-tokens";
import { getPrisma } from "../../server/db/prisma";

/**
 * A user with the editor role in a conference and a personal access token for
 * them: what a non-browser client (these tests' y-websocket clients, sent as
 * `?token=`, and HTTP calls, as `Authorization: Bearer`) needs to edit a
 * session. DATABASE_URL must point at the test database.
 */
export async function seedEditorToken(conferenceId: string, name = "Test Editor"): Promise<string> {
  const prisma = getPrisma();
  const user = await prisma.user.create({ data: { id: randomUUID(), name, email: `${randomUUID()}@editors.test` } });
  await prisma.membership.create({ data: { userId: user.id, conferenceId, role: "editor" } });
  return (await createAccessToken(user.id, { name: "integration tests" })).token;
}
