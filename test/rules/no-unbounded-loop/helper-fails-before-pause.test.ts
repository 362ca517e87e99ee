import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A helper that waits for its connection to close pauses the retry loop only when it gets that
// far: a connect awaited before the wait rejects at once when the broker is gone, so the loop's
// `catch` goes round at full speed. Reading the error (`String(err)`) in the log hands nothing on.
// Each loop checks no signal, so the loop itself is reported too; the cases differ in the catch.
runInBothModes('no-unbounded-loop: a helper that fails before its pause', rule, {
  valid: [],
  invalid: [
    // The helper fails at its connect before it waits for the close: the catch spins.
    {
      code: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  const conn = await amqp.connect(url);
  await once(conn, 'close');
}

export async function supervise(url: string) {
  for (;;) {
    try {
      await consumeOrders(url);
    } catch (err) {
      console.warn('consumer failed, reconnecting', String(err));
    }
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 11,
          suggestions: [
            { messageId: 'addSignalParameter', output: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  const conn = await amqp.connect(url);
  await once(conn, 'close');
}

export async function supervise(url: string, signal?: AbortSignal) {
  for (; !signal?.aborted; ) {
    try {
      await consumeOrders(url);
    } catch (err) {
      console.warn('consumer failed, reconnecting', String(err));
    }
  }
}
` },
          ],
        },
        {
          messageId: 'spinningCatch',
          line: 15,
          column: 7,
          endLine: 15,
          endColumn: 12,
          suggestions: [
            { messageId: 'waitBeforeRetry', output: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  const conn = await amqp.connect(url);
  await once(conn, 'close');
}

export async function supervise(url: string) {
  for (;;) {
    try {
      await consumeOrders(url);
    } catch (err) {
      console.warn('consumer failed, reconnecting', String(err));
      await sleep(1000);
    }
  }
}
` },
          ],
        },
      ],
    },
    // The helper pauses first: only the loop is reported, not its catch.
    {
      code: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  await sleep(1000);
  const conn = await amqp.connect(url);
  await once(conn, 'close');
}

export async function supervise(url: string) {
  for (;;) {
    try {
      await consumeOrders(url);
    } catch (err) {
      console.warn('consumer failed, reconnecting', String(err));
    }
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 11,
          suggestions: [
            { messageId: 'addSignalParameter', output: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  await sleep(1000);
  const conn = await amqp.connect(url);
  await once(conn, 'close');
}

export async function supervise(url: string, signal?: AbortSignal) {
  for (; !signal?.aborted; ) {
    try {
      await consumeOrders(url);
    } catch (err) {
      console.warn('consumer failed, reconnecting', String(err));
    }
  }
}
` },
          ],
        },
      ],
    },
    // The helper catches its own failure and waits: only the loop.
    {
      code: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  try {
    const conn = await amqp.connect(url);
    await once(conn, 'close');
  } catch {
    await sleep(1000);
  }
}

export async function supervise(url: string) {
  for (;;) {
    try {
      await consumeOrders(url);
    } catch (err) {
      console.warn('consumer failed, reconnecting', String(err));
    }
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 11,
          suggestions: [
            { messageId: 'addSignalParameter', output: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  try {
    const conn = await amqp.connect(url);
    await once(conn, 'close');
  } catch {
    await sleep(1000);
  }
}

export async function supervise(url: string, signal?: AbortSignal) {
  for (; !signal?.aborted; ) {
    try {
      await consumeOrders(url);
    } catch (err) {
      console.warn('consumer failed, reconnecting', String(err));
    }
  }
}
` },
          ],
        },
      ],
    },
    // The catch hands the failure on, wrapped: it leaves the loop.
    {
      code: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  const conn = await amqp.connect(url);
  await once(conn, 'close');
}

export async function supervise(url: string) {
  for (;;) {
    try {
      await consumeOrders(url);
    } catch (err) {
      throw new Error(String(err));
    }
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoopUntilFailure',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 11,
          suggestions: [
            { messageId: 'addSignalParameter', output: `
import amqp from 'amqplib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

async function consumeOrders(url: string) {
  const conn = await amqp.connect(url);
  await once(conn, 'close');
}

export async function supervise(url: string, signal?: AbortSignal) {
  for (; !signal?.aborted; ) {
    try {
      await consumeOrders(url);
    } catch (err) {
      throw new Error(String(err));
    }
  }
}
` },
          ],
        },
      ],
    },
  ],
});
