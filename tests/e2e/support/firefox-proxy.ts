import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TunnelProxy {
  port: number;
  /** Hosts Firefox asked for that were refused (its own background traffic, or a host we forgot to map). */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A minimal HTTP CONNECT proxy that tunnels the given hosts to one local port (the emulator) and refuses every
 * other host. Firefox has no --host-resolver-rules; as its HTTPS proxy this maps Amazon's real names (port 443)
 * onto the emulator's random port without touching DNS, /etc/hosts or privileged ports.
 */
export async function startTunnelProxy(hosts: readonly string[], targetPort: number): Promise<TunnelProxy> {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const [method, target] = head.subarray(0, end).toString('latin1').split(' ');
      const host = (target ?? '').replace(/:\d+$/, '').toLowerCase();
      if (method !== 'CONNECT' || !allowed.has(host)) {
        refused.push(`${method} ${target}`);
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const upstream = net.connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
