import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A call in a `finally` or an abort handler runs after the abort, and passing the signal there
// would cancel the cleanup. So does a call in a function that only such paths call, when every call
// of it is known: a private method (telegraf's long-polling loop aborts its controller in `finally`,
// then syncs the update offset through a private method; given the aborted signal, that request
// would fail at once, its error swallowed, and the offset never synced), or a function the file
// keeps to itself. Reported as before: the same method also called on a normal path, and a public
// method, which code elsewhere may call at any time; the signal is offered there, not written, since
// `loop()` aborts it for good (see signal-dead-after-teardown.test.ts).
const api = `
async function callApi(method: string, payload: object, options: { signal?: AbortSignal } = {}): Promise<unknown> {
  const response = await fetch('https://api.example/' + method, { method: 'POST', body: JSON.stringify(payload), signal: options.signal });
  return response.json();
}
`;

runInBothModes('require-signal-propagation: functions only cleanup paths call', rule, {
  valid: [
    `${api}
export class Polling {
  private readonly controller = new AbortController();
  private offset = 0;

  async loop(handle: (update: unknown) => Promise<void>) {
    try {
      while (!this.controller.signal.aborted) await handle(await callApi('getUpdates', { offset: this.offset }, { signal: this.controller.signal }));
    } finally {
      this.stop();
      await this.syncOffset().catch(() => undefined);
    }
  }

  private async syncOffset() {
    await callApi('getUpdates', { offset: this.offset, limit: 1 });
  }

  stop() {
    this.controller.abort();
  }
}
`,
    // An ECMAScript private method, reached through another one that only the `finally` calls.
    `${api}
export class Polling {
  #controller = new AbortController();

  async loop() {
    try {
      await callApi('getUpdates', {}, { signal: this.#controller.signal });
    } finally {
      this.#controller.abort();
      await this.#shutdown();
    }
  }

  async #shutdown() {
    await this.#sync();
  }

  async #sync() {
    await callApi('sync', {});
  }
}
`,
    // A function of the file, not exported, called only from an abort listener.
    `${api}
const shutdown = new AbortController();

async function flush() {
  await callApi('flush', {});
}

export async function serve() {
  shutdown.signal.addEventListener('abort', () => void flush(), { once: true });
  await callApi('serve', {}, { signal: shutdown.signal });
}
`,
  ],
  invalid: [
    {
      // Also called on a normal path, where aborting should stop it.
      code: `${api}
export class Polling {
  private readonly controller = new AbortController();

  async loop() {
    try {
      await this.syncOffset();
    } finally {
      this.controller.abort();
      await this.syncOffset();
    }
  }

  private async syncOffset() {
    await callApi('getUpdates', { limit: 1 });
  }
}
`,
      errors: [{ ...missing(20, 11, 20, 46), suggestions: [{ messageId: 'passSignal', output: `${api}
export class Polling {
  private readonly controller = new AbortController();

  async loop() {
    try {
      await this.syncOffset();
    } finally {
      this.controller.abort();
      await this.syncOffset();
    }
  }

  private async syncOffset() {
    await callApi('getUpdates', { limit: 1 }, { signal: this.controller.signal });
  }
}
` }] }],
    },
    {
      // A public method: whoever holds the object may call it while the signal is live.
      code: `${api}
export class Polling {
  private readonly controller = new AbortController();

  async loop() {
    try {
      await callApi('getUpdates', {}, { signal: this.controller.signal });
    } finally {
      this.controller.abort();
      await this.syncOffset();
    }
  }

  async syncOffset() {
    await callApi('getUpdates', { limit: 1 });
  }
}
`,
      errors: [{ ...missing(20, 11, 20, 46), suggestions: [{ messageId: 'passSignal', output: `${api}
export class Polling {
  private readonly controller = new AbortController();

  async loop() {
    try {
      await callApi('getUpdates', {}, { signal: this.controller.signal });
    } finally {
      this.controller.abort();
      await this.syncOffset();
    }
  }

  async syncOffset() {
    await callApi('getUpdates', { limit: 1 }, { signal: this.controller.signal });
  }
}
` }] }],
    },
  ],
});
