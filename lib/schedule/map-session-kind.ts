import type { ScheduleSessionKind } from "./types";

/**
 * Maps a schedule's free-form event type to a Talknotes session kind by the
 * words it contains: keynote first (a "keynote talk" is a keynote), then
 * lightning/ignite, panel/podium, workshop, lecture/talk; anything else
 * (films, quizzes, "other") is `other`. Case-insensitive.
 */
export function mapSessionKind(type: string): ScheduleSessionKind {
  const t = type.toLowerCase();
  if (/\bkeynotes?\b/.test(t)) return "keynote";
  if (/\b(lightning|ignite)/.test(t)) return "ignite";
  if (/\b(panels?|podium)\b/.test(t)) return "panel";
  if (/\bworkshops?\b/.test(t)) return "workshop";
  if (/\b(lectures?|talks?)\b/.test(t)) return "talk";
  return "other";
}
