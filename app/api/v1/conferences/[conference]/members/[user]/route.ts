import { removeMember, setMemberRole } from "@/server/auth/members";
import { str } from "@/server/api/api-views";
import { apiRoute, readJson } from "../../../../api-route";

export const dynamic = "force-dynamic";

type P = { conference: string; user: string };

/** PATCH {"role"}: change a member's role (owner). */
export const PATCH = apiRoute<P>(async ({ req, viewer, params }) => {
  const body = await readJson(req);
  await setMemberRole(viewer, params.conference, params.user, str(body.role) ?? "");
  return { ok: true };
});

/** DELETE: remove a member (owner, or the member themself). */
export const DELETE = apiRoute<P>(async ({ viewer, params }) => {
  await removeMember(viewer, params.conference, params.user);
  return { ok: true };
});
