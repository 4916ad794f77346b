import type { Core } from '@strapi/strapi';

/**
 * Secrets are read from the environment. In development `scripts/run-with-database.mjs`
 * writes a `.env` with random values on first run, so a fresh clone needs no hand-written
 * file. In production a missing secret, or one still holding the `.env.example`
 * placeholder, stops the boot with a message saying what to set.
 */
type Env = Core.Config.Shared.ConfigParams['env'];

const PLACEHOLDER = /^(tobemodified|changeme|replace-me)/i;

const isProduction = () => process.env.NODE_ENV === 'production';

function assertUsable(name: string, values: string[]): void {
  if (!isProduction()) return;
  const bad = values.length === 0 || values.some((value) => !value || PLACEHOLDER.test(value));
  if (bad) {
    throw new Error(
      `Refusing to start in production: ${name} is missing or still set to a placeholder. ` +
        `Set ${name} in the environment to a long random value (see README, "Production").`,
    );
  }
}

export function secret(env: Env, name: string): string | undefined {
  const value = env(name) as string | undefined;
  assertUsable(name, value ? [value] : []);
  return value;
}

export function secretList(env: Env, name: string): string[] {
  const values = (env.array(name, []) as string[]).filter(Boolean);
  assertUsable(name, values);
  return values;
}
