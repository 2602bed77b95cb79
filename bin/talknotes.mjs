#!/usr/bin/env node
// The `talknotes` command: loads the TypeScript CLI through tsx (as the server
// is loaded), forwarding the arguments and the exit code.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/cli/main.ts");
// exitCode rather than process.exit(): let piped stdout drain before the process ends.
process.exitCode = await main(process.argv.slice(2));
