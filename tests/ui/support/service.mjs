// Starts the real `archive-forecast serve` on a free loopback port over a model trained into a temp store, and stops
// it by PID. UI_BASE_URL + UI_FUNCTION_KEY point the tests at a server that is already running instead.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const configuration = process.env.UI_CONFIGURATION || 'Release';
const cliDll = path.join(repoRoot, 'Cli', 'bin', configuration, 'net10.0', 'archive-forecast.dll');
const dotnetEnv = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };

function run(command, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: repoRoot, env: dotnetEnv, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const how = error.killed ? `timed out after ${timeoutMs} ms` : `exited with ${error.code}`;
          reject(new Error(`${command} ${args.join(' ')} ${how}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        } else {
          resolve(stdout);
        }
      });
  });
}

let built = false;

async function buildCli() {
  if (built || process.env.UI_SKIP_BUILD === '1') return;
  await run('dotnet', ['build', 'Cli', '-c', configuration, '-nologo', '-v:q', '-clp:ErrorsOnly'], 10 * 60_000);
  built = true;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(baseUrl, child, output, { expectModel, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`archive-forecast serve exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output.text}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (expectModel ? response.status === 200 : response.status === 503) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`archive-forecast serve did not answer /api/health as expected within ${timeoutMs} ms:\n${output.text}`);
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try { process.kill(child.pid, 'SIGTERM'); } catch { /* already gone */ }
  });
}

const running = new Set();
process.once('exit', () => {
  for (const child of running) {
    try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

/** Starts `archive-forecast serve`; with `trained: false` its store is empty, so it serves no model. */
export async function startService({ trained = true } = {}) {
  if (process.env.UI_BASE_URL && trained) {
    return { baseUrl: process.env.UI_BASE_URL.replace(/\/$/, ''), key: process.env.UI_FUNCTION_KEY || '', stop: async () => {} };
  }
  await buildCli();
  const work = await mkdtemp(path.join(os.tmpdir(), 'archive-forecast-ui-'));
  const store = path.join(work, 'models');
  try {
    if (trained) {
      const data = path.join(work, 'training.csv');
      await run('dotnet', [cliDll, 'generate', '--rows', '600', '--seed', '11', '--out', data], 2 * 60_000);
      await run('dotnet', [cliDll, 'train', '--data', data, '--store', store], 5 * 60_000);
    } else {
      // An empty store that exists: serve refuses a store folder that is not there (a mistyped --store).
      await mkdir(store, { recursive: true });
    }
    const port = await freePort();
    const key = randomBytes(24).toString('base64url');
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn('dotnet', [cliDll, 'serve', '--port', String(port), '--store', store], {
      cwd: work,
      env: { ...dotnetEnv, Auth__FunctionKeys__0: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    const output = { text: '' };
    const keep = (chunk) => { output.text = (output.text + chunk).slice(-16_000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const stop = async () => {
      await stopChild(child);
      await rm(work, { recursive: true, force: true });
    };
    try {
      await waitForHealth(baseUrl, child, output, { expectModel: trained, timeoutMs: 90_000 });
    } catch (error) {
      await stop();
      throw error;
    }
    return { baseUrl, key, stop, output };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
