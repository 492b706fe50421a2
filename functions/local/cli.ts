/** `npx newsalert`: the service's own pipeline steps from the command line. */
import { Command, CommanderError, Option } from 'commander';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { bearerKeyRecord, generateKey } from '../api/auth.js';
import type { Role } from '../core/types.js';
import { localDynamoClient } from './embedded-dynamo.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { prepareArticle } from '../core/article.js';
import { articleFromJson, articleFromPlainText } from '../core/article-text.js';
import { EmbeddedClassifier } from '../core/classify/embedded-classifier.js';
import type { ArticleInput } from '../core/types.js';

interface Io {
  stdin: NodeJS.ReadableStream;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What `classify` prints per article: exactly the service's classification, with the article id. */
export function classifyLine(classifier: EmbeddedClassifier, input: ArticleInput): string {
  const { article } = prepareArticle(input);
  const c = classifier.classify(article);
  return JSON.stringify({ id: article.id, urgency: c.urgency, wire: c.wire, topics: c.topics, places: c.places, reasons: c.reasons });
}

/**
 * Reads one source: a JSON article, a JSON array of articles, JSON Lines, or plain text.
 * JSON Lines stream line by line, so a large file never sits in memory.
 */
async function* articlesIn(source: NodeJS.ReadableStream, name: string): AsyncGenerator<ArticleInput | { error: string }> {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  const buffered: string[] = [];
  let mode: 'undecided' | 'jsonl' | 'whole' = 'undecided';
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (mode === 'jsonl') {
      if (line.trim() === '') continue;
      yield parseJsonLine(line, `${name}:${lineNo}`);
      continue;
    }
    buffered.push(line);
    if (mode === 'undecided' && line.trim() !== '') {
      // A first line that is a whole JSON object means JSON Lines.
      mode = isJsonObject(line) ? 'jsonl' : 'whole';
      if (mode === 'jsonl') {
        buffered.length = 0;
        yield parseJsonLine(line, `${name}:${lineNo}`);
      }
    }
  }
  if (mode !== 'whole') return;
  const text = buffered.join('\n');
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      yield { error: `${name}: looks like JSON but does not parse` };
      return;
    }
    for (const [i, item] of (Array.isArray(parsed) ? parsed : [parsed]).entries()) {
      const article = articleFromJson(item);
      yield typeof article === 'string' ? { error: `${name}${Array.isArray(parsed) ? `[${i}]` : ''}: ${article}` } : article;
    }
    return;
  }
  const article = articleFromPlainText(text);
  yield article.headline ? article : { error: `${name}: no text` };
}

function isJsonObject(line: string): boolean {
  const t = line.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

function parseJsonLine(line: string, where: string): ArticleInput | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: `${where}: not valid JSON` };
  }
  const article = articleFromJson(value);
  return typeof article === 'string' ? { error: `${where}: ${article}` } : article;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('newsalert')
    .description('newsalert from the command line: the same pipeline steps the service runs.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('classify')
    .description(
      'Classify articles exactly as the service does and print one JSON line per article:\n' +
        '{ id, urgency (IPTC 1-9), wire (flash|bulletin|urgent|routine), topics, places, reasons }.',
    )
    .argument('<files...>', 'files to read, or - for standard input')
    .addHelpText(
      'after',
      '\nEach file may hold plain text (first line = headline), a JSON article or array of articles,\n' +
        'or JSON Lines of articles. Articles take newsalert\'s fields (headline, body or bodyHtml, id, url, …)\n' +
        'or IPTC ninjs (headline, body_text or body_html, uri); other fields are ignored.\n' +
        'Unreadable items are reported on stderr, one line each, and the exit code is 1.\n\n' +
        'Examples:\n  npx newsalert classify story.txt\n  npx newsalert classify - < articles.jsonl',
    )
    .action(async (files: string[]) => {
      const classifier = new EmbeddedClassifier();
      for (const file of files) {
        let source: NodeJS.ReadableStream;
        if (file === '-') source = io.stdin;
        else {
          const stream = createReadStream(file);
          const opened = await new Promise<Error | undefined>((resolve) => {
            stream.once('open', () => resolve(undefined));
            stream.once('error', resolve);
          });
          if (opened) {
            io.err(`newsalert: cannot read ${file}: ${(opened as NodeJS.ErrnoException).code ?? opened.message}`);
            exitCode = 1;
            continue;
          }
          source = stream;
        }
        for await (const item of articlesIn(source, file === '-' ? 'stdin' : file)) {
          if ('error' in item) {
            io.err(`newsalert: ${item.error}`);
            exitCode = 1;
          } else io.out(classifyLine(classifier, item));
        }
      }
    });

  const keys = program.command('keys').description('Manage API keys of a deployed stack (uses your AWS credentials).');
  keys
    .command('create')
    .description('Create an API key, store its hash in the table, and print the key once.')
    .addOption(
      new Option('--role <role>', 'viewer (reads), editor (articles and alerts), admin (also manages keys) or app (subscriptions)')
        .choices(['viewer', 'editor', 'admin', 'app'])
        .makeOptionMandatory(),
    )
    .requiredOption('--table <name>', 'the table name (stack output TableName)')
    .option('--label <label>', 'who or what holds the key', 'cli')
    .option('--region <region>', 'AWS region (default: your AWS configuration)')
    .option('--endpoint <url>', 'a DynamoDB endpoint other than AWS, e.g. a local one')
    .action(async (options: { role: Role; table: string; label: string; region?: string; endpoint?: string }) => {
      const client = options.endpoint
        ? localDynamoClient(options.endpoint)
        : new DynamoDBClient(options.region ? { region: options.region } : {});
      try {
        const key = generateKey(options.role);
        const { hash, record } = bearerKeyRecord(key, options.role, options.label, new Date());
        await new DynamoStore({ client, tableName: options.table }).putApiKey(hash, record);
        io.out(key);
      } catch (error) {
        io.err(`newsalert: could not store the key: ${error instanceof Error ? error.message : String(error)}`);
        exitCode = 1;
      } finally {
        client.destroy();
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return exitCode;
}
