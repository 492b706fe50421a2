/**
 * Cold start of each Lambda bundle `cdk synth` produces: its size (minified, gzipped) and
 * the time to import it and handle a first event in a fresh Node 24 process, against a
 * local dynalite (the SDK's own endpoint override, AWS_ENDPOINT_URL_DYNAMODB).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { bearerKeyRecord, generateKey } from '../functions/api/auth.js';
import { DynamoStore } from '../functions/adapters/dynamo-store.js';
import { startEmbeddedDynamo } from '../functions/local/embedded-dynamo.js';
import { buildApp } from '../infra/build-app.js';
import { seedArticle } from './corpus.js';
import { acrossRuns } from './stats.js';

const run = promisify(execFile);

export interface BundleFigures {
  function: string;
  minifiedKb: number;
  gzippedKb: number;
  importMs: ReturnType<typeof acrossRuns>;
  firstEventMs: ReturnType<typeof acrossRuns>;
  status: number | string;
}

/** Synthesises the stack (bundling with esbuild) and returns each function's bundle file. */
export function synthBundles(): Array<{ name: string; file: string }> {
  const outdir = mkdtempSync(join(tmpdir(), 'newsalert-bench-cdk-'));
  const { app, stack } = buildApp({ outdir }, { account: '123456789012', region: 'eu-west-1' });
  app.synth();
  const template = JSON.parse(readFileSync(join(outdir, `${stack.stackName}.template.json`), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string }; Environment?: { Variables?: Record<string, unknown> } } }>;
  };
  // Asset "<hash>.zip" is staged as the folder "asset.<hash>".
  return Object.entries(template.Resources)
    // The service's own functions (CDK's custom-resource provider is not one of them).
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.TABLE_NAME !== undefined)
    .map(([logicalId, r]) => ({ name: logicalId.replace(/Function[0-9A-F]{8}$/, ''), file: join(outdir, `asset.${r.Properties.Code!.S3Key!.replace(/\.zip$/, '')}`, 'index.mjs') }));
}

function eventFor(name: string, keys: { editor: string; app: string }, i: number): unknown {
  const http = (method: string, path: string, key?: string, body?: unknown) => ({
    version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, requestId: `r${i}`, routeKey: '$default', stage: '$default', time: '', timeEpoch: 0, accountId: '1', apiId: 'a', domainName: 'd', domainPrefix: 'd' },
    ...(body !== undefined && { body: JSON.stringify(body) }), isBase64Encoded: false,
  });
  switch (name) {
    case 'Articles': return http('POST', '/v1/articles', keys.editor, { ...seedArticle(), id: `cold-${i}` });
    case 'Subscriptions': return http('GET', '/v1/subscriptions/sub_none', keys.app);
    case 'Health': return http('GET', '/health');
    case 'Webhooks': {
      // One alert for a segment with no webhooks yet: the relay reads the store and posts nothing.
      const envelope = { Type: 'Notification', Message: '{}', MessageAttributes: { alertId: { Type: 'String', Value: `al_${i}` }, segment: { Type: 'String', Value: 'none' }, alertCreatedAt: { Type: 'Number', Value: '1' } } };
      return { Records: [{ messageId: `m${i}`, receiptHandle: 'r', body: JSON.stringify(envelope), attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:q', awsRegion: 'eu-west-1' }] };
    }
    default: return { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };
  }
}

const CHILD = `
const [file, eventJson] = process.argv.slice(1);
const start = performance.now();
const { handler } = await import(file);
const imported = performance.now();
const result = await handler(JSON.parse(eventJson), { awsRequestId: 'cold', functionName: 'bench', getRemainingTimeInMillis: () => 10000 });
const done = performance.now();
process.stdout.write('\\n' + JSON.stringify({ importMs: imported - start, firstEventMs: done - start, status: result?.statusCode ?? 'ok' }) + '\\n');
`;

export async function coldStarts(runs = 20): Promise<BundleFigures[]> {
  const bundles = synthBundles();
  const dynamo = await startEmbeddedDynamo();
  const store = new DynamoStore({ client: dynamo.client, tableName: dynamo.tableName });
  const keys = { editor: generateKey('editor'), app: generateKey('app') };
  for (const role of ['editor', 'app'] as const) {
    const { hash, record } = bearerKeyRecord(keys[role], role, 'bench', new Date());
    await store.putApiKey(hash, record);
  }
  const env = {
    PATH: process.env.PATH,
    TABLE_NAME: dynamo.tableName,
    TOPIC_PREFIX: 'bench-seg',
    WEBHOOK_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/bench',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  };
  const figures: BundleFigures[] = [];
  for (const bundle of bundles) {
    const code = readFileSync(bundle.file);
    const imports: number[] = [];
    const firsts: number[] = [];
    let status: number | string = '';
    for (let i = 0; i < runs; i++) {
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CHILD, bundle.file, JSON.stringify(eventFor(bundle.name, keys, i))], { env });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { importMs: number; firstEventMs: number; status: number | string };
      imports.push(result.importMs);
      firsts.push(result.firstEventMs);
      status = result.status;
    }
    figures.push({
      function: bundle.name,
      minifiedKb: statSync(bundle.file).size / 1024,
      gzippedKb: gzipSync(code).length / 1024,
      importMs: acrossRuns(imports),
      firstEventMs: acrossRuns(firsts),
      status,
    });
  }
  await dynamo.close();
  return figures;
}
