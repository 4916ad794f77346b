/**
 * A count or limit read from an environment variable: a non-negative integer, or undefined
 * when the variable is unset, blank or not such a number (the caller's default then applies).
 */
export function nonNegativeInteger(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}
