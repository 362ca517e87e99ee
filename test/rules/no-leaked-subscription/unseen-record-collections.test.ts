import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A record kept as a map (`this.timers[id] = setInterval(…)`) is a collection like a Map: its
// owner ends what it holds when the teardown ends each entry, and leaks it when the teardown only
// forgets them.
const poller = (stop: string) => `
export class Poller {
  private timers: Record<string, ReturnType<typeof setInterval>> = {};
  watch(id: string, poll: () => void) {
    this.timers[id] = setInterval(poll, 1000);
  }
  stop() {
${stop}
  }
}
`;

runInBothModes('no-leaked-subscription: a record kept as a map', rule, {
  valid: [
    poller(`    for (const id of Object.keys(this.timers)) clearInterval(this.timers[id]);
    this.timers = {};`),
  ],
  invalid: [
    {
      code: poller(`    this.timers = {};`),
      errors: [{ messageId: 'storedNotEnded', line: 5, column: 23, endLine: 5, endColumn: 34 }],
    },
  ],
});
