import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// From the fresh corpus (cote's Monitorable): a method that runs on every event but starts its
// interval only inside `if (!this.publisher)`, whose branch sets `this.publisher`, starts it once
// per object. What is stored there does not pile up with the events.
runInBothModes('no-leaked-subscription: a start guarded by an instance field its branch sets', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';

export class Monitorable {
  discovery = new EventEmitter();
  publisher: { connect(port: number): void } | undefined;
  monitorInterval: ReturnType<typeof setInterval> | undefined;

  startDiscovery() {
    this.discovery.on('added', (port: number) => {
      this.onMonitorAdded(port);
    });
  }

  onMonitorAdded(port: number) {
    if (!this.publisher) {
      this.publisher = { connect(p: number) { console.log(p); } };
      this.monitorInterval = setInterval(() => this.onMonitorInterval(), 5000);
    }
    this.publisher.connect(port);
  }

  onMonitorInterval() {
    console.log('status');
  }
}
`,
  ],
  invalid: [
    // The same method without the guard starts one more interval on every 'added' event.
    {
      code: `
import { EventEmitter } from 'node:events';

export class Monitorable {
  discovery = new EventEmitter();
  monitorInterval: ReturnType<typeof setInterval> | undefined;

  startDiscovery() {
    this.discovery.on('added', (port: number) => {
      this.onMonitorAdded(port);
    });
  }

  onMonitorAdded(port: number) {
    console.log(port);
    this.monitorInterval = setInterval(() => this.onMonitorInterval(), 5000);
  }

  onMonitorInterval() {
    console.log('status');
  }
}
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: {
            code: 'setInterval(…)',
            label: 'an interval',
            member: 'this.monitorInterval',
            again: 'onMonitorAdded',
            every: "on every 'added' event (line 10)",
          },
          line: 16,
          column: 28,
          endLine: 16,
          endColumn: 39,
        },
      ],
    },
  ],
});
