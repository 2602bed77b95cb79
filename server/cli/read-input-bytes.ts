import fs from "node:fs/promises";

/** The bytes of `file`, or of standard input when `file` is "-". */
export async function readInputBytes(file: string, stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  if (file !== "-") return new Uint8Array(await fs.readFile(file));
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}
