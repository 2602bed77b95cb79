import { AppError } from "../../lib/errors/app-error";
import type { InterchangePerson } from "../../lib/interchange/types";
import { getPrisma } from "../db/prisma";
import { parseAliases } from "./parse-aliases";

/** A person of the conference directory, as the attribution autocomplete needs them. */
export type DirectoryPerson = Pick<InterchangePerson, "id" | "name" | "affiliation" | "handle" | "aliases">;

/** Everyone known to a conference (speakers of every session, people added inline), by name. */
export async function listConferencePeople(conferenceSlug: string): Promise<DirectoryPerson[]> {
  const conference = await getPrisma().conference.findUnique({
    where: { slug: conferenceSlug },
    select: {
      people: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, affiliation: true, handle: true, aliases: true },
      },
    },
  });
  if (!conference) throw new AppError("not_found", `No conference "${conferenceSlug}"`);
  return conference.people.map((p) => ({ ...p, aliases: parseAliases(p.aliases) }));
}
