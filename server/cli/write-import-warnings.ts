import { type ImportGuess, UNSURE_CONFIDENCE } from "../../lib/import/import-guess";
import type { CliIo } from "./cli-command";

/**
 * Writes an import's warnings and then its unsure guesses (least sure first,
 * as the import report orders them) to standard error, so a person reading the
 * terminal checks the same things the Import dialog flags. A guess whose words
 * a warning already said is not repeated.
 */
export function writeImportWarnings(
  io: Pick<CliIo, "stderr">,
  warnings: readonly string[],
  guesses: readonly ImportGuess[],
): void {
  for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  for (const g of guesses) {
    if (g.confidence >= UNSURE_CONFIDENCE || warnings.includes(g.message)) continue;
    io.stderr.write(`warning: guessed (${Math.round(g.confidence * 100)}% sure): ${g.message}\n`);
  }
}
