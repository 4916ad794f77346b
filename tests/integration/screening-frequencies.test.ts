/**
 * Relevance reads the site's own published articles (issue #15): words other articles use weigh
 * less, the table follows publishing, unpublishing and deletion, two-word names are one term, and
 * the article's other language versions count.
 */

import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE_UID = 'api::article.article';

let app: TestApp;
let moderator: AdminSession;
let northKorea: string;

const NORTH_KOREA = {
  title: 'رهبر کره شمالی با قطار به روسیه رفت',
  lead: 'رهبر کره شمالی برای گفت‌وگو درباره همکاری نظامی با رئیس‌جمهور روسیه به ولادی‌وستوک رفت.',
  body: 'کره شمالی و روسیه هر دو زیر تحریم هستند. مقام‌های کره جنوبی می‌گویند مسکو از کره شمالی گلوله توپ می‌خرد.',
};

/** Articles about other things; several use "شمال" in its everyday sense. */
const OTHER_ARTICLES = [
  {
    title: 'بارش باران در شمال شهر',
    lead: 'هواشناسی از بارش باران در محله‌های شمالی خبر داد.',
    body: 'جاده‌های شمال لغزنده است.',
  },
  {
    title: 'گرانی اجاره در شمال تهران',
    lead: 'اجاره‌بها در شمال شهر بالا رفت.',
    body: 'مستاجران محله‌های شمالی نگران‌اند.',
  },
  {
    title: 'افتتاح پارک جدید در شمال غرب شهر',
    lead: 'پارک تازه هفته آینده باز می‌شود.',
    body: 'شهرداری از ساکنان شمال شهر دعوت کرد.',
  },
  { title: 'نمایشگاه کتاب کودک', lead: 'ناشران کتاب کودک در نمایشگاه حاضرند.', body: 'نمایشگاه تا جمعه باز است.' },
  { title: 'پیروزی تیم والیبال بانوان', lead: 'تیم بانوان به نیمه‌نهایی رسید.', body: 'بازی بعدی هفته آینده است.' },
  { title: 'کاشت نهال در حاشیه رودخانه', lead: 'هزار نهال کاشته شد.', body: 'داوطلبان از صبح آمدند.' },
];

const screen = async (text: string, article = northKorea) => {
  const response = await app
    .http()
    .post('/moderation/screen')
    .set('Authorization', moderator.auth)
    .send({ text, article });
  expect(response.status).toBe(200);
  return response.body.data as { relevance: number; flags: string[] };
};

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  northKorea = (await createArticle(app.strapi, NORTH_KOREA)).documentId;
  for (const article of OTHER_ARTICLES) await createArticle(app.strapi, article);
});

afterAll(async () => {
  await app.stop();
});

describe('relevance on the site’s own articles', () => {
  it('does not take a comment that shares only the everyday half of a name for one on the article', async () => {
    const offTopic = await screen('قیمت خانه در شمال شهر این روزها خیلی بالا رفته است');
    expect(offTopic.flags).toContain('off_topic');
    const onTopic = await screen('مردم کره شمالی زیر تحریم گرسنه‌اند و رهبرشان دنبال موشک است');
    expect(onTopic.flags).not.toContain('off_topic');
  });

  it('weighs a word less once other published articles use it, and again more once they are unpublished or deleted', async () => {
    const comment = 'گلوله توپ برای جنگ خریده می‌شود و تحریم هم بی‌اثر است';
    const alone = (await screen(comment)).relevance;

    const sameWords = [];
    for (let i = 0; i < 4; i++) {
      sameWords.push(
        await createArticle(app.strapi, {
          title: `گزارش شماره ${i + 1} درباره تحریم`,
          lead: 'تحریم و گلوله توپ و جنگ',
          body: 'تحریم‌های تازه بر بازار اثر گذاشت.',
        }),
      );
    }
    const common = (await screen(comment)).relevance;
    expect(common).toBeLessThan(alone);

    for (const article of sameWords.slice(0, 2)) {
      await app.strapi.documents(ARTICLE_UID).unpublish({ documentId: article.documentId } as never);
    }
    for (const article of sameWords.slice(2)) {
      await app.strapi.documents(ARTICLE_UID).delete({ documentId: article.documentId } as never);
    }
    expect((await screen(comment)).relevance).toBe(alone);
  });

  it('reads the article’s other language versions', async () => {
    const comment = 'این Kim Jong Un واقعا آدم عجیبی است';
    expect((await screen(comment)).relevance).toBe(0);
    await app.strapi.documents(ARTICLE_UID).update({
      documentId: northKorea,
      locale: 'en',
      data: {
        title: 'North Korean leader Kim Jong Un travels to Russia by train',
        lead: 'Kim Jong Un went to Vladivostok to discuss military cooperation.',
        body: 'Both countries are under sanctions.',
      },
      status: 'published',
    } as never);
    expect((await screen(comment)).relevance).toBeGreaterThan(0);
  });
});
