import { readFileSync } from 'node:fs';
import path from 'node:path';
// The parser react-intl itself uses (a dependency of Strapi's admin): it also rejects bad syntax.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import {
  CONTENT_TYPE_NAMES,
  ENUM_VALUE_LABELS,
  FIELD_LABELS,
  labelMessages,
  SYSTEM_FIELD_LABELS,
} from '../../../src/admin/translations/labels';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string): Record<string, string> => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const persian = readJson('src/admin/translations/fa.json');
const ourEnglish = readJson('src/admin/translations/en.json');

/** Strapi's English messages, with each plugin's keys under the prefix the admin gives them. */
function strapiEnglish(): Record<string, string> {
  const sources: [prefix: string, file: string][] = [
    ['', '@strapi/admin/dist/admin/admin/src/translations/en.json.js'],
    ['content-manager.', '@strapi/content-manager/dist/admin/translations/en.json.js'],
    ['upload.', '@strapi/upload/dist/admin/translations/en.json.js'],
    ['i18n.', '@strapi/i18n/dist/admin/translations/en.json.js'],
    ['content-releases.', '@strapi/content-releases/dist/admin/translations/en.json.js'],
    ['review-workflows.', '@strapi/review-workflows/dist/admin/translations/en.json.js'],
    ['users-permissions.', '@strapi/plugin-users-permissions/dist/admin/translations/en.json.js'],
  ];
  const messages: Record<string, string> = {};
  for (const [prefix, file] of sources) {
    const module = require(path.join(root, 'node_modules', file)) as { default?: Record<string, string> };
    for (const [key, value] of Object.entries(module.default ?? module)) {
      if (typeof value === 'string') messages[`${prefix}${key}`] = value;
    }
  }
  return messages;
}
const strapi = strapiEnglish();
const english: Record<string, string> = { ...strapi, ...ourEnglish, ...labelMessages('en') };

/** The argument names and tags of a message, e.g. {count} or <b>, sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) {
        names.add(`{${element.value}}`);
      }
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        names.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('the Persian translation of the admin panel', () => {
  const persianMessages = { ...persian, ...labelMessages('fa') };

  it('has an English counterpart for every key (Strapi’s own or ours)', () => {
    expect(Object.keys(persianMessages).filter((key) => !(key in english))).toEqual([]);
  });

  it('has no empty message', () => {
    expect(Object.entries(persianMessages).filter(([, value]) => value.trim() === '')).toEqual([]);
    expect(Object.entries(ourEnglish).filter(([, value]) => value.trim() === '')).toEqual([]);
  });

  it('keeps every placeholder and tag of the English message, in valid ICU syntax', () => {
    const mismatches = Object.entries(persianMessages)
      .filter(([key, value]) => argumentsOf(value).join() !== argumentsOf(english[key]).join())
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('is Persian: every message that is not only a name or a code has Persian letters', () => {
    const untranslated = Object.entries(persianMessages).filter(
      ([, value]) => /[A-Za-z]{4,}/.test(value.replace(/\{\w+\}/g, '')) && !/[\u0600-\u06FF]/.test(value),
    );
    // Kept as it is: a product's name.
    expect(untranslated.map(([key]) => key)).toEqual(['global.plugins.graphql']);
  });

  it('adds no English key of its own that Strapi already has', () => {
    expect(Object.keys(ourEnglish).filter((key) => key in strapi)).toEqual([]);
  });
});

describe('field labels named for people', () => {
  const schema = (file: string) =>
    JSON.parse(readFileSync(path.join(root, file), 'utf8')) as {
      info: { displayName: string };
      attributes: Record<string, { type: string; enum?: string[] }>;
    };
  const schemas: Record<string, ReturnType<typeof schema>> = {
    'api::article.article': schema('src/api/article/content-types/article/schema.json'),
    'api::source.source': schema('src/api/source/content-types/source/schema.json'),
    'api::comment.comment': schema('src/api/comment/content-types/comment/schema.json'),
  };

  it('label every field of Article, Source and Comment in both languages, and no other', () => {
    for (const [uid, { attributes }] of Object.entries(schemas)) {
      expect(Object.keys(FIELD_LABELS[uid]).sort()).toEqual(Object.keys(attributes).sort());
      for (const label of Object.values(FIELD_LABELS[uid])) {
        expect(label.fa).toMatch(/[\u0600-\u06FF]/);
        expect(label.en).toMatch(/^[A-Z][A-Za-z ()]+$/);
      }
    }
  });

  it('name the fields Strapi adds (list columns such as the queue’s createdAt) in both languages', () => {
    for (const uid of Object.keys(schemas)) {
      for (const field of ['id', 'createdAt', 'updatedAt', 'publishedAt']) {
        const id = `content-manager.content-types.${uid}.${field}`;
        expect([id, labelMessages('fa')[id]]).toEqual([id, SYSTEM_FIELD_LABELS[field].fa]);
        expect(labelMessages('fa')[id]).toMatch(/[\u0600-\u06FF]/);
        expect(labelMessages('en')[id]).toMatch(/^[A-Z][A-Za-z ]+$/);
      }
    }
  });

  it('name every value of their enumerations, and those ids are none of Strapi’s messages', () => {
    for (const { attributes } of Object.values(schemas)) {
      for (const attribute of Object.values(attributes)) {
        for (const value of attribute.enum ?? []) expect(Object.keys(ENUM_VALUE_LABELS)).toContain(value);
      }
    }
    const bareIds = [...Object.keys(ENUM_VALUE_LABELS), ...Object.keys(CONTENT_TYPE_NAMES)];
    expect(bareIds.filter((id) => id in strapi)).toEqual([]);
  });

  it('name every content type by its display name', () => {
    for (const { info } of Object.values(schemas)) expect(Object.keys(CONTENT_TYPE_NAMES)).toContain(info.displayName);
  });
});
