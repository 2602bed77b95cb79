import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkMergedPair } from "../../lib/merge/fixtures/check-merged-pair";
import { pairFromTexts } from "../../lib/merge/fixtures/merge-pair";
import { mergeNotes } from "../../lib/merge/merge-notes";

const shared = path.resolve(__dirname, "../../../shared/fixtures");
const exists = existsSync(shared);
if (!exists) console.log("skipped: ../shared not found");

/**
 * ARCHITECTURE.md, "Merging notes", on the 2010 sample: "Making The Business Case" as posted, merged
 * with a second note-taker's shorter Markdown of the same panel
 * (tests/fixtures/notes/making-the-business-case-second-taker.md: other
 * wording, a thread missed, a remark only they caught, "Rolf Russell" for
 * Rolf Andrew Russell, one different answer by Rolf in the same thread).
 */
describe.skipIf(!exists)("merging the 2010 panel with a second note-taker's notes", () => {
  it("keeps every note once, every attribution, finds every duplicate, and names the one conflict", () => {
    const pair = pairFromTexts(
      "Making The Business Case + second note-taker",
      readFileSync(path.join(shared, "devopsdays-2010", "making-the-business-case.txt"), "utf8"),
      readFileSync(path.resolve(__dirname, "../fixtures/notes/making-the-business-case-second-taker.md"), "utf8"),
      [
        ["What are the anti-patterns", "Anti-patterns?"],
        ["focus on what is creating the most unplanned work", "focus on whatever creates the most unplanned work"],
        ["don't mention DevOps. Mention cycle time, throughput, feature delivery. Language of your audience", "don't say DevOps, talk cycle time, throughput and feature delivery"],
        [
          "IT ops as cost center view is interesting. It's really about time to market and innovation. Those are the drivers and pain points to hit.",
          "IT ops is seen as a cost center, but it is about time to market and innovation",
        ],
        ["What are the business drivers? As opposed to just making pagers go off less?", "What drives the business, beyond fewer pages?"],
        [
          "making freaking graphs to show how it impacts revenue.  I call it the 'rabbit feeder', because it connects the entire company to what we do: sending leads to merchants, connecting buyers and sellers. Making data democratic and tying everyone to obvious business outcomes.",
          'graphs showing the impact on revenue, the "rabbit feeder" that connects the whole company to what we do',
        ],
        [
          "DevOps could be pitched as a new way to run IT. In business, it fulfills the intent of a 'low cost probe' to experiment/course-correct. As opposed to traditional model which is like building a satellite. That's a great story.",
          "DevOps as a new way to run IT, a low cost probe to experiment and course-correct",
        ],
        ["IT people feel like they're measuring everything, while business thinks IT is bad at measuring anything. What should IT be measuring?", "What should IT be measuring?"],
        [
          "Time to capability: business wants X, how long does it take to get it? Speed is one aspect. Variability is another expect: how long vs. promised. If you can reduce variance, that builds confidence",
          "time to capability, and variability: how long versus promised",
        ],
        [
          "We're really proud of what we've built at Shopzilla, around scaffolding. It takes a lot of work to build it, but then when you track the time to market. You spend a couple of weeks, then a couple of hours. That's a remarkable improvement that's great to show. You first have to be able to measure it and get that telemetry, and then use it as a goal metric for infrastructure work that supports continuous integration. Financial industry: pay yourself first to build capabilities.",
          "scaffolding at Shopzilla: a couple of weeks, then a couple of hours",
        ],
      ],
    );
    const result = mergeNotes(pair.left, pair.right);
    const score = checkMergedPair(pair, result);
    console.log(`Making The Business Case: ${score.truePositives} of ${score.actual} duplicates found, ${score.detected} judged`);
    expect(score.truePositives).toBe(score.actual);
    expect(score.detected).toBe(score.actual);
    expect(result.report.people.find((p) => p.rightId && p.leftId && p.name === "Rolf Andrew Russell")?.how).toBe("prefix");
    expect(result.report.conflicts.map((c) => [c.speaker, c.right])).toEqual([["Rolf Andrew Russell", "ask the business which KPIs they want instead of inventing your own"]]);
  });
});
