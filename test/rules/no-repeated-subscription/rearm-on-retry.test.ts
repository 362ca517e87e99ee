import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A callback that re-arms itself only to retry, and leaves the run as it does
// (`return setTimeout(retry, ms)`), reaches what comes after only on the run that does not
// retry: that is one run, not every run (pm2's agent sets its worker interval so).
runInBothModes('no-repeated-subscription: a retry that re-arms and leaves', rule, {
  valid: [
    `
declare function verify(done: (error: Error | undefined) => void): void;

let timer: ReturnType<typeof setInterval> | undefined;

export function start() {
  let retries = 0;
  const onVerified = (error: Error | undefined) => {
    if (error) {
      if (retries++ < 30) {
        return setTimeout(() => verify(onVerified), 200 * retries);
      }
      return;
    }
    timer = setInterval(() => console.log('alive'), 60_000);
  };
  verify(onVerified);
}
`,
    `
declare function verify(done: (error: Error | undefined) => void): void;

let timer: ReturnType<typeof setInterval> | undefined;

export function start() {
  const onVerified = (error: Error | undefined) => {
    if (error) {
      setTimeout(() => verify(onVerified), 1000);
      return;
    }
    timer = setInterval(() => console.log('alive'), 60_000);
  };
  verify(onVerified);
}
`,
  ],
  invalid: [
    {
      // The interval comes before the retry: every run starts one more.
      code: `
declare function verify(done: (error: Error | undefined) => void): void;

let timer: ReturnType<typeof setInterval> | undefined;

export function start() {
  const onVerified = (error: Error | undefined) => {
    timer = setInterval(() => console.log('alive'), 60_000);
    if (error) return setTimeout(() => verify(onVerified), 1000);
  };
  verify(onVerified);
}
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'hoist',
              output: `
declare function verify(done: (error: Error | undefined) => void): void;

let timer: ReturnType<typeof setInterval> | undefined;

export function start() {
  timer = setInterval(() => console.log('alive'), 60_000);
  const onVerified = (error: Error | undefined) => {
    if (error) return setTimeout(() => verify(onVerified), 1000);
  };
  verify(onVerified);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
