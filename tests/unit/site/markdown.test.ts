import { parseInlines, parseMarkdown } from '../../../site/src/markdown';

describe('the article body renderer', () => {
  it('reads paragraphs, headings and lists', () => {
    expect(parseMarkdown('متن **پررنگ**\nادامه\n\n## تیتر\n\n- یک\n- دو\n\n1. اول\n2. دوم')).toEqual([
      {
        type: 'p',
        inlines: [
          { type: 'text', text: 'متن ' },
          { type: 'strong', text: 'پررنگ' },
          { type: 'text', text: ' ادامه' },
        ],
      },
      { type: 'h', level: 3, inlines: [{ type: 'text', text: 'تیتر' }] },
      { type: 'ul', items: [[{ type: 'text', text: 'یک' }], [{ type: 'text', text: 'دو' }]] },
      { type: 'ol', items: [[{ type: 'text', text: 'اول' }], [{ type: 'text', text: 'دوم' }]] },
    ]);
  });

  it('keeps http(s) links and turns any other link into its text', () => {
    expect(parseInlines('[منبع](https://irna.ir/x) و [بد](javascript:alert(1))')).toEqual([
      { type: 'link', text: 'منبع', href: 'https://irna.ir/x' },
      { type: 'text', text: ' و ' },
      { type: 'text', text: 'بد' },
      { type: 'text', text: ')' },
    ]);
  });

  it('leaves HTML as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'p', inlines: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
  });
});
