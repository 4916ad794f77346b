import type { Core } from '@strapi/strapi';
import qs from 'qs';

/** Query strings as frontends build them (supertest's own `.query()` loses array indices). */
export const query = (params: Record<string, unknown>) => `?${qs.stringify(params, { encodeValuesOnly: true })}`;

export async function createSource(strapi: Core.Strapi, data: Record<string, unknown> = {}) {
  const slug = (data.slug as string | undefined) ?? `source-${Math.random().toString(36).slice(2, 10)}`;
  return strapi.documents('api::source.source').create({
    data: { name: 'خبرگزاری آزمایشی', kind: 'news_agency', ...data, slug },
  });
}

export async function createArticle(
  strapi: Core.Strapi,
  data: Record<string, unknown> = {},
  options: { published?: boolean; locale?: string } = {},
) {
  return strapi.documents('api::article.article').create({
    data: { title: 'گزارش آزمایشی', lead: 'خلاصهٔ گزارش', body: 'متن گزارش', ...data },
    locale: options.locale,
    status: options.published === false ? 'draft' : 'published',
  } as never);
}

/** A full-access API token, the way a newsroom's scripts write through REST. */
export async function createFullAccessToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${Math.random().toString(36).slice(2)}`,
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey as string;
}
