import {
  draftOf,
  parseTypedNumber,
  requestOf,
} from '../../../src/plugins/moderation/admin/src/pages/Settings/settings-form';
import { DEFAULT_SETTINGS } from '../../../src/plugins/moderation/server/src/settings';

describe('the settings page form', () => {
  it('reads numbers typed with Persian or Arabic-Indic digits and the Persian decimal separator', () => {
    expect(parseTypedNumber('۰٫۲۵')).toBe(0.25);
    expect(parseTypedNumber('٣')).toBe(3);
    expect(parseTypedNumber(' 60 ')).toBe(60);
    expect(parseTypedNumber('-1')).toBe(-1);
  });

  it('sends what is not a number as typed, for the server to refuse with its message', () => {
    expect(parseTypedNumber('')).toBe('');
    expect(parseTypedNumber('ده')).toBe('ده');
    expect(parseTypedNumber('1e3')).toBe('1e3');
  });

  it('sends every setting, so what the page shows is what is stored', () => {
    expect(requestOf(draftOf(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });
});
