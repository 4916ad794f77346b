import type { Core } from '@strapi/strapi';

/**
 * The salt of every one-way hash of readers (address hash, reader and author keys):
 * IP_HASH_SALT, else the first of the app keys. The same on every instance (see README).
 */
export function hashSalt(strapi: Core.Strapi): string {
  return String(process.env.IP_HASH_SALT || (strapi.config.get('server.app.keys') as string[])[0]);
}
