import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A route handler whose parameter carries a decorator (NestJS `@Param('id')`): the suggestion adds
// `signal?: AbortSignal` after it, and never wraps the decorated parameter in parentheses as it does
// for `x => …`, which wrote `follow(@Param('id') (id: string, signal?: AbortSignal))`.
runInBothModes('no-leaked-subscription: decorated parameters', rule, {
  valid: [],
  invalid: [
    {
      code: `
import type { Redis } from 'ioredis';
declare function Param(name: string): ParameterDecorator;

export class RoomsController {
  constructor(private readonly redis: Redis) {}

  follow(@Param('id') id: string) {
    this.redis.on('message', (channel: string) => console.log(channel, id));
    return { following: id };
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
import type { Redis } from 'ioredis';
declare function Param(name: string): ParameterDecorator;

export class RoomsController {
  constructor(private readonly redis: Redis) {}

  follow(@Param('id') id: string, signal?: AbortSignal) {
    const onMessage = (channel: string) => console.log(channel, id);
    this.redis.on('message', onMessage);
    if (signal?.aborted) this.redis.off('message', onMessage);
    else signal?.addEventListener('abort', () => this.redis.off('message', onMessage), { once: true });
    return { following: id };
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
