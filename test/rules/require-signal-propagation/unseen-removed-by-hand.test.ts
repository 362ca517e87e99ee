import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A listener whose removal the code writes itself, with the same function, already has its end: the
// class removes it in another method (livekit's room adds `window`'s page-leave listeners on connect
// and removes them on disconnect; matrix-js-sdk's sync loop its `'online'` listener in `stop()`), or
// the function removes it in a clean-up its abort listener calls (livekit's data channel waiting
// for headroom). Given the signal as well, it would gain nothing. Still reported: a removal of
// another event or another function, a removal handed a function made on the spot, which removes
// nothing, and a listener nothing removes.
runInBothModes('require-signal-propagation: listeners removed by hand', rule, {
  valid: [
    // Removed by another method of the class, with the same member function.
    `
export class Room {
  private onPageLeave = () => this.disconnect();

  async connect(url: string, signal: AbortSignal) {
    await fetch(url, { signal });
    window.addEventListener('pagehide', this.onPageLeave);
  }

  disconnect() {
    window.removeEventListener('pagehide', this.onPageLeave);
  }
}
`,
    // Removed by the clean-up the abort listener calls, in the same function.
    `
export function waitForDrain(channel: EventTarget, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onAbort = () => cleanup();
    const cleanup = () => {
      channel.removeEventListener('drain', onDrain);
      signal.removeEventListener('abort', onAbort);
    };
    channel.addEventListener('drain', onDrain);
    signal.addEventListener('abort', onAbort);
  });
}
`,
    // The constructor keeps a function that removes it from the same parameter.
    `
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly onRenew = () => undefined;
  private readonly stopListening: () => void;

  constructor(events: EventTarget) {
    events.addEventListener('renew', this.onRenew);
    this.stopListening = () => events.removeEventListener('renew', this.onRenew);
  }

  close() {
    this.shutdown.abort();
    this.stopListening();
  }
}
`,
  ],
  invalid: [
    // Removed before it is added, in the same function: that only keeps it from doubling; nothing ends it.
    {
      code: `
export class Widget {
  private readonly controller = new AbortController();
  private readonly onResize = () => undefined;

  mount() {
    window.removeEventListener('resize', this.onResize);
    window.addEventListener('resize', this.onResize);
  }

  destroy() {
    this.controller.abort();
  }
}
`,
      errors: [
        {
          ...missing(8, 5, 8, 53),
          suggestions: [
            {
              messageId: 'passSignal',
              output: `
export class Widget {
  private readonly controller = new AbortController();
  private readonly onResize = () => undefined;

  mount() {
    window.removeEventListener('resize', this.onResize);
    window.addEventListener('resize', this.onResize, { signal: this.controller.signal });
  }

  destroy() {
    this.controller.abort();
  }
}
`,
            },
          ],
        },
      ],
    },
    // The real shape: nothing removes it (libp2p's websocket listener, its constructor's listeners on the node's event bus).
    {
      code: `
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly onRenew = () => undefined;
  private readonly stopListening: () => void;

  constructor(events: EventTarget) {
    events.addEventListener('renew', this.onRenew);
    this.stopListening = () => undefined;
  }

  close() {
    this.shutdown.abort();
    this.stopListening();
  }
}
`,
      errors: [
        {
          ...missing(8, 5, 8, 51),
          suggestions: [
            {
              messageId: 'passSignal',
              output: `
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly onRenew = () => undefined;
  private readonly stopListening: () => void;

  constructor(events: EventTarget) {
    events.addEventListener('renew', this.onRenew, { signal: this.shutdown.signal });
    this.stopListening = () => undefined;
  }

  close() {
    this.shutdown.abort();
    this.stopListening();
  }
}
`,
            },
          ],
        },
      ],
    },
    // The removal is of another event.
    {
      code: `
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly onRenew = () => undefined;
  private readonly stopListening: () => void;

  constructor(events: EventTarget) {
    events.addEventListener('renew', this.onRenew);
    this.stopListening = () => events.removeEventListener('provision', this.onRenew);
  }

  close() {
    this.shutdown.abort();
    this.stopListening();
  }
}
`,
      errors: [
        {
          ...missing(8, 5, 8, 51),
          suggestions: [
            {
              messageId: 'passSignal',
              output: `
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly onRenew = () => undefined;
  private readonly stopListening: () => void;

  constructor(events: EventTarget) {
    events.addEventListener('renew', this.onRenew, { signal: this.shutdown.signal });
    this.stopListening = () => events.removeEventListener('provision', this.onRenew);
  }

  close() {
    this.shutdown.abort();
    this.stopListening();
  }
}
`,
            },
          ],
        },
      ],
    },
    // The removal is handed a function made on the spot: it removes nothing.
    {
      code: `
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly onRenew = () => undefined;
  private readonly stopListening: () => void;

  constructor(events: EventTarget) {
    events.addEventListener('renew', this.onRenew);
    this.stopListening = () => events.removeEventListener('renew', this.onRenew.bind(this));
  }

  close() {
    this.shutdown.abort();
    this.stopListening();
  }
}
`,
      errors: [
        {
          ...missing(8, 5, 8, 51),
          suggestions: [
            {
              messageId: 'passSignal',
              output: `
export class Listener {
  private readonly shutdown = new AbortController();
  private readonly onRenew = () => undefined;
  private readonly stopListening: () => void;

  constructor(events: EventTarget) {
    events.addEventListener('renew', this.onRenew, { signal: this.shutdown.signal });
    this.stopListening = () => events.removeEventListener('renew', this.onRenew.bind(this));
  }

  close() {
    this.shutdown.abort();
    this.stopListening();
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
