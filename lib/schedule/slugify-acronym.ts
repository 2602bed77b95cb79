/** A URL-safe slug from a conference acronym: "31C3" -> "31c3", "DevOps Days SV" -> "devops-days-sv". */
export function slugifyAcronym(acronym: string): string {
  return acronym
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
