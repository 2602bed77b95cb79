import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { ConferenceDetailsInput } from "./conference-details-input";
import { parseInput } from "./parse-input";

/** Changes a conference's name, place, dates, time zone, hashtag and post title template. Throws not_found / invalid_input. */
export async function updateConferenceDetails(slug: string, input: ConferenceDetailsInput) {
  const data = parseInput(ConferenceDetailsInput, input);
  const prisma = getPrisma();
  const conference = await prisma.conference.findUnique({ where: { slug }, select: { id: true } });
  if (!conference) throw new AppError("not_found", `No conference "${slug}"`);
  return prisma.conference.update({ where: { id: conference.id }, data });
}
