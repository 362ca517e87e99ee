import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A `throw` in the loop's own `catch` passes a failure on, as an await that throws would without
// the `try`: while the source works, nothing can stop the loop (kafkajs's fetcher without its
// `while (isRunning)` test). A `return` or `break`, or a flag or signal check, is a way out.
runInBothModes('no-unbounded-loop: a rethrow is no way to stop a loop', rule, {
  valid: [
    // The fetcher as written: the loop tests its running flag, which stop() clears.
    `
export function createFetcher(fetch: () => Promise<string[]>, push: (batch: string[]) => Promise<void>) {
  let isRunning = false;
  const start = async () => {
    isRunning = true;
    while (isRunning) {
      try {
        await push(await fetch());
      } catch (error) {
        isRunning = false;
        throw error;
      }
    }
  };
  const stop = () => {
    isRunning = false;
  };
  return { start, stop };
}
`,
    // A rethrow beside a signal check on every path round the loop.
    `
export async function pump(signal: AbortSignal, read: () => Promise<string>) {
  while (true) {
    signal.throwIfAborted();
    try {
      console.log(await read());
    } catch (error) {
      console.warn(error);
      throw error;
    }
  }
}
`,
    // A \`return\` in the catch leaves on purpose (its source was closed): a way out.
    `
export async function drain(read: () => Promise<string>) {
  while (true) {
    try {
      console.log(await read());
    } catch {
      return;
    }
  }
}
`,
    // A throw outside any catch (a deadline) is an exit of the loop's own.
    `
export async function within(read: () => Promise<string>, deadline: number) {
  while (true) {
    try {
      console.log(await read());
    } catch (error) {
      console.warn(error);
    }
    if (Date.now() > deadline) throw new Error('gave up');
  }
}
`,
  ],
  invalid: [
    {
      // Its only exit rethrows: stop() has no way to end it.
      code: `
export function createFetcher(fetch: () => Promise<string[]>, push: (batch: string[]) => Promise<void>) {
  const start = async () => {
    while (true) {
      try {
        await push(await fetch());
      } catch (error) {
        console.warn(error);
        throw error;
      }
    }
  };
  return { start };
}
`,
      errors: [
        {
          messageId: 'unboundedLoopUntilFailure',
          data: { head: 'while (true)', awaited: 'push(await fetch())' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 17,
          suggestions: [],
        },
      ],
    },
    {
      // A signal in scope, known to be one: the fix stops the loop when it aborts.
      code: `
export async function consume(signal: AbortSignal, next: () => Promise<string>) {
  while (true) {
    try {
      console.log(await next());
    } catch (error) {
      throw new Error('consume failed', { cause: error });
    }
  }
}
`,
      output: `
export async function consume(signal: AbortSignal, next: () => Promise<string>) {
  while (!signal.aborted) {
    try {
      console.log(await next());
    } catch (error) {
      throw new Error('consume failed', { cause: error });
    }
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoopUntilFailure',
          data: { head: 'while (true)', awaited: 'next()' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 15,
        },
      ],
    },
    {
      // A named function: the suggestion adds the signal it needs.
      code: `
export async function run(work: () => Promise<void>) {
  for (;;) {
    try {
      await work();
    } catch (error) {
      if (error instanceof TypeError) throw error;
      console.warn(error);
    }
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoopUntilFailure',
          data: { head: 'for (;;)', awaited: 'work()' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`run()`' },
              output: `
export async function run(work: () => Promise<void>, signal?: AbortSignal) {
  for (; !signal?.aborted; ) {
    try {
      await work();
    } catch (error) {
      if (error instanceof TypeError) throw error;
      console.warn(error);
    }
  }
}
`,
            },
          ],
        },
        {
          // Every failure but a TypeError goes round at once.
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
export async function run(work: () => Promise<void>) {
  for (;;) {
    try {
      await work();
    } catch (error) {
      if (error instanceof TypeError) throw error;
      console.warn(error);
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
