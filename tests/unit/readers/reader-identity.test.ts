import {
  authorKey,
  isReaderCookie,
  newReaderCookie,
  normalizeEmail,
  readerKey,
} from '../../../src/plugins/moderation/server/src/domain/reader-identity';

const SALT = 'test-salt';

describe('reader cookie', () => {
  it('is 32 random bytes in base64url, new every time', () => {
    const a = newReaderCookie();
    const b = newReaderCookie();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isReaderCookie(a)).toBe(true);
  });

  it.each([undefined, '', 'short', `${'a'.repeat(43)}=`, 'a'.repeat(44), `${'a'.repeat(42)}!`, 42])(
    'refuses %p',
    (value) => {
      expect(isReaderCookie(value)).toBe(false);
    },
  );
});

describe('readerKey', () => {
  it('depends on the address hash, the cookie and the salt, and hides them', () => {
    const key = readerKey('ip-hash', 'cookie', SALT);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readerKey('ip-hash', 'cookie', SALT)).toBe(key);
    expect(readerKey('other-ip', 'cookie', SALT)).not.toBe(key);
    expect(readerKey('ip-hash', 'other-cookie', SALT)).not.toBe(key);
    expect(readerKey('ip-hash', 'cookie', 'other-salt')).not.toBe(key);
    expect(key).not.toContain('cookie');
  });

  it('cannot be confused by moving text between its parts', () => {
    expect(readerKey('ab', 'c', SALT)).not.toBe(readerKey('a', 'bc', SALT));
  });
});

describe('authorKey', () => {
  it('keys by the normalized email when given', () => {
    const key = authorKey({ email: 'Maryam@Example.IR', ipHash: 'one' }, SALT);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(authorKey({ email: '  maryam@example.ir ', ipHash: 'two' }, SALT)).toBe(key);
    // Full-width letters fold (NFKC).
    expect(authorKey({ email: 'ｍａｒｙａｍ@example.ir', ipHash: null }, SALT)).toBe(key);
    expect(authorKey({ email: 'maryam+news@example.ir', ipHash: 'one' }, SALT)).not.toBe(key);
  });

  it('falls back to the address hash, never equal to an email key', () => {
    const byAddress = authorKey({ email: null, ipHash: 'one' }, SALT);
    expect(byAddress).toMatch(/^[0-9a-f]{64}$/);
    expect(authorKey({ email: '', ipHash: 'one' }, SALT)).toBe(byAddress);
    expect(authorKey({ email: null, ipHash: 'two' }, SALT)).not.toBe(byAddress);
    expect(authorKey({ email: 'one', ipHash: null }, SALT)).not.toBe(byAddress);
  });

  it('is null with neither', () => {
    expect(authorKey({ email: null, ipHash: null }, SALT)).toBeNull();
  });

  it('normalizes emails by trimming, NFKC and lower case only', () => {
    expect(normalizeEmail(' A.B+C@X.IR ')).toBe('a.b+c@x.ir');
  });
});
