/**
 * Article → alert latency through the real local server, handlers, dynalite and local
 * notifier: from the moment a POST arrives to the notifier's first publish call for its
 * alert. Beside it, the floor measured in the same run: a bare HTTP handler doing as many
 * dynalite writes as the pipeline makes store calls. And the process's peak RSS.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { idFrom } from '../functions/core/ids.js';
import { startLocal } from '../functions/local/local-app.js';
import { articleMix } from './corpus.js';
import { realisticSegments } from './segments-fixture.js';
import { summarise } from './stats.js';

export interface LatencyRun {
  concurrency: number;
  articles: number;
  pipeline: ReturnType<typeof summarise>;
  floor: ReturnType<typeof summarise>;
  storeCallsPerArticle: number;
  publishCallsPerArticle: number;
  peakRssMb: number;
}

/** Sends `count` posts with at most `concurrency` in flight. */
async function drive(count: number, concurrency: number, send: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await send(next++);
    }),
  );
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export async function measureArticleLatency(options: { concurrency: number; articles: number; runTag: string }): Promise<LatencyRun> {
  const received = new Map<string, number>();
  const published = new Map<string, number>();
  let publishCalls = 0;
  const local = await startLocal({
    logLevel: 'SILENT',
    // Every article alerts, so every one travels the whole path to the notifier.
    alertThreshold: 9,
    smsDoubleOptIn: false,
    observe: {
      request: (request) => {
        const id = request.headers['x-bench-article'];
        if (typeof id === 'string') received.set(id, performance.now());
      },
      publish: (_topic, attributes) => {
        publishCalls++;
        const id = attributes.alertId!;
        if (!published.has(id)) published.set(id, performance.now());
      },
    },
  });
  let storeCalls = 0;
  local.dynamoClient.middlewareStack.add((next) => async (args) => {
    storeCalls++;
    return next(args);
  }, { step: 'initialize', name: 'benchCount' });

  // Two hundred segments of a realistic registry, one SMS subscriber each.
  for (const [i, segment] of realisticSegments(200, 200).entries()) {
    await local.app.subscriptions.subscribe({ channel: 'sms', phoneNumber: `+1415555${String(1000 + i).padStart(4, '0')}` }, segment.preferences);
  }

  const mix = articleMix(options.articles);
  const post = async (i: number, tag: string) => {
    const id = `${options.runTag}-${tag}-${i}`;
    const response = await fetch(`${local.url}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${local.keys.editor}`, 'content-type': 'application/json', 'x-bench-article': id },
      body: JSON.stringify({ id, ...mix[i % mix.length], url: `https://news.example.com/${id}` }),
    });
    if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  };
  // Warm up: JIT, connection pool, caches.
  await drive(50, options.concurrency, (i) => post(i, 'warm'));
  received.clear();
  published.clear();
  storeCalls = 0;
  publishCalls = 0;
  await drive(options.articles, options.concurrency, (i) => post(i, 'run'));

  const latencies: number[] = [];
  for (const [articleId, at] of received) {
    const alertId = idFrom('al', articleId, 1);
    const done = published.get(alertId);
    if (done !== undefined) latencies.push(done - at);
  }
  const storeCallsPerArticle = storeCalls / options.articles;
  const publishCallsPerArticle = publishCalls / options.articles;
  const floor = await measureFloor({ concurrency: options.concurrency, requests: options.articles, writes: Math.round(storeCallsPerArticle), client: local.dynamoClient });
  const rss = peakRssMb();
  await local.close();
  return { concurrency: options.concurrency, articles: latencies.length, pipeline: summarise(latencies), floor, storeCallsPerArticle, publishCallsPerArticle, peakRssMb: rss };
}

/** A trivial handler on loopback that makes `writes` sequential dynalite writes per request. */
async function measureFloor(options: { concurrency: number; requests: number; writes: number; client: import('@aws-sdk/client-dynamodb').DynamoDBClient }) {
  const samples: number[] = [];
  let n = 0;
  const server = createServer(async (request, response) => {
    const start = performance.now();
    for await (const _ of request) void _;
    for (let i = 0; i < options.writes; i++) {
      await options.client.send(new PutItemCommand({ TableName: 'newsalert', Item: { pk: { S: `FLOOR#${n++}` }, sk: { S: 'X' }, v: { S: 'x'.repeat(200) } } }));
    }
    samples.push(performance.now() - start);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const body = JSON.stringify({ headline: 'x', body: 'y'.repeat(400) });
  await drive(50, options.concurrency, async () => void (await (await fetch(url, { method: 'POST', body })).text()));
  samples.length = 0;
  await drive(options.requests, options.concurrency, async () => void (await (await fetch(url, { method: 'POST', body })).text()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return summarise(samples);
}
