import { type ChildProcess, fork } from 'node:child_process';
import { type SubgraphInfo, subgraphMain } from '../subgraphs.js';

export interface SubgraphProcess {
  name: string;
  url: string;
  /** OS process id of the running subgraph (changes on restart); for measuring its memory. */
  readonly pid: number | undefined;
  /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** Starts it again on the same port, so the gateway finds it where it was. */
  restart(): Promise<void>;
  /** Tells it the other subgraphs' URLs (for checking references to their records); kept across restarts. */
  tellPeers(urls: Record<string, string>): void;
}

export interface SpawnOptions {
  databaseUrl: string;
  port: number;
  env: Record<string, string>;
  log: (line: string) => void;
}

/** Runs one subgraph as its own Node process, as it would be deployed, and waits until it serves. */
export async function spawnSubgraph(info: SubgraphInfo, opts: SpawnOptions): Promise<SubgraphProcess> {
  let port = opts.port;
  let child = await launch(info, { ...opts, port });
  let peers: Record<string, string> | null = null;
  const url = child.url;
  port = Number(new URL(url).port);
  const handle: SubgraphProcess = {
    name: info.name,
    url,
    get pid() {
      return child.process.pid;
    },
    stop: () => terminate(child.process),
    restart: async () => {
      await terminate(child.process);
      child = await launch(info, { ...opts, port });
      if (peers) child.process.send({ type: 'peers', urls: peers });
    },
    tellPeers: (urls) => {
      peers = urls;
      child.process.send({ type: 'peers', urls });
    },
  };
  return handle;
}

async function launch(info: SubgraphInfo, opts: SpawnOptions): Promise<{ process: ChildProcess; url: string }> {
  const prefix = info.name.toUpperCase();
  const child = fork(subgraphMain(info), [], {
    env: {
      ...process.env,
      ...opts.env,
      [`${prefix}_DATABASE_URL`]: opts.databaseUrl,
      [`${prefix}_PORT`]: String(opts.port),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const tail: string[] = [];
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      opts.log(`[${info.name}] ${line}`);
    }
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (msg: { type?: string; url?: string }) => (msg.type === 'ready' && msg.url ? resolve(msg.url) : reject(new Error(`unexpected message from ${info.name}`))));
    child.once('exit', (code) => reject(new Error(`${info.name} subgraph exited (${code}) before serving:\n${tail.join('\n')}`)));
  });
  return { process: child, url };
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
