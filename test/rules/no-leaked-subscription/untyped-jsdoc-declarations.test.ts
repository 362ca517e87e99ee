import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// JSDoc types TypeScript itself reads in JavaScript: `@type` on a variable or on a `this.x = …`
// assignment, and `@typedef` names used in `@param`/`@type`. The declared type tells the kind,
// whatever the value is called; a name with no such declaration tells nothing.
javascriptRuleTester.run('no-leaked-subscription: JSDoc @type and @typedef (javascript)', rule, {
  valid: [
    // a plain object called `client`: nothing declares it a Redis client
    `
const client = { handlers: [], on(name, fn) { this.handlers.push(fn); } };
export function follow(onMessage) {
  client.on('message', onMessage);
}
`,
    // a typedef of the same name as ioredis's type, describing a plain object
    `
/** @typedef {{ on(name: string, fn: Function): void }} Redis */
/** @param {Redis} client */
export function follow(client, onMessage) {
  client.on('message', onMessage);
}
`,
    // \`Redis\` named in \`@type\` but neither imported nor defined in the file: TypeScript would not know it either
    `
/** @type {Redis} */
let redis;
export function follow(onMessage) {
  redis.on('message', onMessage);
}
`,
    // the correct idiom: the listener is removed by the disposer handed back
    `
/** @typedef {import('ioredis').Redis} Redis */
/** @param {Redis} client */
export function follow(client, onMessage) {
  client.on('message', onMessage);
  return () => client.off('message', onMessage);
}
`,
  ],
  invalid: [
    // `@param` naming a `@typedef` of the file
    {
      code: `
/** @typedef {import('ioredis').Redis} Redis */

/** @param {Redis} client */
export function follow(client, onMessage) {
  client.on('message', onMessage);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "client.on('message', onMessage)", label: "a 'message' listener", target: 'client', outlives: 'a parameter' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
/** @typedef {import('ioredis').Redis} Redis */

/** @param {Redis} client @param {AbortSignal} [signal] */
export function follow(client, onMessage, signal) {
  client.on('message', onMessage);
  if (signal?.aborted) client.off('message', onMessage);
  else signal?.addEventListener('abort', () => client.off('message', onMessage), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    // `@type` on a module variable assigned later
    {
      code: `
/** @type {import('ioredis').Redis} */
let redis;

export function connect(client) {
  redis = client;
}

export function follow(onMessage) {
  redis.on('message', onMessage);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "redis.on('message', onMessage)", label: "a 'message' listener", target: 'redis', outlives: 'module-level' },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 11,
        },
      ],
    },
    // `@type` on the assignment of a member the object is given
    {
      code: `
/** @typedef {import('ioredis').Redis} Redis */
export class Feed {
  constructor(options) {
    /** @type {Redis} */
    this.client = options.client;
  }
  follow(onMessage) {
    this.client.on('message', onMessage);
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "this.client.on('message', onMessage)", label: "a 'message' listener", target: 'this.client', outlives: 'given to the object' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
/** @typedef {import('ioredis').Redis} Redis */
export class Feed {
  constructor(options) {
    /** @type {Redis} */
    this.client = options.client;
  }
  follow(onMessage, signal) {
    this.client.on('message', onMessage);
    if (signal?.aborted) this.client.off('message', onMessage);
    else signal?.addEventListener('abort', () => this.client.off('message', onMessage), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
