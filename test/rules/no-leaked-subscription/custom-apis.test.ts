import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, runInBothModes } from '../../ruleTester';

// settings.leaks: the common shapes of in-house subscription APIs.
const disposer = {
  leaks: { subscriptions: [{ from: 'package', package: 'my-bus', name: 'Bus', subscribe: ['subscribe'], returns: 'disposer' }] },
};
const handle = {
  leaks: { subscriptions: [{ from: 'package', package: 'my-feed', name: 'Feed', subscribe: ['follow'], returns: { end: ['close', 'cancel'] } }] },
};
// A singleton exported by a file of the project (an absolute path here: the testers' cwd differ;
// test/settings.test.ts checks a relative one against ESLint's cwd).
const singleton = {
  leaks: {
    subscriptions: [
      { from: 'file', path: path.join(fixturesDir, 'bus.ts'), name: 'Bus', instances: ['bus'], subscribe: ['listen'], unsubscribe: ['unlisten'] },
    ],
  },
};

runInBothModes('settings.leaks: subscribe returns a disposer', rule, {
  valid: [
    // The disposer is returned to the caller, who owns it.
    {
      settings: disposer,
      code: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void) {
  const off = bus.subscribe('job', handler);
  return off;
}
`,
    },
    // The disposer is called when the signal aborts.
    {
      settings: disposer,
      code: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void, signal: AbortSignal) {
  const off = bus.subscribe('job', handler);
  signal.addEventListener('abort', () => off(), { once: true });
}
`,
    },
    // Called in a finally: the subscription lasts for the work only.
    {
      settings: disposer,
      code: `
import { Bus } from 'my-bus';
const bus = new Bus();
export async function during(handler: () => void, work: () => Promise<void>) {
  const off = bus.subscribe('job', handler);
  try {
    await work();
  } finally {
    off();
  }
}
`,
    },
  ],
  invalid: [
    {
      settings: disposer,
      code: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void, signal: AbortSignal) {
  bus.subscribe('job', handler);
}
`,
      output: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void, signal: AbortSignal) {
  const unsubscribe = bus.subscribe('job', handler);
  if (signal.aborted) unsubscribe();
  else signal.addEventListener('abort', () => unsubscribe(), { once: true });
}
`,
      errors: [
        {
          messageId: 'notUnsubscribed',
          data: { code: "bus.subscribe('job', handler)", label: 'a Bus subscription', target: 'bus', outlives: 'module-level' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
        },
      ],
    },
    {
      settings: disposer,
      code: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void, signal: AbortSignal) {
  const off = bus.subscribe('job', handler);
  console.log('following', typeof off);
}
`,
      output: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void, signal: AbortSignal) {
  const off = bus.subscribe('job', handler);
  console.log('following', typeof off);
  if (signal.aborted) off();
  else signal.addEventListener('abort', () => off(), { once: true });
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          data: { code: "bus.subscribe('job', handler)", label: 'a Bus subscription', handle: 'off', ended: 'ended' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 28,
        },
      ],
    },
  ],
});

runInBothModes('settings.leaks: subscribe returns a handle with a named end method', rule, {
  valid: [
    {
      settings: handle,
      code: `
import { Feed } from 'my-feed';
const feed = new Feed();
export function watchPrices(onPrice: (price: number) => void, signal: AbortSignal) {
  const subscription = feed.follow('prices', onPrice);
  signal.addEventListener('abort', () => subscription.cancel(), { once: true });
}
`,
    },
    {
      settings: handle,
      code: `
import { Feed } from 'my-feed';
const feed = new Feed();
export function watchPrices(onPrice: (price: number) => void) {
  return feed.follow('prices', onPrice);
}
`,
    },
  ],
  invalid: [
    {
      // The fix calls the first end method settings declare, never one the handle may lack.
      settings: handle,
      code: `
import { Feed } from 'my-feed';
const feed = new Feed();
export function watchPrices(onPrice: (price: number) => void, signal: AbortSignal) {
  feed.follow('prices', onPrice);
}
`,
      output: `
import { Feed } from 'my-feed';
const feed = new Feed();
export function watchPrices(onPrice: (price: number) => void, signal: AbortSignal) {
  const subscription = feed.follow('prices', onPrice);
  if (signal.aborted) subscription.close();
  else signal.addEventListener('abort', () => subscription.close(), { once: true });
}
`,
      errors: [
        {
          messageId: 'notUnsubscribed',
          data: { code: "feed.follow('prices', onPrice)", label: 'a Feed subscription', target: 'feed', outlives: 'module-level' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
        },
      ],
    },
  ],
});

runInBothModes('settings.leaks: an imported singleton of your API', rule, {
  valid: [
    {
      settings: singleton,
      filename: 'file.ts',
      code: `
import { bus } from './bus';
export function once(handler: () => void) {
  bus.listen('job', handler);
  bus.unlisten('job', handler);
}
`,
    },
    // Another module's bus is not the one settings name.
    {
      settings: singleton,
      filename: 'file.ts',
      code: `
import { bus } from './other-bus';
export function follow(handler: () => void) {
  bus.listen('job', handler);
}
`,
    },
  ],
  invalid: [
    {
      settings: singleton,
      filename: 'file.ts',
      code: `
import { bus } from './bus';
export function follow(handler: () => void, signal: AbortSignal) {
  bus.listen('job', handler);
}
`,
      output: `
import { bus } from './bus';
export function follow(handler: () => void, signal: AbortSignal) {
  bus.listen('job', handler);
  if (signal.aborted) bus.unlisten('job', handler);
  else signal.addEventListener('abort', () => bus.unlisten('job', handler), { once: true });
}
`,
      errors: [
        {
          messageId: 'notUnsubscribed',
          data: { code: "bus.listen('job', handler)", label: 'a Bus subscription', target: 'bus', outlives: 'imported' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 13,
        },
      ],
    },
  ],
});

// settings.leaks.teardownMethods: your own lifecycle's teardown, besides stop, close, dispose, …
const release = { leaks: { teardownMethods: ['release'] } };

runInBothModes('settings.leaks: teardown methods of your own', rule, {
  valid: [
    {
      settings: release,
      code: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;

  acquire() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }

  release() {
    clearInterval(this.timer);
  }
}
`,
    },
    // Without the setting, `release` is just a method: a class with no teardown that keeps its handle is its owner's to end.
    `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;

  acquire() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }

  release() {
    console.log('released');
  }
}
`,
  ],
  invalid: [
    {
      settings: release,
      code: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;

  acquire() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }

  release() {
    console.log('released');
  }
}
`,
      output: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;

  acquire() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }

  release() {
    console.log('released');
    clearInterval(this.timer);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(…)', member: 'this.timer', teardown: 'release' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 29,
        },
      ],
    },
  ],
});
