import { apiRoute } from "../api-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/me: the token's owner. */
export const GET = apiRoute(async ({ viewer }) => ({
  id: viewer.id,
  email: viewer.email,
  name: viewer.name,
  isAdmin: viewer.isAdmin,
}));
