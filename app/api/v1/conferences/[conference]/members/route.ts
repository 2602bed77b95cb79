import { listMembers } from "@/server/auth/members";
import { apiRoute } from "../../../api-route";

export const dynamic = "force-dynamic";

/** GET: members and roles (owner). */
export const GET = apiRoute<{ conference: string }>(async ({ viewer, params }) => ({
  members: (await listMembers(viewer, params.conference)).map(({ userId, name, email, role }) => ({
    userId,
    name,
    email,
    role,
  })),
}));
