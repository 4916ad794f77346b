import { secret, secretList } from '../../../config/secrets';

type Env = Parameters<typeof secret>[0];

function fakeEnv(values: Record<string, string>): Env {
  const env = ((key: string) => values[key]) as unknown as Env;
  (env as unknown as { array: (key: string, fallback: string[]) => string[] }).array = (key, fallback) =>
    values[key] === undefined ? fallback : values[key].split(',');
  return env;
}

describe('secrets', () => {
  const originalNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = originalNodeEnv;
  });

  it('lets development run with missing secrets', () => {
    process.env.NODE_ENV = 'development';
    expect(secret(fakeEnv({}), 'JWT_SECRET')).toBeUndefined();
    expect(secretList(fakeEnv({}), 'APP_KEYS')).toEqual([]);
  });

  it('refuses production with a missing secret, naming it', () => {
    process.env.NODE_ENV = 'production';
    expect(() => secret(fakeEnv({}), 'JWT_SECRET')).toThrow(/JWT_SECRET is missing/);
    expect(() => secretList(fakeEnv({}), 'APP_KEYS')).toThrow(/APP_KEYS/);
  });

  it('refuses production with the .env.example placeholders', () => {
    process.env.NODE_ENV = 'production';
    expect(() => secret(fakeEnv({ JWT_SECRET: 'toBeModified' }), 'JWT_SECRET')).toThrow(/placeholder/);
    expect(() => secretList(fakeEnv({ APP_KEYS: 'real-key-1,toBeModified2' }), 'APP_KEYS')).toThrow(/APP_KEYS/);
  });

  it('accepts real values in production', () => {
    process.env.NODE_ENV = 'production';
    expect(secret(fakeEnv({ JWT_SECRET: 'c2VjcmV0LXZhbHVl' }), 'JWT_SECRET')).toBe('c2VjcmV0LXZhbHVl');
    expect(secretList(fakeEnv({ APP_KEYS: 'a1,b2' }), 'APP_KEYS')).toEqual(['a1', 'b2']);
  });
});
