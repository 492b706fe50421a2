/** `npm start`: the service on this machine, on embedded defaults. */
import { parseHoldBand } from '../core/decide.js';
import { storyPolicyFrom } from '../core/story.js';
import { startLocal } from './local-app.js';

function fail(message: string): never {
  console.error(`newsalert: ${message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? '3000');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}"`);
const threshold = Number(process.env.NEWSALERT_ALERT_THRESHOLD ?? '3');
if (!Number.isInteger(threshold) || threshold < 1 || threshold > 9) fail('NEWSALERT_ALERT_THRESHOLD must be a whole number from 1 to 9');
let holdBand: { from: number; to: number } | undefined;
try {
  holdBand = process.env.NEWSALERT_HOLD_BAND ? parseHoldBand(process.env.NEWSALERT_HOLD_BAND) : undefined;
} catch (error) {
  fail(`NEWSALERT_HOLD_BAND: ${(error as Error).message}`);
}
let story: ReturnType<typeof storyPolicyFrom> | undefined;
try {
  story = storyPolicyFrom(process.env.NEWSALERT_STORY_WINDOW_MINUTES, process.env.NEWSALERT_STORY_THRESHOLD);
} catch (error) {
  fail((error as Error).message);
}
const budget = process.env.NEWSALERT_TOPIC_BUDGET === undefined ? undefined : Number(process.env.NEWSALERT_TOPIC_BUDGET);
if (budget !== undefined && (!Number.isInteger(budget) || budget < 1)) fail('NEWSALERT_TOPIC_BUDGET must be a whole number of alerts an hour, at least 1');
for (const name of ['NEWSALERT_EDITOR_KEY', 'NEWSALERT_APP_KEY', 'NEWSALERT_ADMIN_KEY']) {
  const value = process.env[name];
  if (value !== undefined && !/^[A-Za-z0-9._~+/=-]{16,200}$/.test(value)) fail(`${name} must be 16 to 200 characters of A-Z a-z 0-9 . _ ~ + / = -`);
}

const runtime = await startLocal({
  host: process.env.HOST ?? '127.0.0.1',
  port,
  ...(process.env.NEWSALERT_DATA && { dataDir: process.env.NEWSALERT_DATA }),
  ...(process.env.NEWSALERT_EDITOR_KEY && { editorKey: process.env.NEWSALERT_EDITOR_KEY }),
  ...(process.env.NEWSALERT_APP_KEY && { appKey: process.env.NEWSALERT_APP_KEY }),
  ...(process.env.NEWSALERT_ADMIN_KEY && { adminKey: process.env.NEWSALERT_ADMIN_KEY }),
  alertThreshold: threshold,
  ...(holdBand && { holdBand }),
  ...(budget !== undefined && { topicBudgetPerHour: budget }),
  story,
  print: (line) => console.log(line),
  logLevel: (process.env.LOG_LEVEL?.toUpperCase() as 'INFO' | undefined) ?? 'WARN',
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  fail(code === 'EADDRINUSE' ? `port ${port} is in use; set PORT to another` : error instanceof Error ? error.message : String(error));
});

console.log(`newsalert is running at ${runtime.url}
  editors' desk: ${runtime.url}/console/ (sign in with the editor key)
  alerting:    urgency ≤ ${threshold}${holdBand ? `, held for approval at urgency ${holdBand.from}–${holdBand.to}` : ''}${budget ? `, at most ${budget} an hour per topic below flash` : ''}
  data:        ${process.env.NEWSALERT_DATA ? `${process.env.NEWSALERT_DATA} (kept across restarts)` : 'in memory (set NEWSALERT_DATA=DIR to keep it)'}
  editor key:  ${runtime.keys.editor}${process.env.NEWSALERT_EDITOR_KEY ? ' (from NEWSALERT_EDITOR_KEY)' : ' (generated; set NEWSALERT_EDITOR_KEY to fix it)'}
  app key:     ${runtime.keys.app}${process.env.NEWSALERT_APP_KEY ? ' (from NEWSALERT_APP_KEY)' : ' (generated; set NEWSALERT_APP_KEY to fix it)'}
  admin key:   ${runtime.keys.admin}${process.env.NEWSALERT_ADMIN_KEY ? ' (from NEWSALERT_ADMIN_KEY)' : ' (generated; set NEWSALERT_ADMIN_KEY to fix it)'}
  alerts:      printed below as they are delivered; webhooks get a real POST; GET ${runtime.url}/local/deliveries lists them
Ctrl-C stops it.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nnewsalert: stopping…');
    await runtime.close();
    process.exit(0);
  });
}
