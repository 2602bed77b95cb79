import type { SchedulePerson } from "./types";

/**
 * Gathers the distinct speakers of a schedule in order of first appearance.
 * The same person appears on every event they speak at; the first non-empty
 * name and biography win, so later events cannot rename someone.
 */
export class SchedulePeople {
  private readonly byId = new Map<string, SchedulePerson>();

  /** Records a speaker and returns their externalId for the session's personIds. */
  add(externalId: string, name: string, biography?: string): string {
    const known = this.byId.get(externalId);
    if (!known) {
      this.byId.set(externalId, biography ? { externalId, name, biography } : { externalId, name });
    } else if (!known.biography && biography) {
      known.biography = biography;
    }
    return externalId;
  }

  list(): SchedulePerson[] {
    return [...this.byId.values()];
  }
}
