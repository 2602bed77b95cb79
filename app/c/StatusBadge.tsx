const LABELS: Record<string, string> = { live: "Live", published: "Published", archived: "Archived", draft: "Draft" };

/** A session's publishing status as a small badge (the live one pulses, unless the reader prefers less motion). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{LABELS[status] ?? status}</span>;
}
