/**
 * `npm run load [-- --seconds 20 --connections 10]`: a load test of the local server on
 * loopback. Sustained article posts of a realistic mix (nine AG-length items to one full
 * story, each a new article) for a bounded time, then an audit: every alert sent, each
 * delivered exactly once to every subscriber whose segment matches — zero errors, zero
 * lost, zero duplicated — and the latency percentiles.
 */
import autocannon from 'autocannon';
import { Command } from 'commander';
import { startLocal } from '../functions/local/local-app.js';
import { sweepDueAlerts } from '../functions/core/publish-alert.js';
import { matchesSegment } from '../functions/core/segments.js';
import type { Alert } from '../functions/core/types.js';
import { articleMix } from './corpus.js';
import { realisticSegments } from './segments-fixture.js';

const options = new Command()
  .name('npm run load --')
  .option('--seconds <n>', 'how long to post', (v) => Number.parseInt(v, 10), 20)
  .option('--connections <n>', 'concurrent connections', (v) => Number.parseInt(v, 10), 10)
  .parse(process.argv.slice(2), { from: 'user' })
  .opts<{ seconds: number; connections: number }>();
if (!(options.seconds >= 1 && options.seconds <= 600) || !(options.connections >= 1 && options.connections <= 256)) {
  console.error('newsalert load: --seconds must be 1 to 600 and --connections 1 to 256');
  process.exit(2);
}

const local = await startLocal({ logLevel: 'SILENT', sweepIntervalMs: 1_000, smsDoubleOptIn: false });
for (const [i, segment] of realisticSegments(100, 100).entries()) {
  await local.app.subscriptions.subscribe({ channel: 'sms', phoneNumber: `+1415556${String(1000 + i).padStart(4, '0')}` }, segment.preferences);
}
const mix = articleMix(1_000);
let sent = 0;
const result = await autocannon({
  url: `${local.url}/v1/articles`,
  connections: options.connections,
  duration: options.seconds,
  requests: [
    {
      method: 'POST',
      headers: { authorization: `Bearer ${local.keys.editor}`, 'content-type': 'application/json' },
      setupRequest: (request) => {
        const n = sent++;
        return { ...request, body: JSON.stringify({ id: `load-${n}`, ...mix[n % mix.length], url: `https://news.example.com/load-${n}` }) };
      },
    },
  ],
});

// Requests autocannon cut at the end are still finishing on the server: give them a moment,
// let the sweeper publish anything an inline publish left, then audit every alert.
await new Promise((resolve) => setTimeout(resolve, 2_000));
await sweepDueAlerts(local.app.store, local.app.publisher, new Date());
await local.notifier.idle();
const alerts: Alert[] = [];
let cursor: string | undefined;
do {
  const page = await local.app.store.listAlerts({ limit: 100, ...(cursor && { cursor }) });
  alerts.push(...page.items);
  cursor = page.cursor;
} while (cursor);
const segments = await local.app.store.listSegments();
const delivered = new Map<string, number>();
for (const d of local.notifier.deliveries) delivered.set(d.alertId, (delivered.get(d.alertId) ?? 0) + 1);
let lost = 0;
let duplicated = 0;
let notSent = 0;
for (const alert of alerts) {
  if (alert.status !== 'sent') notSent++;
  const expected = segments.filter((s) => matchesSegment(alert, s.preferences, new Date(alert.sentAt ?? alert.createdAt))).reduce((n, s) => n + local.notifier.subscriptionCount(s.topicRef), 0);
  const got = delivered.get(alert.id) ?? 0;
  if (got < expected) lost += expected - got;
  if (got > expected) duplicated += got - expected;
}
await local.close();

const errors = result.errors + result.timeouts + result.non2xx;
const rows: Array<[string, string | number]> = [
  ['duration', `${options.seconds} s, ${options.connections} connections`],
  ['articles posted', result.requests.total],
  ['throughput (req/s, mean)', result.requests.average],
  ['latency p50 / p90 / p99 / max (ms)', `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p99} / ${result.latency.max}`],
  ['errors (non-2xx, timeouts, socket)', errors],
  ['alerts made', alerts.length],
  ['deliveries', local.notifier.deliveries.length],
  ['alerts not sent', notSent],
  ['deliveries lost', lost],
  ['deliveries duplicated', duplicated],
];
console.log('\n| measure | value |\n| --- | --- |');
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
if (errors > 0 || lost > 0 || duplicated > 0 || notSent > 0) {
  console.error('newsalert load: FAILED — errors, lost or duplicated alerts (see the table)');
  process.exitCode = 1;
}
