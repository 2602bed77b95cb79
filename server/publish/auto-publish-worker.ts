import { AppError } from "../../lib/errors/app-error";
import { autoPublishRetryDelay } from "../../lib/publish/auto-publish-retry-delay";
import {
  type ClaimedPublishJob,
  claimNextPublishJob,
  finishPublishJob,
  type PublishJobOutcome,
  readPublishJob,
  requeueStalePublishJobs,
} from "../data/publish-jobs";
import { publishToDestination } from "./publish-to-destination";

/** A running attempt older than this was cut short (the server stopped mid-run): it is tried again. */
const STALE_RUNNING_MS = 15 * 60_000;

export interface AutoPublishWorkerOptions {
  /** Delay before the first retry (env PUBLISH_RETRY_SECONDS); later ones grow fourfold. */
  firstRetryDelayMs: number;
  /** How often the queue is looked at for jobs queued by other processes (the CLI) and retries that came due. */
  pollMs?: number;
}

/** Jobs one server runs at once (each to a different destination). */
const MAX_RUNNING = 3;

/**
 * Runs the queued automatic publishes (PublishJob, queued by a status change
 * to published: server/data/queue-auto-publish.ts) in the background,
 * through the same publishToDestination as the "Publish to…" button, so what
 * is recorded and what an error says are the same. A failed attempt is
 * retried later with a growing delay (lib/publish/auto-publish-retry-delay.ts)
 * and the last error is kept for the Publishing page; after the last attempt
 * the job is marked failed.
 *
 * Up to MAX_RUNNING jobs run at once, never two for one destination (a slow
 * blog holds up only its own queue; two runs to one blog could both create
 * its category). Jobs are claimed with a conditional update (pending ->
 * running), so several server instances on one PostgreSQL database never run
 * the same job twice. A job queued again while it runs (the session was
 * published again) is not overwritten by the older run's result: it runs
 * once more.
 */
export class AutoPublishWorker {
  private timer: NodeJS.Timeout | null = null;
  private scanning = false;
  private again = false;
  private closed = false;
  /** Destinations with a job running here. */
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: AutoPublishWorkerOptions) {}

  /** Starts polling (and runs what is due now). */
  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 5000);
    this.timer.unref();
    this.kick();
  }

  /** Looks at the queue now (a status change in this process just queued jobs, or a job ended). */
  kick(): void {
    if (this.closed) return;
    if (this.scanning) {
      this.again = true;
      return;
    }
    this.scanning = true;
    this.scan()
      .catch((err) => console.error("[auto-publish]", err))
      .finally(() => {
        this.scanning = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Stops taking jobs; resolves when the attempts under way have finished. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.running);
  }

  /** Claims due jobs of idle destinations until MAX_RUNNING run. */
  private async scan(): Promise<void> {
    await requeueStalePublishJobs(new Date(Date.now() - STALE_RUNNING_MS));
    while (!this.closed && this.busy.size < MAX_RUNNING) {
      const claimed = await claimNextPublishJob(this.busy);
      if (claimed === null) return;
      if (claimed === undefined) continue;
      this.busy.add(claimed.destinationId);
      const run: Promise<void> = this.run(claimed)
        .catch((err) => console.error("[auto-publish]", err))
        .finally(() => {
          this.busy.delete(claimed.destinationId);
          this.running.delete(run);
          this.kick();
        });
      this.running.add(run);
    }
  }

  private async run(claimed: ClaimedPublishJob): Promise<void> {
    const job = await readPublishJob(claimed.id);
    if (!job) return;
    const finish = (outcome: PublishJobOutcome) => finishPublishJob(claimed, outcome);
    if (!["published", "archived"].includes(job.session.status)) {
      await finish({ state: "cancelled", lastError: `Not published: the session is ${job.session.status} now` });
      return;
    }
    let error: string;
    try {
      const report = await publishToDestination({
        conferenceSlug: job.session.conference.slug,
        destination: job.destinationId,
        sessionSlug: job.session.slug,
      });
      const result = report.results[0];
      if (result && !result.error) {
        await finish({ state: "done", lastAction: result.action, lastError: null });
        return;
      }
      error = result?.error ?? "The destination reported nothing for this session";
    } catch (err) {
      if (err instanceof AppError) error = err.message;
      else {
        console.error("[auto-publish]", err);
        error = "Internal error (see the server log)";
      }
    }
    const delay = autoPublishRetryDelay(job.attempts, this.options.firstRetryDelayMs);
    await finish(
      delay === null
        ? { state: "failed", lastError: error }
        : { state: "pending", runAt: new Date(Date.now() + delay), lastError: error },
    );
  }
}
