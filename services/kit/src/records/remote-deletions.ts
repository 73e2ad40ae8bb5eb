import type { DataSource, EntityManager } from 'typeorm';
import { loggableError, logger } from '../ops/log.js';
import { peerUrl } from './remote-references.js';

/**
 * A type of another subgraph whose deletions this one follows (the units 双报到 registrations
 * name): `{ sector: 'hospitals', typeName: 'Hospital', listName: 'hospitals' }`. The type must be
 * a directory (its list and ids are public), so the poll needs no token.
 */
export interface RemoteDeletionFeed {
  /** The owning subgraph (its URL is the one reference checks use). */
  sector: string;
  typeName: string;
  listName: string;
}

export interface FeedRound {
  /** Records found deleted (new or again) since the watermark. */
  deleted: number;
  /** Known deletions undone by a restore. */
  restored: number;
}

const PAGE_SIZE = 100;
const PAGE_TIMEOUT_MS = 10_000;
/** The first poll reads every deletion the owner still holds. */
const EPOCH = new Date(0);

interface Page {
  syncedAt: string;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; deletedAt?: string } }[];
}

interface FeedQuery {
  url: string;
  feed: RemoteDeletionFeed;
  /** Aborts the poll when the process stops. */
  signal?: AbortSignal;
}

async function fetchPage({ url, feed, signal }: FeedQuery, filter: 'updatedSince' | 'deletedSince', since: Date, after: string | null, first: number): Promise<Page> {
  const order = filter === 'updatedSince' ? ', orderBy: { field: UPDATED_AT }' : '';
  const query = `query($after: String, $since: DateTimeISO) { l: ${feed.listName}(first: ${first}, after: $after, ${filter}: $since${order}) {
    syncedAt pageInfo { hasNextPage endCursor } edges { node { id ${filter === 'deletedSince' ? 'deletedAt' : ''} } } } }`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { after, since: since.toISOString() } }),
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(PAGE_TIMEOUT_MS)]) : AbortSignal.timeout(PAGE_TIMEOUT_MS),
  });
  const body = (await res.json().catch(() => ({}))) as { data?: { l?: Page }; errors?: { message: string }[] };
  if (!body.data?.l) throw new Error(`${feed.listName}: ${body.errors?.[0]?.message ?? `HTTP ${res.status}`}`);
  return body.data.l;
}

/** Every page of one feed; `keep` filters each page's nodes (so memory holds what matters only). */
async function readFeed<T>(
  source: FeedQuery,
  filter: 'updatedSince' | 'deletedSince',
  since: Date,
  keep: (nodes: Page['edges'][number]['node'][]) => Promise<T[]> | T[],
  first = PAGE_SIZE,
): Promise<{ syncedAt: Date; kept: T[] }> {
  const kept: T[] = [];
  let after: string | null = null;
  let syncedAt: Date | null = null;
  for (;;) {
    const page: Page = await fetchPage(source, filter, since, after, first);
    syncedAt ??= new Date(page.syncedAt);
    kept.push(...(await keep(page.edges.map((e) => e.node))));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { syncedAt, kept };
    after = page.pageInfo.endCursor;
  }
}

/** Ids among `ids` this subgraph holds as deleted records of the type. */
async function knownDeleted(db: DataSource, typeName: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows: { record_id: string }[] = await db.query('SELECT record_id FROM remote_deletion WHERE type_name = $1 AND record_id = ANY($2::uuid[])', [typeName, ids]);
  return rows.map((r) => r.record_id);
}

/**
 * Writes one poll's outcome, unless another process (a second replica) moved the watermark
 * meanwhile: its poll saw the owner later than this one did, and this one's view would undo it.
 */
