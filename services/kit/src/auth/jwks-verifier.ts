import { createRemoteJWKSet, jwtVerify } from 'jose';
import { type Claims, parseClaims } from './claims.js';
import type { TokenVerifier } from './verifier.js';

/**
 * Verifies tokens against an identity provider's published keys (JWT_JWKS_URL), fetched and
 * cached by `jose`, so keys can rotate without restarting the subgraphs.
 */
export class JwksVerifier implements TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    url: string,
    private readonly issuer?: string,
  ) {
    this.keys = createRemoteJWKSet(new URL(url));
  }

  async verify(token: string): Promise<Claims> {
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.issuer, algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'] });
      return parseClaims(payload);
    } catch (err) {
      // jose names an expired token ERR_JWT_EXPIRED; the context reports "token expired" by this name.
      if ((err as { code?: string }).code === 'ERR_JWT_EXPIRED') throw Object.assign(new Error('token expired'), { name: 'TokenExpiredError' });
      throw err;
    }
  }
}
