import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A test of the caught error in the catch decides by the kind of failure, not by time or a signal:
// `if (!(error instanceof ConnectionError)) throw error;` lets a source that fails for good with
// that error go round at once, exactly as `if (error instanceof ConnectionError) continue;` does.
// A counter, a clock or a signal read in the same test may bound it, and an error this file throws
// itself answers a condition it raised on purpose.
runInBothModes('no-unbounded-loop: a catch that goes round by the kind of error', rule, {
  valid: [
    `
import { ConnectionError } from './errors';

export async function connectLoop(connect: () => Promise<void>) {
  let attempts = 0;
  while (true) {
    try {
      await connect();
      return;
    } catch (error) {
      if (attempts++ > 5 || !(error instanceof ConnectionError)) throw error;
    }
  }
}
`,
    `
import { ConnectionError } from './errors';

export async function connectLoop(connect: () => Promise<void>, signal: AbortSignal) {
  while (true) {
    try {
      await connect();
      return;
    } catch (error) {
      if (signal.aborted || !(error instanceof ConnectionError)) throw error;
    }
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { ConnectionError } from './errors';

export async function connectLoop(connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
    }
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
import { ConnectionError } from './errors';

export async function connectLoop(connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export async function poll(read: () => Promise<string>) {
  while (true) {
    try {
      return await read();
    } catch (error) {
      if ((error as { code?: string }).code !== 'EBUSY') throw error;
    }
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
export async function poll(read: () => Promise<string>) {
  while (true) {
    try {
      return await read();
    } catch (error) {
      if ((error as { code?: string }).code !== 'EBUSY') throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
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