async function apply(em: EntityManager, typeName: string, since: Date | null, syncedAt: Date, restored: string[], deleted: { id: string; deletedAt: string }[]): Promise<FeedRound | null> {
  await em.query('INSERT INTO remote_deletion_sync (type_name) VALUES ($1) ON CONFLICT DO NOTHING', [typeName]);
  const [state] = (await em.query('SELECT synced_to FROM remote_deletion_sync WHERE type_name = $1 FOR UPDATE', [typeName])) as { synced_to: Date | null }[];
  if ((state.synced_to?.getTime() ?? null) !== (since?.getTime() ?? null)) return null;
  // Deletions first: marking a unit deleted locks its dependants' table before any statistics row
  // is touched. A record both restored and deleted again since `since` is deleted (the deletions
  // feed is read last).
  if (deleted.length) {
    // In id order, so two writers lock the same rows in the same order.
    const sorted = [...deleted].sort((a, b) => (a.id < b.id ? -1 : 1));
    await em.query(
      `INSERT INTO remote_deletion (type_name, record_id, deleted_at)
       SELECT $1, d.id, d.at FROM unnest($2::uuid[], $3::timestamptz[]) d(id, at)
       ON CONFLICT (type_name, record_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at WHERE remote_deletion.deleted_at <> EXCLUDED.deleted_at`,
      [typeName, sorted.map((d) => d.id), sorted.map((d) => d.deletedAt)],
    );
  }
  const stillDeleted = new Set(deleted.map((d) => d.id));
  const back = restored.filter((id) => !stillDeleted.has(id));
  const gone = back.length
    ? ((await em.query('DELETE FROM remote_deletion WHERE type_name = $1 AND record_id = ANY($2::uuid[]) RETURNING 1', [typeName, back])) as unknown[]).length
    : 0;
  await em.query('UPDATE remote_deletion_sync SET synced_to = $2, polled_at = now(), error = NULL WHERE type_name = $1', [typeName, syncedAt]);
  return { deleted: deleted.length, restored: gone };
}

/**
 * One poll of a type's owner, the integrators' sync recipe with only ids: live records changed
 * since the watermark `W` (a restore stamps `updatedAt`) that are held as deleted are restores;
 * then the deletions feed since `W`; the first page's `syncedAt` becomes the next `W`. A poll
 * that fails changes nothing, and the next one starts from the same `W`, so nothing is lost while
 * the owner is down. Returns null when the owner's address is unknown (a subgraph run alone).
 */
export async function pollRemoteDeletions(db: DataSource, feed: RemoteDeletionFeed, signal?: AbortSignal): Promise<FeedRound | null> {
  const url = peerUrl(feed.sector);
  if (!url) return null;
  const source: FeedQuery = { url, feed, signal };
  const [state] = (await db.query('SELECT synced_to FROM remote_deletion_sync WHERE type_name = $1', [feed.typeName])) as { synced_to: Date | null }[];
  const since = state?.synced_to ?? null;
  // Before the first poll nothing is held as deleted: only the watermark is read.
  const changes = await readFeed(source, 'updatedSince', since ?? EPOCH, (nodes) => knownDeleted(db, feed.typeName, nodes.map((n) => n.id)), since ? PAGE_SIZE : 0);
  const deletions = await readFeed(source, 'deletedSince', since ?? EPOCH, (nodes) => nodes.map((n) => ({ id: n.id, deletedAt: n.deletedAt ?? new Date().toISOString() })));
  return db.transaction((em) => apply(em, feed.typeName, since, changes.syncedAt, changes.kept, deletions.kept));
}

/** Why a poll failed, in a line: fetch's own message ("fetch failed") hides the cause (ECONNREFUSED…). */
function reason(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return [e.message ?? String(err), e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
}

async function recordFailure(db: DataSource, typeName: string, err: unknown): Promise<void> {
  await db.query(
    `INSERT INTO remote_deletion_sync (type_name, polled_at, error) VALUES ($1, now(), $2)
     ON CONFLICT (type_name) DO UPDATE SET polled_at = now(), error = EXCLUDED.error`,
    [typeName, reason(err)],
  );
}

export interface DeletionFollower {
  /** Stops polling, aborting a poll under way. */
  stop(): Promise<void>;
}

/**
 * Polls each feed every `intervalMs` (the first time one second after start). A failing owner
 * is logged as a warning and retried at the next interval; the process never stops for it.
 */
export function followRemoteDeletions(db: DataSource, feeds: RemoteDeletionFeed[], intervalMs: number): DeletionFollower {
  const log = logger();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const stopping = new AbortController();
  const pollAll = async () => {
    for (const feed of feeds) {
      if (stopped) return;
      try {
        const round = await pollRemoteDeletions(db, feed, stopping.signal);
        if (round && (round.deleted || round.restored)) log.info({ type: feed.typeName, ...round }, `deletions of ${feed.typeName} from ${feed.sector} applied`);
      } catch (err) {
        if (stopped) return;
        log.warn({ type: feed.typeName, sector: feed.sector, reason: reason(err), err: loggableError(err) }, `could not poll ${feed.sector} for deleted ${feed.typeName} records; retrying in ${intervalMs} ms`);
        await recordFailure(db, feed.typeName, err).catch(() => {});
      }
    }
  };
  const run = (): Promise<void> => (running = running.then(pollAll));
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run().finally(() => schedule(intervalMs)), ms);
    timer.unref();
  };
  schedule(Math.min(1_000, intervalMs));
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      stopping.abort();
      await running;
    },
  };
}
