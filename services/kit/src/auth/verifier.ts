import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createPublicKey, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import jwt, { type Algorithm } from 'jsonwebtoken';
import { isProduction } from '../config.js';
import { dataDir } from '../paths.js';
import { type Claims, parseClaims } from './claims.js';
import { JwksVerifier } from './jwks-verifier.js';

/**
 * Turns a bearer token into claims. One interface so the key can move from a shared HS256
 * secret to RS256 (a PEM public key today, a JWKS fetcher tomorrow) without touching callers.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Claims>;
}

export class KeyVerifier implements TokenVerifier {
  /**
   * The key parsed once. Given a string, jsonwebtoken first tries it as a PEM public key on every
   * call, and for an HS256 secret that attempt throws: about 1 ms of every authenticated request.
   */
  private readonly key: KeyObject;

  constructor(
    key: string | Buffer,
    private readonly algorithms: Algorithm[],
    private readonly issuer?: string,
  ) {
    this.key = algorithms.every((a) => a.startsWith('HS')) ? createSecretKey(Buffer.from(key)) : createPublicKey(key);
  }

  async verify(token: string): Promise<Claims> {
    const payload = jwt.verify(token, this.key, { algorithms: this.algorithms, issuer: this.issuer });
    return parseClaims(payload);
  }
}

export const devSecretFile = (): string => join(dataDir(), 'dev-jwt-secret');

/**
 * The HS256 secret: JWT_SECRET, or in development a generated one kept in .data/ so tokens
 * minted with `npm run token` keep working across restarts. Production refuses to guess.
 */
export function resolveJwtSecret(): { secret: string; generated: boolean } {
  if (process.env.JWT_SECRET) return { secret: process.env.JWT_SECRET, generated: false };
  if (isProduction()) throw new Error('JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL must be set when NODE_ENV=production');
  const file = devSecretFile();
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return { secret, generated: true };
}

/** The identity provider's keys when JWT_JWKS_URL is set, RS256 when JWT_PUBLIC_KEY is, otherwise HS256 with the resolved secret. */
export function verifierFromEnv(): TokenVerifier {
  const issuer = process.env.JWT_ISSUER || undefined;
  if (process.env.JWT_JWKS_URL) return new JwksVerifier(process.env.JWT_JWKS_URL, issuer);
  if (process.env.JWT_PUBLIC_KEY) return new KeyVerifier(process.env.JWT_PUBLIC_KEY, ['RS256'], issuer);
  return new KeyVerifier(resolveJwtSecret().secret, ['HS256'], issuer);
}

/** Signs a token with the HS256 secret (the token CLI and tests use it). */
export function mintToken(claims: Claims, secret: string, expiresIn: jwt.SignOptions['expiresIn'] = '12h'): string {
  const { sub, ...rest } = claims;
  return jwt.sign(rest, secret, { algorithm: 'HS256', expiresIn, ...(sub ? { subject: sub } : {}) });
}
