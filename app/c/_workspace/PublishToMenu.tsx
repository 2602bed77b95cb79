import { publishToDestinationAction } from "@/app/conferences/[conference]/publishing/actions";
import { PublishRunForm } from "./PublishRunForm";

/**
 * "Publish to…" on the session page: a disclosure with one button per
 * destination of the conference; each run reports created, updated or
 * skipped. Nothing when the conference has no destination.
 */
export function PublishToMenu({
  conferenceSlug,
  sessionSlug,
  destinations,
}: {
  conferenceSlug: string;
  sessionSlug: string;
  destinations: Array<{ id: string; name: string }>;
}) {
  if (destinations.length === 0) return null;
  return (
    <details className="publish-to" data-testid="publish-to">
      <summary className="btn secondary small">Publish to…</summary>
      <div className="publish-to-panel">
        {destinations.map((d) => (
          <PublishRunForm
            key={d.id}
            action={publishToDestinationAction.bind(null, conferenceSlug, d.id, sessionSlug)}
            label={d.name}
            testId={`publish-to-${d.name}`}
          />
        ))}
      </div>
    </details>
  );
}
