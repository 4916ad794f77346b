import { nonNegativeInteger } from '../../../src/lib/environment';

describe('nonNegativeInteger', () => {
  it.each([
    ['0', 0],
    ['5', 5],
    [' 30 ', 30],
  ])('reads %j as %d', (value, expected) => {
    expect(nonNegativeInteger(value)).toBe(expected);
  });

  it.each([undefined, '', '  ', '-1', '2.5', 'five', 'NaN'])('leaves %j to the default', (value) => {
    expect(nonNegativeInteger(value)).toBeUndefined();
  });
});
