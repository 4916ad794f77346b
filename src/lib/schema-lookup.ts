import type { Core } from '@strapi/strapi';
import type { AttributeLookup } from './public-visibility';

type Model = { attributes: Record<string, { type: string; target?: string; component?: string }> };

/** The schema lookup the pure query checks take, read from Strapi's models. */
export const schemaLookup =
  (strapi: Core.Strapi): AttributeLookup =>
  (uid, attribute) =>
    (strapi.getModel(uid as never) as Model | undefined)?.attributes[attribute];
