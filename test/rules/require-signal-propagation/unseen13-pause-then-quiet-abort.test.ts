import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A pause that ends by itself, right after which every path checks the same signal and leaves
// quietly (homebridge-unifi-protect's `login()`, seen on the thirteenth unseen sample: a 30 s settle
// sleep, then `if (this.#isShuttingDown()) return;`). Handed the signal, the sleep would reject with
// an `AbortError` where the author returns, and `void controller.login()` would leave it unhandled.
// Still reported: a check on one path only, a check of another signal, a loud check
// (`throwIfAborted()`), something started between the pause and the check, and a wait that is no
// bounded pause.
const nvr = (afterSleep: string, extra = ''): string => `
import { setTimeout as sleep } from 'node:timers/promises';

export class Nvr {
  #shutdownController = new AbortController();
  get signal() {
    return this.#shutdownController.signal;
  }
  #isShuttingDown() {
    return this.signal.aborted;
  }
  shutdown() {
    this.#shutdownController.abort();
  }
  async login() {
    await sleep(30000);
${afterSleep}
    this.removeAll();
  }
  removeAll() {}${extra}
}
`;

runInBothModes('require-signal-propagation: a pause honoured quietly right after', rule, {
  valid: [
    // The unseen sample: a private method reading a getter.
    nvr('    if (this.#isShuttingDown()) {\n      return;\n    }'),
    // Through the getter directly.
    nvr('    if (this.signal.aborted) return;'),
    // The signal itself, or with another reason to return.
    nvr('    if (this.#shutdownController.signal.aborted) return;'),
    nvr('    if (this.removed || this.#isShuttingDown()) return;', '\n  removed = false;'),
    // Through a getter of the class that returns the check.
    nvr('    if (this.stopping) return;', '\n  get stopping() {\n    return this.signal.aborted;\n  }'),
    // A local predicate.
    `
import { setTimeout } from 'node:timers/promises';

export async function settle(signal) {
  const stopped = () => signal.aborted;
  await setTimeout(30000);
  if (stopped()) return;
  await fetch('/ready', { signal });
}
`,
    // The pause ends a round of a loop that stops on the signal.
    `
import { setTimeout as sleep } from 'node:timers/promises';

export async function poll(url, signal) {
  while (!signal.aborted) {
    await fetch(url, { signal });
    await sleep(1000);
  }
}
`,
    // A break out of the loop that holds the pause.
    `
import { setTimeout as sleep } from 'node:timers/promises';

export async function poll(url, signal) {
  for (;;) {
    await fetch(url, { signal });
    await sleep(1000);
    if (signal.aborted) break;
  }
}
`,
  ],
  invalid: [
    {
      // The check runs on one path only: after the else branch the run goes on.
      code: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal, quick) {
  if (quick) {
    await sleep(100);
    if (signal.aborted) return;
  } else {
    await sleep(30000);
  }
  await fetch('/ready', { signal });
}
`,
      errors: [missing(9, 11, 9, 23)],
      output: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal, quick) {
  if (quick) {
    await sleep(100);
    if (signal.aborted) return;
  } else {
    await sleep(30000, undefined, { signal });
  }
  await fetch('/ready', { signal });
}
`,
    },
    {
      // Another signal's check does not honour this one.
      code: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal, other) {
  await sleep(30000);
  if (other.aborted) return;
  await fetch('/ready', { signal });
}
`,
      errors: [missing(5, 9, 5, 21)],
      output: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal, other) {
  await sleep(30000, undefined, { signal });
  if (other.aborted) return;
  await fetch('/ready', { signal });
}
`,
    },
    {
      // \`throwIfAborted()\` leaves loudly: the signal changes nothing there but the wait.
      code: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal) {
  await sleep(30000);
  signal.throwIfAborted();
  await fetch('/ready', { signal });
}
`,
      errors: [missing(5, 9, 5, 21)],
      output: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal) {
  await sleep(30000, undefined, { signal });
  signal.throwIfAborted();
  await fetch('/ready', { signal });
}
`,
    },
    {
      // Something starts between the pause and the check.
      code: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal, bus, onTick) {
  await sleep(30000);
  bus.on('tick', onTick);
  if (signal.aborted) return;
}
`,
      errors: [missing(5, 9, 5, 21)],
      output: `
import { setTimeout as sleep } from 'node:timers/promises';

export async function settle(signal, bus, onTick) {
  await sleep(30000, undefined, { signal });
  bus.on('tick', onTick);
  if (signal.aborted) return;
}
`,
    },
    {
      // An endless source, not a pause: nothing but the signal ends it.
      code: `
import { setInterval } from 'node:timers/promises';

export async function ticks(signal) {
  for await (const tick of setInterval(1000)) {
    if (signal.aborted) return;
    console.log(tick);
  }
}
`,
      errors: [missing(5, 28, 5, 45)],
      output: `
import { setInterval } from 'node:timers/promises';

export async function ticks(signal) {
  for await (const tick of setInterval(1000, undefined, { signal })) {
    if (signal.aborted) return;
    console.log(tick);
  }
}
`,
    },
  ],
});
