import type { Metadata } from "next";
import { ActionForm } from "@/app/components/ActionForm";
import { ConferencePageHead } from "@/app/components/ConferencePageHead";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { getConference } from "@/server/data/conferences";
import { updateConferenceAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Conference details" };

type Params = Promise<{ conference: string }>;

/** Zones offered in the picker: every zone the runtime knows, so a typo cannot be saved. */
const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

export default async function ConferenceDetailsPage({ params }: { params: Params }) {
  const slug = (await params).conference;
  await requireWorkspaceRole(slug, "owner", `/conferences/${slug}/details`);
  const conference = await orNotFound(getConference(slug));
  const zones = ZONES.includes(conference.timezone) ? ZONES : [conference.timezone, ...ZONES];
  return (
    <>
      <ConferencePageHead conference={conference} title="Conference details">
        Shown on the public agenda, in exports and in post titles. The address stays /c/{conference.slug}.
      </ConferencePageHead>
      <div className="card ws-form-card">
        <ActionForm
          action={updateConferenceAction.bind(null, conference.slug)}
          submitLabel="Save details"
          testId="conference-details"
        >
          <label>
            Name
            <input name="name" required maxLength={200} defaultValue={conference.name} />
          </label>
          <label>
            Location <span className="hint">city, venue</span>
            <input
              name="location"
              maxLength={200}
              defaultValue={conference.location ?? ""}
              placeholder="Portland, OR"
            />
          </label>
          <div className="row">
            <label>
              First day
              <input name="startsOn" type="date" defaultValue={conference.startsOn ?? ""} />
            </label>
            <label>
              Last day
              <input name="endsOn" type="date" defaultValue={conference.endsOn ?? ""} />
            </label>
          </div>
          <label>
            Time zone <span className="hint">session times are shown and typed in it</span>
            <select name="timezone" defaultValue={conference.timezone}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <label>
              Hashtag
              <input name="hashtag" maxLength={100} defaultValue={conference.hashtag ?? ""} placeholder="#opscamp" />
            </label>
            <label>
              Post title template{" "}
              <span className="hint">
                {"{title}"}, {"{hashtag}"}
              </span>
              <input
                name="titleTemplate"
                maxLength={200}
                defaultValue={conference.titleTemplate ?? ""}
                placeholder="Talk notes: {title} ({hashtag})"
              />
            </label>
          </div>
        </ActionForm>
      </div>
    </>
  );
}
