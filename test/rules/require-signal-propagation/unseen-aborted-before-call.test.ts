import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A teardown that aborts the object's controller and then waits for its servers to close, or
// unregisters a handler (libp2p's listeners and relay services: `close() { this.shutdown.abort();
// await pEvent(this.server, 'close') }`), holds a signal that has aborted: given it, the wait or
// the call fails at once and the teardown rejects. The abort in a branch before the call counts
// too (the signal may have aborted). Reported as before: a call before the abort, a call after the
// abort of another controller, and a call in a function that only defines (does not run) the abort.
const api = `
async function waitFor(target: { once(event: string, f: () => void): unknown }, event: string, options: { signal?: AbortSignal } = {}): Promise<void> {
  options.signal?.throwIfAborted();
  await new Promise<void>((resolve) => { target.once(event, resolve); });
}
interface Server { close(): void; once(event: string, f: () => void): unknown }
`;

runInBothModes('require-signal-propagation: calls after their function aborted the signal', rule, {
  valid: [
    `${api}
export class Listener {
  private readonly shutdown = new AbortController();
  constructor(private readonly server: Server) {}

  async close(): Promise<void> {
    this.server.close();
    this.shutdown.abort();
    await waitFor(this.server, 'close');
  }
}
`,
    // The abort in a branch, an optional chain to the controller, a private field.
    `${api}
export class Listener {
  #shutdown?: AbortController;
  constructor(private readonly server: Server, private readonly force: boolean) {}

  async close(): Promise<void> {
    if (this.force) this.#shutdown?.abort();
    const events = [waitFor(this.server, 'close')];
    await Promise.all(events);
  }

  start(): void {
    this.#shutdown = new AbortController();
    void waitFor(this.server, 'error', { signal: this.#shutdown.signal });
  }
}
`,
  ],
  invalid: [
    {
      // Before the abort, the signal is live: aborting it should end the wait.
      code: `${api}
export class Listener {
  private readonly shutdown = new AbortController();
  constructor(private readonly server: Server) {}

  async close(): Promise<void> {
    await waitFor(this.server, 'drain');
    this.shutdown.abort();
  }
}
`,
      errors: [missing(13, 11, 13, 40)],
      output: `${api}
export class Listener {
  private readonly shutdown = new AbortController();
  constructor(private readonly server: Server) {}

  async close(): Promise<void> {
    await waitFor(this.server, 'drain', { signal: this.shutdown.signal });
    this.shutdown.abort();
  }
}
`,
    },
    {
      // Another controller aborted; and an abort only defined in a callback, not run before the call.
      code: `${api}
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly other = new AbortController();
  constructor(private readonly server: Server) {}

  async close(): Promise<void> {
    this.other.abort();
    const later = () => this.shutdown.abort();
    await waitFor(this.server, 'drain');
    later();
  }
}
`,
      errors: [missing(16, 11, 16, 40)],
      output: `${api}
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly other = new AbortController();
  constructor(private readonly server: Server) {}

  async close(): Promise<void> {
    this.other.abort();
    const later = () => this.shutdown.abort();
    await waitFor(this.server, 'drain', { signal: this.shutdown.signal });
    later();
  }
}
`,
    },
  ],
});
