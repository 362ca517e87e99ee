import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A call that makes a signal, whose value the code then combines with the signal in scope
// (libp2p's routing table: `const signal = timeout.getTimeoutSignal(); const signals =
// anySignal([signal, this.shutdownController.signal, options?.signal])`), follows that signal
// through the combination: giving it the signal too changes nothing. Reported as before: the made
// signal used on its own, and one combined with another signal than the one in scope. The
// combining call is known by its value being a signal (its type, `AbortSignal.any`, or its use as
// one), whatever it is called; an array handed to any other call combines nothing.
const timeout = `
function timeoutSignal(options: { signal?: AbortSignal } = {}): AbortSignal {
  return options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(1000)]) : AbortSignal.timeout(1000);
}
`;

runInBothModes('require-signal-propagation: a made signal combined with the one in scope', rule, {
  valid: [
    `${timeout}
export class Table {
  private readonly shutdown = new AbortController();

  async ping(url: string): Promise<void> {
    const signal = timeoutSignal();
    const signals = AbortSignal.any([signal, this.shutdown.signal]);
    await fetch(url, { signal: signals });
  }
}
`,
    `${timeout}
export async function ping(url: string, signal: AbortSignal): Promise<void> {
  const timeoutSignal = timeoutSignal();
  await fetch(url, { signal: AbortSignal.any([timeoutSignal, signal]) });
}
`,
    `${timeout}
interface ClearableSignal extends AbortSignal {
  clear(): void;
}
declare function combine(signals: Array<AbortSignal | undefined>): ClearableSignal;

export class Table {
  private readonly shutdown = new AbortController();

  async ping(url: string): Promise<void> {
    const made = timeoutSignal();
    const both = combine([made, this.shutdown.signal]);
    try {
      await fetch(url, { signal: both });
    } finally {
      both.clear();
    }
  }
}
`,
  ],
  invalid: [
    {
      code: `${timeout}
declare function report(values: unknown[]): void;

export class Table {
  private readonly shutdown = new AbortController();

  async ping(url: string): Promise<void> {
    const made = timeoutSignal();
    report([made, this.shutdown.signal]);
    await fetch(url, { signal: made });
  }
}
`,
      errors: [missing(12, 18, 12, 33)],
      output: `${timeout}
declare function report(values: unknown[]): void;

export class Table {
  private readonly shutdown = new AbortController();

  async ping(url: string): Promise<void> {
    const made = timeoutSignal({ signal: this.shutdown.signal });
    report([made, this.shutdown.signal]);
    await fetch(url, { signal: made });
  }
}
`,
    },
    {
      code: `${timeout}
export class Table {
  private readonly shutdown = new AbortController();
  private readonly other = new AbortController();

  async ping(url: string): Promise<void> {
    const signal = timeoutSignal();
    await fetch(url, { signal: AbortSignal.any([signal, this.other.signal]) });
  }
}
`,
      errors: [missing(11, 20, 11, 35)],
      output: `${timeout}
export class Table {
  private readonly shutdown = new AbortController();
  private readonly other = new AbortController();

  async ping(url: string): Promise<void> {
    const signal = timeoutSignal({ signal: this.shutdown.signal });
    await fetch(url, { signal: AbortSignal.any([signal, this.other.signal]) });
  }
}
`,
    },
  ],
});
