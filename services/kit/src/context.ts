import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Claims } from './auth/claims.js';
import type { TokenVerifier } from './auth/verifier.js';

export interface AuthState {
  claims: Claims | null;
  /** Why a presented token was rejected; surfaced as UNAUTHENTICATED when identity is needed. */
  error: string | null;
}

/**
 * Per-request DataLoaders, created on first use. One cache a request, so batching and
 * memoization never leak between callers.
 */
export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = make() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** A reference to a deleted record that an update kept (reported, not fatal). */
export interface KeptDeletedReference {
  typeName: string;
  id: string;
}

export interface RequestContext {
  auth: AuthState;
  db: DataSource;
  loaders: LoaderCache;
  /**
   * During an update: ids the stored record already names, which lookups may find among deleted
   * records (so a record naming a deleted partner can still be edited), and those found so.
   */
  write?: { kept: Set<string>; dangling: KeptDeletedReference[] };
  /** Aborted when the request's deadline passes or its caller hangs up: stop resolving. */
  signal?: AbortSignal;
}

export async function authenticate(verifier: TokenVerifier, header: string | undefined): Promise<AuthState> {
  if (!header) return { claims: null, error: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return { claims: null, error: 'Authorization header must be "Bearer <token>"' };
  try {
    return { claims: await verifier.verify(match[1]), error: null };
  } catch (err) {
    const reason = (err as Error).name === 'TokenExpiredError' ? 'token expired' : 'token invalid';
    return { claims: null, error: `Authentication failed: ${reason}` };
  }
}

export async function createContext(db: DataSource, verifier: TokenVerifier, header: string | undefined, signal?: AbortSignal): Promise<RequestContext> {
  return { auth: await authenticate(verifier, header), db, loaders: new LoaderCache(), signal };
}
