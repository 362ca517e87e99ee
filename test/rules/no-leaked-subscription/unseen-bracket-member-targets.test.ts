import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// A listener added to a member read by a key in brackets (`room['_events']`, which TypeScript
// allows on a private member, as colyseus' scoped presence does with its room's emitter) is
// removed by the suggestion through the same brackets: `room._events.off(…)` would not compile
// for a private member, and `buses.job-queue` would not even parse.
const code = `
import { EventEmitter } from 'node:events';

export class Room {
  private events = new EventEmitter();
}

export function trackDisposal(room: Room, onDispose: () => void) {
  room['events'].on('dispose', onDispose);
}
`;

runInBothModes('no-leaked-subscription: a target read by a key in brackets', rule, {
  valid: [],
  invalid: [
    {
      code,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { EventEmitter } from 'node:events';

export class Room {
  private events = new EventEmitter();
}

export function trackDisposal(room: Room, onDispose: () => void, signal?: AbortSignal) {
  room['events'].on('dispose', onDispose);
  if (signal?.aborted) room['events'].off('dispose', onDispose);
  else signal?.addEventListener('abort', () => room['events'].off('dispose', onDispose), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    ],
});

// A key that is no identifier: `buses.job-queue` would not parse. Without types, nothing says what
// the record holds, and the rule stays quiet.
const recordCase = `
import { EventEmitter } from 'node:events';

const buses: Record<string, EventEmitter> = { 'job-queue': new EventEmitter() };

export function watchJobs(onJob: () => void) {
  buses['job-queue'].on('job', onJob);
}
`;

untypedRuleTester.run('no-leaked-subscription: a record entry read by a key in brackets (untyped)', rule, { valid: [recordCase], invalid: [] });

typedRuleTester.run('no-leaked-subscription: a record entry read by a key in brackets (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: recordCase,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { EventEmitter } from 'node:events';

const buses: Record<string, EventEmitter> = { 'job-queue': new EventEmitter() };

export function watchJobs(onJob: () => void, signal?: AbortSignal) {
  buses['job-queue'].on('job', onJob);
  if (signal?.aborted) buses['job-queue'].off('job', onJob);
  else signal?.addEventListener('abort', () => buses['job-queue'].off('job', onJob), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
