import { publicPaths } from "@/lib/reader/public-paths";
import { archiveConferenceAction, publishConferenceAction } from "./status-actions";

/** "Publish all / Archive all" and the public agenda link on the conference workspace page. */
export function ConferencePublishControls({ conferenceSlug, hasPublic }: { conferenceSlug: string; hasPublic: boolean }) {
  return (
    <div className="page-actions" data-testid="conference-publish">
      {hasPublic ? (
        <a className="btn secondary" href={publicPaths.conference(conferenceSlug)} target="_blank" rel="noopener">
          View public page
        </a>
      ) : null}
      <form action={publishConferenceAction.bind(null, conferenceSlug)}>
        <button className="btn secondary" type="submit" title="Drafts and live sessions become published">
          Publish all
        </button>
      </form>
      <form action={archiveConferenceAction.bind(null, conferenceSlug)}>
        <button className="btn secondary" type="submit" title="Live and published sessions become read-only; drafts stay drafts">
          Archive all
        </button>
      </form>
    </div>
  );
}
