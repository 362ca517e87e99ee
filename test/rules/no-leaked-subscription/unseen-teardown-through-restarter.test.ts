import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A method that ends the stored timer and then starts it again under a test its callers control
// (pg-logical-replication's `checkStandbyStatus(enable)`: `clearInterval(this.timer)`, then
// `if (enable) this.timer = setInterval(…)`) is the timer's end when the teardown calls it with
// the start turned off: the end runs as part of the teardown. Called only by the start path, or
// starting again with no test, it ends only the timer before, and the teardown ends nothing.
const service = (poll: string, stop: string): string => `
export class ReplicationService {
  private timer?: ReturnType<typeof setInterval>;
  private stopped = false;

  start() {
    this.stopped = false;
    this.poll(true);
  }

${poll}

  stop() {
${stop}
  }

  private acknowledge() {}
}
`;

const pollWithParameter = `  poll(enable: boolean) {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    if (enable) this.timer = setInterval(() => this.acknowledge(), 1000);
  }`;

const pollWithFlag = `  poll(_enable: boolean) {
    clearInterval(this.timer);
    if (!this.stopped) {
      this.timer = setInterval(() => this.acknowledge(), 1000);
    }
  }`;

const pollAlways = `  poll(_enable: boolean) {
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => this.acknowledge(), 1000);
  }`;

runInBothModes('no-leaked-subscription: a teardown that runs the restarting method with the start off', rule, {
  valid: [service(pollWithParameter, '    this.poll(false);'), service(pollWithFlag, '    this.stopped = true;\n    this.poll(false);')],
  invalid: [
    // Restarted with no test: the teardown's call starts it again (no fix: the teardown writes the member).
    {
      code: service(pollAlways, '    this.poll(false);'),
      errors: [{ messageId: 'storedNotEnded', line: 13, column: 18, endLine: 13, endColumn: 29 }],
    },
    {
      code: service(pollWithParameter, '    this.stopped = true;'),
      errors: [{ messageId: 'storedNotEnded', line: 16, column: 30, endLine: 16, endColumn: 41 }],
      // The teardown ends the timer itself.
      output: service(pollWithParameter, '    this.stopped = true;\n    clearInterval(this.timer);'),
    },
  ],
});
