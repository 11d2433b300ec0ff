import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP relay to a server, which a test can cut (every connection dropped, new ones refused) and
 * restore on the same port: a database going away from the network, and coming back.
 */
export async function tcpProxy(host: string, port: number): Promise<{ port: number; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const relay = (client: Socket) => {
    const upstream = connect(port, host);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.pipe(to);
    }
  };
  let server: Server = createServer(relay);
  const listen = (on: number) => new Promise<number>((resolve) => server.listen(on, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const own = await listen(0);
  const cut = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return {
    port: own,
    cut,
    restore: async () => {
      server = createServer(relay);
      await listen(own);
    },
    close: async () => {
      if (server.listening) await cut();
    },
  };
}
