import {
  DocumentFrequencies,
  documentFrequencies,
  MIN_DOCUMENTS,
} from '../../../src/plugins/moderation/server/src/screening/frequencies';

const article = (title: string, body = '') => ({ title, lead: '', body });

describe('DocumentFrequencies', () => {
  it('counts in how many articles a stem appears, all language versions of one article once', () => {
    const table = new DocumentFrequencies();
    table.set('a', [article('قیمت بنزین', 'بنزین گران شد'), article('Petrol price')]);
    table.set('b', [article('قیمت میوه')]);
    expect(table.documents).toBe(2);
    expect(table.frequency('قیمت')).toBe(2);
    expect(table.frequency('بنزین')).toBe(1);
    expect(table.frequency('petrol')).toBe(1);
    expect(table.frequency('میوه')).toBe(1);
    expect(table.frequency('است')).toBe(0);
  });

  it('recounts an article that changes and forgets one that is removed', () => {
    const table = new DocumentFrequencies();
    table.set('a', [article('قیمت بنزین')]);
    const version = table.version;
    table.set('a', [article('قیمت نان')]);
    expect(table.version).toBeGreaterThan(version);
    expect(table.frequency('بنزین')).toBe(0);
    expect(table.frequency('نان')).toBe(1);
    expect(table.frequency('قیمت')).toBe(1);
    table.remove('a');
    table.remove('unknown');
    expect(table.documents).toBe(0);
    expect(table.frequency('قیمت')).toBe(0);
  });

  it('says every word is informative while the site has few articles', () => {
    const table = documentFrequencies(Array.from({ length: MIN_DOCUMENTS - 1 }, () => article('قیمت بنزین')));
    expect(table.informativeness('قیمت')).toBe(1);
  });

  it('weighs a word by how few articles use it: 1 for one article, 0 for all', () => {
    const articles = Array.from({ length: 20 }, (_, i) =>
      article(`خبر آبگینه ${i}`, i === 0 ? 'تراموا' : i < 5 ? 'قطار و ایستگاه' : 'ایستگاه'),
    );
    const table = documentFrequencies(articles);
    expect(table.informativeness('تراموا')).toBe(1);
    expect(table.informativeness('ناشناخته')).toBe(1);
    const train = table.informativeness('قطار');
    const station = table.informativeness('ایستگاه');
    expect(train).toBeLessThan(1);
    expect(station).toBeLessThan(train);
    expect(table.informativeness('آبگینه')).toBe(0);
  });
});
