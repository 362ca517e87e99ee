import rule from '../../../rules/no-leaked-subscription';
import { untypedRuleTester } from '../../ruleTester';

// A member of an instance of a class the file declares is known by that class's declaration:
// a Nest controller's `this.service.client`, with the service's `client` made or annotated in its
// class. The constructor's parameter property annotation is the provenance of `this.service`;
// a member merely called `client` says nothing.
const controller = (service: string): string => `
import Redis from 'ioredis';

${service}

export class FeedController {
  constructor(private readonly service: FeedService) {}

  follow(onMessage: (channel: string, message: string) => void) {
    this.service.client.on('message', onMessage);
  }
}
`;

untypedRuleTester.run('no-leaked-subscription: members of a class instance (untyped)', rule, {
  valid: [
    // the service's `client` is a plain object
    controller(`export class FeedService {
  client = { handlers: [] as unknown[], on(name: string, fn: unknown) { this.handlers.push(fn); } };
}`),
    // the listener is removed by the disposer handed back
    `
import Redis from 'ioredis';

export class FeedService {
  client = new Redis();
}

export class FeedController {
  constructor(private readonly service: FeedService) {}

  follow(onMessage: (channel: string, message: string) => void) {
    this.service.client.on('message', onMessage);
    return () => this.service.client.off('message', onMessage);
  }
}
`,
  ],
  invalid: [
    ...[
      `export class FeedService {
  client = new Redis();
}`,
      `export class FeedService {
  constructor(readonly client: Redis) {}
}`,
    ].map((service) => ({
      code: controller(service),
      errors: [
        {
          messageId: 'listenerNotRemoved' as const,
          line: service.split('\n').length + 9,
          column: 5,
          endLine: service.split('\n').length + 9,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter' as const,
              data: { owner: '`follow()`' },
              output: controller(service)
                .replace(
                  'follow(onMessage: (channel: string, message: string) => void) {',
                  'follow(onMessage: (channel: string, message: string) => void, signal?: AbortSignal) {',
                )
                .replace(
                  "    this.service.client.on('message', onMessage);\n",
                  "    this.service.client.on('message', onMessage);\n    if (signal?.aborted) this.service.client.off('message', onMessage);\n    else signal?.addEventListener('abort', () => this.service.client.off('message', onMessage), { once: true });\n",
                ),
            },
          ],
        },
      ],
    })),
  ],
});
