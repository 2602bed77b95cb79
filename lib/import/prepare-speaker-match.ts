import { normalizeText } from "../people/normalize-text";
import type { PeopleIndex } from "../people/types";
import type { MatchablePerson, SpeakerMatchKind } from "./match-speaker";

/** What matchSpeaker looks labels up in: exact keys by kind (in matching order), and the ranking index. */
export interface SpeakerMatchIndex<P extends MatchablePerson> {
  exact: [SpeakerMatchKind, Map<string, P[]>][];
  /** Built on the first label that needs more than an exact match. */
  ranking: PeopleIndex<P> | null;
}

/**
 * Prepares a list of people for many matchSpeaker calls: normalised full
 * names, handles, aliases, first and last names in hash maps (lib/people's
 * ranking index is added by matchSpeaker when a label first needs it), so
 * each label costs a few lookups instead of a pass over everyone (an import
 * matches every line of the notes against the people).
 */
export function prepareSpeakerMatch<P extends MatchablePerson>(people: readonly P[]): SpeakerMatchIndex<P> {
  const kinds: SpeakerMatchKind[] = ["name", "handle", "alias", "first-name", "last-name"];
  const maps = new Map(kinds.map((k) => [k, new Map<string, P[]>()]));
  const put = (kind: SpeakerMatchKind, key: string, p: P) => {
    if (!key) return;
    const map = maps.get(kind) as Map<string, P[]>;
    const list = map.get(key);
    if (!list) map.set(key, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  for (const p of people) {
    const parts = normalizeText(p.name).split(" ");
    put("name", parts.join(" "), p);
    if (p.handle) put("handle", normalizeText(p.handle.replace(/^@/, "")), p);
    for (const alias of p.aliases ?? []) put("alias", normalizeText(alias), p);
    if (parts.length > 1) {
      put("first-name", parts[0] as string, p);
      put("last-name", parts[parts.length - 1] as string, p);
    }
  }
  return { exact: kinds.map((k) => [k, maps.get(k) as Map<string, P[]>]), ranking: null };
}
