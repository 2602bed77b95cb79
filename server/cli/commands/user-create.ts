import { randomBytes } from "node:crypto";
import type { CliCommand } from "../cli-command";
import { stringOption } from "../string-option";
import { UsageError } from "../usage-error";

/** `talknotes user create`: an account with email + password (the first one becomes the instance admin). */
export const userCreateCommand: CliCommand = {
  name: "user create",
  summary: "Create an account (the first account becomes the instance admin)",
  usage: "talknotes user create --email <email> --name <name> [--password-stdin]",
  help: [
    "Creates an account that signs in with its email and password. The first account created on an",
    "instance becomes its admin (owner of every conference, sets the sign-up policy).",
    "With --password-stdin the password is the first line of standard input (at least 10 characters);",
    "without it a random password is generated and printed once on stdout.",
    "The database is DATABASE_URL (default file:./data/talknotes.db), migrated first.",
    "",
    "Options:",
    "  --email <email>      the address to sign in with (required)",
    "  --name <name>        the name shown to co-editors (required)",
    "  --password-stdin     read the password from standard input",
  ].join("\n"),
  options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
  positionals: { min: 0, max: 0, names: "" },
  async run(args, io) {
    const email = stringOption(args, "email", { required: true })!;
    const name = stringOption(args, "name", { required: true })!;
    let password: string;
    let generated = false;
    if (args.values["password-stdin"]) {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin)
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
      password = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
      if (!password) throw new UsageError("--password-stdin: standard input is empty");
    } else {
      password = randomBytes(18).toString("base64url");
      generated = true;
    }

    const { openCliDatabase } = await import("../open-cli-database");
    const { createUserAccount } = await import("../../auth/accounts");
    const database = await openCliDatabase({ mustExist: false });
    try {
      const user = await createUserAccount({ email, name, password });
      io.stderr.write(`Created ${user.isAdmin ? "admin " : ""}account ${user.email} (${user.name})\n`);
      io.stdout.write(`user ${user.id}\n`);
      if (generated) io.stdout.write(`password ${password}\n`);
    } finally {
      await database.close();
    }
  },
};
