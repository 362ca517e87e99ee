import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A call made on every turn, outside the `try`, that takes the next item of a collection's iterator
// and throws once it is exhausted ends the loop when the hosts run out: the `catch` that retries
// with the next one does not spin. A callee that only returns when exhausted, or the same call
// inside the `try` (whose throw the catch swallows), leaves the spin.
runInBothModes('no-unbounded-loop: a retry that takes from a finite iterator', rule, {
  valid: [`
export class ControlConnection {
  hosts = new Set<string>();
  connection?: { send(query: string): Promise<void> };
  async open(host: string): Promise<{ send(query: string): Promise<void> }> {
    return { send: async () => console.log(host) };
  }
  async borrowFirst(hosts: Iterator<string>) {
    for (;;) {
      const item = hosts.next();
      if (item.done) throw new Error('no host available');
      try {
        this.connection = await this.open(item.value);
        return;
      } catch {
        // try the next one
      }
    }
  }
  async initialize() {
    const hosts = Array.from(this.hosts)[Symbol.iterator]();
    while (true) {
      await this.borrowFirst(hosts);
      try {
        await this.connection?.send('SELECT 1');
        break;
      } catch (err) {
        console.error(err);
      }
    }
  }
}
`],
  invalid: [
    {
      code: `
export class ControlConnection {
  hosts = new Set<string>();
  connection?: { send(query: string): Promise<void> };
  async open(host: string): Promise<{ send(query: string): Promise<void> }> {
    return { send: async () => console.log(host) };
  }
  async borrowFirst(hosts: Iterator<string>) {
    for (;;) {
      const item = hosts.next();
      if (item.done) return;
      try {
        this.connection = await this.open(item.value);
        return;
      } catch {
        // try the next one
      }
    }
  }
  async initialize() {
    const hosts = Array.from(this.hosts)[Symbol.iterator]();
    while (true) {
      await this.borrowFirst(hosts);
      try {
        await this.connection?.send('SELECT 1');
        break;
      } catch (err) {
        console.error(err);
      }
    }
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 27,
          column: 9,
          endLine: 27,
          endColumn: 14,
          suggestions: [{ messageId: 'waitBeforeRetry', data: { withSignal: '' }, output: `
export class ControlConnection {
  hosts = new Set<string>();
  connection?: { send(query: string): Promise<void> };
  async open(host: string): Promise<{ send(query: string): Promise<void> }> {
    return { send: async () => console.log(host) };
  }
  async borrowFirst(hosts: Iterator<string>) {
    for (;;) {
      const item = hosts.next();
      if (item.done) return;
      try {
        this.connection = await this.open(item.value);
        return;
      } catch {
        // try the next one
      }
    }
  }
  async initialize() {
    const hosts = Array.from(this.hosts)[Symbol.iterator]();
    while (true) {
      await this.borrowFirst(hosts);
      try {
        await this.connection?.send('SELECT 1');
        break;
      } catch (err) {
        console.error(err);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
` }],
        },
      ],
    },
    {
      code: `
export class ControlConnection {
  hosts = new Set<string>();
  connection?: { send(query: string): Promise<void> };
  async open(host: string): Promise<{ send(query: string): Promise<void> }> {
    return { send: async () => console.log(host) };
  }
  async borrowFirst(hosts: Iterator<string>) {
    for (;;) {
      const item = hosts.next();
      if (item.done) throw new Error('no host available');
      try {
        this.connection = await this.open(item.value);
        return;
      } catch {
        // try the next one
      }
    }
  }
  async initialize() {
    const hosts = Array.from(this.hosts)[Symbol.iterator]();
    while (true) {
      try {
        await this.borrowFirst(hosts);
        await this.connection?.send('SELECT 1');
        break;
      } catch (err) {
        console.error(err);
      }
    }
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 27,
          column: 9,
          endLine: 27,
          endColumn: 14,
          suggestions: [{ messageId: 'waitBeforeRetry', data: { withSignal: '' }, output: `
export class ControlConnection {
  hosts = new Set<string>();
  connection?: { send(query: string): Promise<void> };
  async open(host: string): Promise<{ send(query: string): Promise<void> }> {
    return { send: async () => console.log(host) };
  }
  async borrowFirst(hosts: Iterator<string>) {
    for (;;) {
      const item = hosts.next();
      if (item.done) throw new Error('no host available');
      try {
        this.connection = await this.open(item.value);
        return;
      } catch {
        // try the next one
      }
    }
  }
  async initialize() {
    const hosts = Array.from(this.hosts)[Symbol.iterator]();
    while (true) {
      try {
        await this.borrowFirst(hosts);
        await this.connection?.send('SELECT 1');
        break;
      } catch (err) {
        console.error(err);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
` }],
        },
      ],
    },
  ],
});
