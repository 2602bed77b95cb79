/**
 * What tests/fixtures/notes/panel.txt says, as a reader of any export sees
 * it: the questions in order, and each statement as its label, then the
 * start of what was said.
 */
export const PANEL_FIXTURE_TEXT = {
  questions: [
    "Should we deploy on Fridays at all?",
    "How do you measure whether a deploy was safe?",
    "What about <script>alert(1)</script> in release notes?",
  ],
  attributions: [
    'Amara: "if you are afraid to deploy on Friday, you are afraid to deploy."',
    'Bruno: "banks have change freezes for a reason.',
    'Chen: "small batches make the day of the week irrelevant."',
    'Chen: "error budget burn in the first hour',
    'Amara: "we look at rollbacks per hundred deploys"',
    'Priya: "What about <script>alert(1)</script> in release notes?"',
    'Bruno: "escape everything and trust nothing: {{< shortcode >}} and {% include x %} as well."',
    'Amara: "render it as text, never as <img src=x onerror=alert(2)> markup."',
  ],
};
