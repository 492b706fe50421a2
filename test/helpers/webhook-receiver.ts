/** A webhook endpoint on loopback that records every POST it receives and answers as told. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as it arrived (signatures are over these bytes). */
  raw: string;
  body: unknown;
}

/** `status` answers every request, or is asked per request (its path and how many came to that path before). */
export async function startWebhookReceiver(status: number | ((path: string, seen: number) => number) = 200) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const path = request.url ?? '/';
      const seen = received.filter((r) => r.path === path).length;
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ path, headers: request.headers, raw, body: JSON.parse(raw) });
      response.writeHead(typeof status === 'number' ? status : status(path, seen)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
