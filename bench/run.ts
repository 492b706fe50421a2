/**
 * `npm run bench [-- --json] [--runs N] [--only latency,cold,classify,fanout]`: the figures
 * that show newsalert is fast. Medians over several runs with their spread; never a
 * single run. Benchmarks print; they never fail the build.
 */
import { Command, Option } from 'commander';
import { cpus } from 'node:os';
import { measureArticleLatency, type LatencyRun } from './article-latency.js';
import { classificationThroughput, classifierLoadMs } from './classification.js';
import { coldStarts } from './cold-start.js';
import { fanOut } from './fan-out.js';
import { acrossRuns, fmt } from './stats.js';

const SECTIONS = ['latency', 'cold', 'classify', 'fanout'] as const;
const program = new Command()
  .name('npm run bench --')
  .description('Measures article-to-alert latency, cold starts, classification throughput and fan-out planning.')
  .option('--json', 'print JSON instead of tables')
  .option('--runs <n>', 'runs per measure (medians are taken over them)', (v) => Number.parseInt(v, 10), 3)
  .option('--articles <n>', 'articles per latency run', (v) => Number.parseInt(v, 10), 1_000)
  .addOption(new Option('--only <sections>', 'comma-separated subset').default(SECTIONS.join(',')))
  .parse(process.argv.slice(2), { from: 'user' });
const options = program.opts<{ json?: boolean; runs: number; articles: number; only: string }>();
const only = new Set(options.only.split(','));
for (const section of only) {
  if (!(SECTIONS as readonly string[]).includes(section)) {
    console.error(`newsalert bench: unknown section "${section}"; choose from ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
if (!Number.isInteger(options.runs) || options.runs < 1) {
  console.error('newsalert bench: --runs must be a whole number of at least 1');
  process.exit(2);
}

const say = (line: string) => {
  if (!options.json) console.log(line);
};
const progress = (line: string) => process.stderr.write(`… ${line}\n`);
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, date: new Date().toISOString() },
};

if (only.has('latency')) {
  const byConcurrency: Record<number, LatencyRun[]> = {};
  for (const concurrency of [1, 16]) {
    for (let run = 0; run < options.runs; run++) {
      progress(`article → alert, ${concurrency} editor(s), run ${run + 1}/${options.runs}`);
      (byConcurrency[concurrency] ??= []).push(await measureArticleLatency({ concurrency, articles: options.articles, runTag: `c${concurrency}r${run}` }));
    }
  }
  const table = Object.entries(byConcurrency).map(([concurrency, runs]) => ({
    concurrency: Number(concurrency),
    articlesPerRun: runs[0]!.articles,
    pipelineP50: acrossRuns(runs.map((r) => r.pipeline.p50)),
    pipelineP95: acrossRuns(runs.map((r) => r.pipeline.p95)),
    pipelineP99: acrossRuns(runs.map((r) => r.pipeline.p99)),
    floorP50: acrossRuns(runs.map((r) => r.floor.p50)),
    floorP99: acrossRuns(runs.map((r) => r.floor.p99)),
    ratioP50: acrossRuns(runs.map((r) => r.pipeline.p50 / r.floor.p50)),
    ratioP99: acrossRuns(runs.map((r) => r.pipeline.p99 / r.floor.p99)),
    storeCallsPerArticle: runs[0]!.storeCallsPerArticle,
    publishCallsPerArticle: runs[0]!.publishCallsPerArticle,
    peakRssMb: acrossRuns(runs.map((r) => r.peakRssMb)),
  }));
  results.latency = table;
  say('\n## 1-2. Article → alert latency (ms, POST received → notifier publish), and the floor beside it');
  say('median of runs [min–max]; floor = bare HTTP handler + as many dynalite writes as the pipeline makes store calls');
  say('editors | articles | p50 | p95 | p99 | floor p50 | floor p99 | pipeline/floor p50 | p99 | store calls | publishes | peak RSS MB');
  for (const row of table) {
    const r = (x: { median: number; min: number; max: number }) => `${fmt(x.median)} [${fmt(x.min)}–${fmt(x.max)}]`;
    say(`${row.concurrency} | ${row.articlesPerRun} | ${r(row.pipelineP50)} | ${r(row.pipelineP95)} | ${r(row.pipelineP99)} | ${fmt(row.floorP50.median)} | ${fmt(row.floorP99.median)} | ${fmt(row.ratioP50.median)} | ${fmt(row.ratioP99.median)} | ${fmt(row.storeCallsPerArticle, 1)} | ${fmt(row.publishCallsPerArticle, 1)} | ${fmt(row.peakRssMb.median, 0)}`);
  }
}

if (only.has('cold')) {
  progress('cold starts: cdk synth, then 20 fresh processes per bundle');
  const figures = await coldStarts(20);
  results.coldStart = figures;
  say('\n## 3. Cold start per Lambda bundle (fresh Node process: import + first event, median of 20 [min–max])');
  say('function | minified KB | gzipped KB | import ms | first event ms | first answer');
  for (const f of figures) {
    say(`${f.function} | ${fmt(f.minifiedKb, 0)} | ${fmt(f.gzippedKb, 0)} | ${fmt(f.importMs.median, 1)} [${fmt(f.importMs.min, 1)}–${fmt(f.importMs.max, 1)}] | ${fmt(f.firstEventMs.median, 1)} [${fmt(f.firstEventMs.min, 1)}–${fmt(f.firstEventMs.max, 1)}] | ${f.status}`);
  }
}

if (only.has('classify')) {
  const throughputs = [];
  const loads = [];
  for (let run = 0; run < Math.max(options.runs, 3); run++) {
    progress(`classification, run ${run + 1}`);
    throughputs.push(classificationThroughput());
    loads.push(classifierLoadMs());
  }
  const figures = {
    agItemsPerSecond: acrossRuns(throughputs.map((t) => t.agPerSecond)),
    seedArticlesPerSecond: acrossRuns(throughputs.map((t) => t.seedPerSecond)),
    loadMs: acrossRuns(loads),
  };
  results.classification = figures;
  say('\n## 4. Classification on one core (median of runs [min–max])');
  say(`AG-length items/s | ${fmt(figures.agItemsPerSecond.median, 0)} [${fmt(figures.agItemsPerSecond.min, 0)}–${fmt(figures.agItemsPerSecond.max, 0)}]`);
  say(`seed-length articles/s | ${fmt(figures.seedArticlesPerSecond.median, 0)} [${fmt(figures.seedArticlesPerSecond.min, 0)}–${fmt(figures.seedArticlesPerSecond.max, 0)}]`);
  say(`classifier load (fresh process) ms | ${fmt(figures.loadMs.median, 1)} [${fmt(figures.loadMs.min, 1)}–${fmt(figures.loadMs.max, 1)}]`);
}

if (only.has('fanout')) {
  progress('fan-out planning over 5,000 segments');
  const rows = fanOut();
  results.fanOut = rows;
  say('\n## 5. Fan-out planning: one alert against 5,000 segments holding 1,000,000 subscribers (median of 200 matches)');
  say('alert | match ms | publish calls (= matching segments) | subscribers reached');
  for (const row of rows) say(`${row.alert} | ${fmt(row.matchMs, 3)} | ${row.publishCalls} | ${row.subscribersReached}`);
}

if (options.json) console.log(JSON.stringify(results, null, 2));
else say(`\nmachine: ${(results.machine as { cpus: number }).cpus} cores, ${(results.machine as { model?: string }).model}, Node ${process.version}`);
