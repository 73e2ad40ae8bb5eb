import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticate, canWrite, KeyVerifier, maskName, maskPhone, mintToken, parseClaims, resolveJwtSecret, verifierFromEnv } from '@pb/kit';
import jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';

const SECRET = 'unit-test-secret';
const hs = new KeyVerifier(SECRET, ['HS256']);

describe('tokens and claims', () => {
  test('a minted HS256 token verifies to its claims, with region prefixes normalized', async () => {
    const t = mintToken({ role: 'EDITOR', sectors: ['hospitals'], regions: ['610500'] }, SECRET);
    await expect(hs.verify(t)).resolves.toEqual({ sub: undefined, role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] });
  });

  test('the verifying key is swappable: an RS256 verifier accepts RS256 tokens and refuses HS256 ones', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs = new KeyVerifier(publicKey.export({ type: 'spki', format: 'pem' }), ['RS256']);
    const signed = jwt.sign({ role: 'ADMIN' }, privateKey, { algorithm: 'RS256' });
    await expect(rs.verify(signed)).resolves.toMatchObject({ role: 'ADMIN' });
    await expect(rs.verify(mintToken({ role: 'ADMIN', sectors: [], regions: [] }, SECRET))).rejects.toThrow();
  });

  test('bad tokens leave the caller unauthenticated, with a reason and no claims', async () => {
    expect(await authenticate(hs, undefined)).toEqual({ claims: null, error: null });
    expect((await authenticate(hs, 'Basic abc')).error).toMatch(/Bearer/);
    expect((await authenticate(hs, 'Bearer x.y.z')).error).toBe('Authentication failed: token invalid');
    const expired = jwt.sign({ role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET);
    expect((await authenticate(hs, `Bearer ${expired}`)).error).toBe('Authentication failed: token expired');
    const wrongKey = mintToken({ role: 'ADMIN', sectors: [], regions: [] }, 'another-secret');
    expect((await authenticate(hs, `Bearer ${wrongKey}`)).claims).toBeNull();
  });

  test('claims must have a known role and well-formed regions', () => {
    expect(() => parseClaims({ role: 'ROOT' })).toThrow(/role/);
    expect(() => parseClaims({ role: 'EDITOR', regions: ['61x'] })).toThrow(/regions/);
    expect(() => parseClaims({ role: 'EDITOR', sectors: 'hospitals' })).toThrow(/sectors/);
  });

  test('write access: ADMIN anywhere, EDITOR in its sectors and regions only', () => {
    const editor = { role: 'EDITOR' as const, sectors: ['hospitals'], regions: ['6105'] };
    expect(canWrite(editor, 'hospitals', '610581')).toBe(true);
    expect(canWrite(editor, 'hospitals', '610724')).toBe(false);
    expect(canWrite(editor, 'schools', '610581')).toBe(false);
    expect(canWrite({ role: 'VIEWER', sectors: ['hospitals'], regions: ['61'] }, 'hospitals', '610581')).toBe(false);
    expect(canWrite({ role: 'ADMIN', sectors: [], regions: [] }, 'soes', '1407')).toBe(true);
    expect(canWrite(null, 'hospitals', '610581')).toBe(false);
  });
});

describe('masking personal data', () => {
  test('phones keep the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
  test('names keep the family name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('李')).toBe('*');
  });
});

describe('the signing secret', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('production refuses to run without a configured secret', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;
    delete process.env.JWT_PUBLIC_KEY;
    expect(() => resolveJwtSecret()).toThrow(/JWT_SECRET/);
    expect(() => verifierFromEnv()).toThrow(/JWT_SECRET/);
  });

  test('development generates one secret and keeps it', () => {
    process.env.NODE_ENV = 'development';
    delete process.env.JWT_SECRET;
    process.env.PB_DATA_DIR = mkdtempSync(join(tmpdir(), 'pb-secret-'));
    const first = resolveJwtSecret();
    const second = resolveJwtSecret();
    expect(first.generated).toBe(true);
    expect(second).toEqual({ secret: first.secret, generated: false });
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
  });
});
