import { isDatabaseUnavailable } from '../../../src/lib/database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  test.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    [
      'knex waiting too long for a pooled connection',
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
    ],
    ['the server shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['the server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['a connection that ended mid-query', new Error('Connection terminated unexpectedly')],
    ['pg connect timeout', new Error('Connection terminated due to connection timeout')],
    ['wrapped in a cause', new Error('query failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') })],
    ['an AggregateError of both addresses', Object.assign(new AggregateError([withCode('x', 'ECONNREFUSED')], ''), {})],
  ])('%s is the database being unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ['a bad value (22P02)', withCode('invalid input syntax for type integer', '22P02')],
    ['a unique violation (23505)', withCode('duplicate key value violates unique constraint', '23505')],
    ['a missing column (42703)', withCode('column "x" does not exist', '42703')],
    ['a plain programming error', new TypeError('Cannot read properties of undefined')],
    ['not an error at all', 'ECONNREFUSED'],
    ['null', null],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  test('a cycle of causes ends', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
