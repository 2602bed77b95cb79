import { NextResponse } from "next/server";
import { createInvite } from "@/server/auth/invites";
import { str } from "@/server/api/api-views";
import { apiRoute, readJson } from "../../../api-route";

export const dynamic = "force-dynamic";

/** POST {"role", "expiresInHours"?}: a single-use invite link (owner); the token is only in this answer. */
export const POST = apiRoute<{ conference: string }>(async ({ req, viewer, params }) => {
  const body = await readJson(req);
  const hours = body.expiresInHours;
  const invite = await createInvite(viewer, params.conference, {
    role: str(body.role) ?? "",
    expiresInHours: typeof hours === "number" ? hours : str(hours),
  });
  return NextResponse.json(
    { invite: { id: invite.id, role: invite.role, expiresAt: invite.expiresAt.toISOString(), path: invite.path } },
    { status: 201 },
  );
});
