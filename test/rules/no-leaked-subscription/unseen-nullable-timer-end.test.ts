import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// The end a fix adds to the teardown hands the stored timer to `clearInterval`, which takes no
// `null`: for a member declared `NodeJS.Timeout | null` (with types: whose type has `null`),
// `clearInterval(this.timer)` does not type-check under `strict`, so the fix writes
// `clearInterval(this.timer ?? undefined)`. A member that may only be `undefined` is handed as it is.
const poller = (declaration: string, end = ''): string => `
export class Poller {
  ${declaration}
  private stopped = false;

  start() {
    this.timer = setInterval(() => this.tick(), 1000);
  }

  stop() {
    this.stopped = true;${end}
  }

  private tick() {}
}
`;

const error = { messageId: 'storedNotEnded', line: 7, column: 18, endLine: 7, endColumn: 29 } as const;

runInBothModes('no-leaked-subscription: the end of a timer member that may be null', rule, {
  valid: [],
  invalid: [
    {
      code: poller('private timer: ReturnType<typeof setInterval> | null = null;'),
      errors: [error],
      output: poller('private timer: ReturnType<typeof setInterval> | null = null;', '\n    clearInterval(this.timer ?? undefined);'),
    },
    {
      code: poller('private timer?: ReturnType<typeof setInterval>;'),
      errors: [error],
      output: poller('private timer?: ReturnType<typeof setInterval>;', '\n    clearInterval(this.timer);'),
    },
  ],
});
