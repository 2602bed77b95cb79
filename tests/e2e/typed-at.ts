import { expect } from "@playwright/test";

/**
 * `at` of a block typed in a test: when its line first got text (ISO 8601,
 * UTC). Its value against the clock is checked in time-coded-notes.spec.ts;
 * other specs only check it is there and well-formed.
 */
export const TYPED_AT = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
