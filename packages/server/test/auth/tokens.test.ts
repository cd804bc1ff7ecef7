import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVerifiedTokens } from '../../src/auth/verified-tokens.js';
import { createTokenService } from '../../src/index.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const tokens = createTokenService(SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** A token signed by hand, to build the ones the service must refuse. */
function handMade(header: object, payload: object, secret = SECRET): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part(header)}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('HS256 bearer tokens', () => {
  it('issues a JWT naming the customer, with iat and an exp an hour later', () => {
    const { access_token, expires_in } = tokens.issue(1);
    const { header, payload } = jwt.decode(access_token, { complete: true }) as jwt.Jwt & { payload: jwt.JwtPayload };
    expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ sub: '1' });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(expires_in).toBe(3600);
    expect(tokens.verify(access_token)).toBe(1);
  });

  it.each([
    ['an expired token', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now() - 7200, exp: now() - 3600 })],
    ['a token signed with another key', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now(), exp: now() + 60 }, 'another-secret')],
    ['an unsigned token (alg: none)', () => jwt.sign({ sub: '1' }, '', { algorithm: 'none' })],
    ['alg: none with our signature kept', () => handMade({ alg: 'none', typ: 'JWT' }, { sub: '1', iat: now(), exp: now() + 60 })],
    ['another HMAC algorithm', () => jwt.sign({ sub: '1' }, SECRET, { algorithm: 'HS512', expiresIn: 60 })],
    ['a token without exp', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now() })],
    ['a token without sub', () => handMade({ alg: 'HS256', typ: 'JWT' }, { iat: now(), exp: now() + 60 })],
    ['a sub that is not a customer id', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1 OR 1=1', iat: now(), exp: now() + 60 })],
    ['a changed payload', () => tokens.issue(1).access_token.replace(/\.[^.]+\./, `.${Buffer.from('{"sub":"2","exp":9999999999}').toString('base64url')}.`)],
    ['not a JWT at all', () => 'token-1'],
  ])('refuses %s', (_name, token) => {
    expect(tokens.verify(token())).toBeUndefined();
  });

  // The server issues `sub` as a decimal string, `iat` as now and `exp` one lifetime later: anything else was
  // not issued by it, however it was signed.
  it.each([
    ['a sub that is a number', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: 1, iat: now(), exp: now() + 60 })],
    ['a sub that is an array', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: ['1'], iat: now(), exp: now() + 60 })],
    ['a sub with a leading zero', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '01', iat: now(), exp: now() + 60 })],
    ['an exp ten years ahead', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now(), exp: now() + 10 * 365 * 86_400 })],
    ['an exp beyond iat plus the lifetime', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now() - 10, exp: now() + 3591 })],
    ['an iat in the future', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now() + 600, exp: now() + 660 })],
    ['no iat', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', exp: now() + 60 })],
    ['an iat that is a string', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: String(now()), exp: now() + 60 })],
    ['an exp that is not a whole number', () => handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now(), exp: now() + 60.5 })],
  ])('refuses a token it never issues: %s', (_name, token) => {
    expect(tokens.verify(token())).toBeUndefined();
  });

  it("accepts a token whose iat is a few seconds ahead, as another process's clock may be", () => {
    const ahead = handMade({ alg: 'HS256', typ: 'JWT' }, { sub: '4', iat: now() + 5, exp: now() + 5 + 3600 });
    expect(tokens.verify(ahead)).toBe(4);
  });

  it('accepts a token signed with the same key by another process', () => {
    expect(createTokenService(SECRET).verify(tokens.issue(2).access_token)).toBe(2);
  });

  describe('a token verified once', () => {
    afterEach(() => void vi.useRealTimers());

    it('is refused once its exp has passed, though it verified before', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const shortLived = createTokenService(SECRET, 60);
      const { access_token } = shortLived.issue(3);
      expect(shortLived.verify(access_token)).toBe(3);
      vi.setSystemTime(Date.now() + 59_000);
      expect(shortLived.verify(access_token)).toBe(3);
      vi.setSystemTime(Date.now() + 1_000);
      expect(shortLived.verify(access_token)).toBeUndefined();
    });

    it('does not make a token with a changed signature pass', () => {
      const { access_token } = tokens.issue(1);
      expect(tokens.verify(access_token)).toBe(1);
      // A character in the middle of the signature: the last one also carries padding bits.
      const at = access_token.length - 10;
      const forged = `${access_token.slice(0, at)}${access_token[at] === 'A' ? 'B' : 'A'}${access_token.slice(at + 1)}`;
      expect(tokens.verify(forged)).toBeUndefined();
    });
  });
});

describe('the memo of verified tokens', () => {
  it('forgets the oldest token when full, so it cannot grow without bound', () => {
    const memo = createVerifiedTokens(2);
    memo.remember('a', { customerId: 1, exp: 100 });
    memo.remember('b', { customerId: 2, exp: 100 });
    memo.remember('c', { customerId: 3, exp: 100 });
    expect([memo.get('a', 0), memo.get('b', 0), memo.get('c', 0)]).toEqual([undefined, 2, 3]);
  });

  it('treats a token as expired from the second its exp names, as jsonwebtoken does', () => {
    const memo = createVerifiedTokens();
    memo.remember('a', { customerId: 1, exp: 100 });
    expect(memo.get('a', 99)).toBe(1);
    expect(memo.get('a', 100)).toBeUndefined();
  });
});
