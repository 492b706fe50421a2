/**
 * The local HTTP server: each request becomes an API Gateway v2 event and goes to the
 * same Lambda handler that runs on AWS, chosen by path as API Gateway's routes choose it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { errorBody, MAX_BODY_BYTES, type HttpEvent, type HttpResult } from '../api/http.js';
import { toApiGatewayEvent } from './api-gateway-event.js';

export type LambdaHttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** First matching prefix wins; mirrors the routes the CDK stack gives API Gateway. */
export interface Mount {
  prefix: string;
  handler: LambdaHttpHandler;
}

export interface LocalServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const LOCAL_CONTEXT = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'newsalert-local',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:newsalert-local',
  memoryLimitInMB: '1024',
  awsRequestId: 'local',
  logGroupName: 'local',
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} satisfies Context;

function send(response: ServerResponse, result: HttpResult): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  const body = result.body ?? '';
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, { statusCode: status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(errorBody(code, message)) });
}

/** Reads the body, stopping at the limit: a huge upload is refused without being held in memory. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limit) {
      request.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export interface LocalServerOptions {
  mounts: Mount[];
  host: string;
  port: number;
  onFault?: (error: unknown) => void;
  /** Called as each request arrives, before its body is read: benchmarks time the pipeline from here. */
  onRequest?: (request: IncomingMessage) => void;
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const inFlight = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const task = handle(request, response).finally(() => inFlight.delete(task));
    inFlight.add(task);
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    options.onRequest?.(request);
    try {
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
      const mount = options.mounts.find((m) => url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`));
      const body = await readBody(request, MAX_BODY_BYTES);
      if (body === 'too-large') {
        sendError(response, 413, 'PAYLOAD_TOO_LARGE', `request body is over ${MAX_BODY_BYTES} bytes`);
        return;
      }
      if (!mount) {
        sendError(response, 404, 'ROUTE_NOT_FOUND', `no route ${request.method} ${url.pathname}`);
        return;
      }
      send(response, await mount.handler(toApiGatewayEvent(request, url, body), LOCAL_CONTEXT));
    } catch (error) {
      options.onFault?.(error);
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', 'something went wrong on our side; it has been logged');
      else response.destroy();
    }
  };
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    // Stops accepting, lets the requests under way finish, then drops idle connections.
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
    },
  };
}
