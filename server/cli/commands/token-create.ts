import type { CliCommand } from "../cli-command";
import { stringOption } from "../string-option";
import { UsageError } from "../usage-error";

/** `talknotes token create`: a personal access token for the JSON API and `?token=` on the websocket. */
export const tokenCreateCommand: CliCommand = {
  name: "token create",
  summary: "Create a personal access token for an account (printed once)",
  usage: "talknotes token create --email <email> [--name <name>] [--expires-days <n>]",
  help: [
    "Creates a personal access token (tn_pat_...) for the account with that email and prints it on",
    "stdout. It is shown only this once: the database keeps only its SHA-256. Use it as",
    "`Authorization: Bearer <token>` with the JSON API (docs/API.md) or `?token=<token>` on",
    "ws://host/collab/<sessionId>. It acts with the account's roles.",
    "",
    "Options:",
    "  --email <email>      the account (required)",
    '  --name <name>        what the token is for (default "cli")',
    "  --expires-days <n>   expire after n days (default: never)",
  ].join("\n"),
  options: { email: { type: "string" }, name: { type: "string" }, "expires-days": { type: "string" } },
  positionals: { min: 0, max: 0, names: "" },
  async run(args, io) {
    const email = stringOption(args, "email", { required: true })!.trim().toLowerCase();
    const name = stringOption(args, "name") ?? "cli";
    const days = stringOption(args, "expires-days");
    const expiresInDays = days === undefined ? null : Number(days);
    if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1)) {
      throw new UsageError(`--expires-days must be a whole number of days, not ${JSON.stringify(days)}`);
    }

    const { openCliDatabase } = await import("../open-cli-database");
    const { accountIdByEmail } = await import("../../auth/accounts");
    const { createAccessToken } = await import("../../auth/access-tokens");
    const database = await openCliDatabase({ mustExist: true });
    try {
      const token = await createAccessToken(await accountIdByEmail(email), { name, expiresInDays });
      io.stderr.write(
        `Token "${token.name}" for ${email}${token.expiresAt ? `, expires ${token.expiresAt.toISOString()}` : ""}. It is shown only once.\n`,
      );
      io.stdout.write(`${token.token}\n`);
    } finally {
      await database.close();
    }
  },
};
