/**
 * `npm run test:ddb-local`: the store's integration suites against Amazon's DynamoDB Local,
 * so the adapter is not tuned to dynalite's quirks. DynamoDB Local ships as a jar inside the
 * npm package amplify-dynamodb-simulator; it is installed on first use into .ddb-local/
 * (about 350 MB, so not a dependency of the project) and run with the machine's Java 17+.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PREFIX = `${ROOT}.ddb-local`;
const EMULATOR = `${PREFIX}/node_modules/amplify-dynamodb-simulator/emulator`;
const SUITES = ['test/adapters/dynamo-store.test.ts', 'test/core/publish-alert.test.ts', 'test/core/fan-out.test.ts', 'test/robustness/fault-injection.test.ts'];

function fail(message: string): never {
  console.error(`newsalert test:ddb-local: ${message}`);
  process.exit(1);
}

try {
  execFileSync('java', ['-version'], { stdio: 'ignore' });
} catch {
  fail('needs Java 17 or later on the PATH (Debian: apt-get install openjdk-17-jre-headless)');
}
if (!existsSync(`${EMULATOR}/DynamoDBLocal.jar`)) {
  console.log('installing amplify-dynamodb-simulator (DynamoDB Local) into .ddb-local/ …');
  execFileSync('npm', ['install', '--prefix', PREFIX, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', 'amplify-dynamodb-simulator@2.9.30'], { stdio: 'inherit' });
}

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const java = spawn('java', ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', '-inMemory', '-port', String(port)], { cwd: EMULATOR, stdio: 'ignore' });
const stop = () => java.kill('SIGTERM');
process.on('exit', stop);

const endpoint = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    await fetch(endpoint);
    break;
  } catch {
    if (i > 100) fail('DynamoDB Local did not start within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
console.log(`DynamoDB Local on ${endpoint}; running ${SUITES.join(', ')}`);
try {
  execFileSync('npx', ['vitest', 'run', ...SUITES], { stdio: 'inherit', cwd: ROOT, env: { ...process.env, NEWSALERT_TEST_DYNAMO_ENDPOINT: endpoint } });
} catch {
  process.exitCode = 1;
} finally {
  stop();
}
