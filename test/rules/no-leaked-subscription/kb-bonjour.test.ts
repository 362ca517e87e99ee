import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// bonjour-service (webpack-dev-server's `runBonjour`): `new Bonjour()` binds a multicast DNS socket
// at once and answers on it until `destroy()`; `unpublishAll()` only withdraws the services.
const announcer = (stop: string) => `
import { Bonjour } from 'bonjour-service';

export class Announcer {
  bonjour: Bonjour | undefined;

  start(port: number) {
    this.bonjour = new Bonjour();
    this.bonjour.publish({ name: 'api', type: 'http', port });
  }

  stop(done: () => void) {
${stop}
  }
}
`;

runInBothModes('no-leaked-subscription: bonjour-service responders', rule, {
  valid: [
    // Destroyed once its services are withdrawn.
    announcer(`    this.bonjour?.unpublishAll(() => {
      this.bonjour?.destroy();
      done();
    });`),
    // Returned: the caller owns it.
    `
import { Bonjour } from 'bonjour-service';

export function announce(port: number): Bonjour {
  const bonjour = new Bonjour();
  bonjour.publish({ name: 'api', type: 'http', port });
  return bonjour;
}
`,
    // Destroyed on the caller's signal.
    `
import { Bonjour } from 'bonjour-service';

export function announce(port: number, signal: AbortSignal) {
  const bonjour = new Bonjour();
  bonjour.publish({ name: 'api', type: 'http', port });
  signal.addEventListener('abort', () => bonjour.destroy(), { once: true });
}
`,
    // Made once for the program.
    `
import { Bonjour } from 'bonjour-service';

const bonjour = new Bonjour();
bonjour.publish({ name: 'api', type: 'http', port: 80 });
`,
  ],
  invalid: [
    {
      // stop() withdraws the services, but the socket stays bound. No fix: a destroy() added after
      // unpublishAll() would close the socket before its goodbye packets and callback.
      code: announcer(`    this.bonjour?.unpublishAll(() => done());`),
      output: null,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Bonjour()', label: 'a Bonjour (mDNS) responder', member: 'this.bonjour', teardown: 'stop' },
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 33,
        },
      ],
    },
    {
      // stop() forgets it: the fix destroys it there.
      code: announcer(`    done();`),
      output: announcer(`    done();
    this.bonjour?.destroy();`),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Bonjour()', label: 'a Bonjour (mDNS) responder', member: 'this.bonjour', teardown: 'stop' },
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 33,
        },
      ],
    },
    {
      code: `
import { Bonjour } from 'bonjour-service';

export function announce(port: number) {
  const bonjour = new Bonjour();
  bonjour.publish({ name: 'api', type: 'http', port });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`announce()`' },
              output: `
import { Bonjour } from 'bonjour-service';

export function announce(port: number, signal?: AbortSignal) {
  const bonjour = new Bonjour();
  bonjour.publish({ name: 'api', type: 'http', port });
  if (signal?.aborted) bonjour.destroy();
  else signal?.addEventListener('abort', () => bonjour.destroy(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
