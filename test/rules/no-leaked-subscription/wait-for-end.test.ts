import leakedRule from '../../../rules/no-leaked-subscription';
import repeatedRule from '../../../rules/no-repeated-subscription';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// A wait for the end of the object a caller hands in (knex's dialects: `stream.on('end', resolver)`
// in a `new Promise`) lasts no longer than that object, whose life is the caller's: the function
// is not reported. A wait on an event that is no end of life ('drain' comes again and again) is,
// and so is a caller that runs the wait again and again on one long-lived object.
runInBothModes('no-leaked-subscription: a wait for the end of the caller\'s object', leakedRule, {
  valid: [
    `
import type { Readable } from 'node:stream';

export class Client {
  stream(query: string, stream: Readable) {
    return new Promise<void>((resolver, rejecter) => {
      stream.on('error', rejecter);
      stream.on('end', resolver);
      console.log(query);
    });
  }
}
`,
  ],
  invalid: [
    {
      code: `
import type { Writable } from 'node:stream';

export function drained(stream: Writable) {
  return new Promise<void>((resolve) => {
    stream.on('drain', resolve);
  });
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: "a 'drain' listener", target: 'stream', outlives: 'a parameter', code: "stream.on('drain', resolve)" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
  ],
});

// Typed only: without types the summary of `ended` does not carry the stream kind its one caller
// passes from a module-level `new PassThrough()` (a recall gap of its own, not of this rule).
typedRuleTester.run('no-repeated-subscription: a wait for the end run on every tick', repeatedRule, {
  valid: [],
  invalid: [
    {
      code: `
import { PassThrough } from 'node:stream';

const shared = new PassThrough();
function ended(stream: PassThrough) {
  return new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}
setInterval(() => void ended(shared), 1000);
`,
      errors: [{ messageId: 'repeatedCall', line: 11, column: 24, endLine: 11, endColumn: 29 }],
    },
  ],
});
