/** Header server/index.ts sets to the socket's address on every request (replacing any value a client sent). */
export const CLIENT_IP_HEADER = "x-talknotes-client-ip";

/** Where a request came from and whether it arrived over https (behind a TLS-terminating proxy). */
export function requestContext(headers: Headers): { address: string; https: boolean } {
  return {
    address: headers.get(CLIENT_IP_HEADER) || "unknown",
    https: (headers.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https",
  };
}
