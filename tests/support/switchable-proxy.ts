import net from "node:net";

/** A TCP proxy in front of a server whose line can be cut (sockets dropped, new ones refused) and restored. */
export interface SwitchableProxy {
  port: number;
  /**
   * Drops every open connection without a close frame (as a lost network does) and stops listening,
   * so new connections are refused (ECONNREFUSED, as a server that is down answers).
   */
  cut(): void;
  /** Listens on the same port again and lets connections through. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 that forwards to `targetPort`: for tests of what a client does when
 * its socket dies while the server itself stays up (stopping the server cannot show that), or
 * when a server it calls is down for a while and then back.
 */
export async function startSwitchableProxy(targetPort: number): Promise<SwitchableProxy> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    const upstream = net.connect(targetPort, "127.0.0.1");
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const dropAll = () => {
    if (server.listening) server.close();
    for (const socket of sockets) socket.destroy();
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: dropAll,
    async restore() {
      if (!server.listening) await listen(port);
    },
    close() {
      const closed = new Promise<void>((resolve) => (server.listening ? server.once("close", resolve) : resolve()));
      dropAll();
      return closed;
    },
  };
}
