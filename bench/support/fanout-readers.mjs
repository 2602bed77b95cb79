// Child process of bench/fanout.ts: opens N WebSocket readers to argv[2] and only reads,
// so the bench process's CPU time is the server side of a broadcast alone.
// Prints "ready" once all are open, then "got <n>" whenever asked (a line on stdin).
import WebSocket from "ws";

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
let open = 0;
let received = 0;
for (let i = 0; i < count; i++) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  ws.on("open", () => {
    if (++open === count) process.stdout.write("ready\n");
  });
  ws.on("message", () => received++);
  ws.on("error", (err) => {
    process.stderr.write(String(err) + "\n");
    process.exit(1);
  });
}
process.stdin.on("data", () => process.stdout.write(`got ${received}\n`));
process.stdin.on("end", () => process.exit(0));
