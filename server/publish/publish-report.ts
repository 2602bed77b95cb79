import type { PublishOutcome } from "./publisher";

/** What one publish run did, per session. */
export interface PublishReport {
  destination: string;
  kind: string;
  results: Array<{ slug: string; action: PublishOutcome["action"]; url: string | null; error: string | null }>;
}

/** The report as lines for people: "created panel-on-fridays https://…", "failed x: WordPress answered 403: …". */
export function formatPublishReport(report: PublishReport): string[] {
  if (report.results.length === 0) return [`nothing to publish to ${report.destination}`];
  return report.results.map((r) =>
    r.error ? `failed ${r.slug}: ${r.error}` : `${r.action} ${r.slug}${r.url ? ` ${r.url}` : ""}`,
  );
}
