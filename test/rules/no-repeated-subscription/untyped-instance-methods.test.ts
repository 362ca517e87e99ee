import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// `reporter.collect()` with `const reporter = new MetricsReporter(bus)` runs the method the class
// declares, and the class's constructor parameter is what every `new` of it passes.
runInBothModes('no-repeated-subscription: methods of an instance of a class of the file', rule, {
  valid: [
    // the method removes its listener when it is done
    `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
class MetricsReporter {
  counts = new Map<string, number>();
  collect() {
    const onRequest = (route: string) => this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
    bus.on('request', onRequest);
    return () => bus.off('request', onRequest);
  }
}
const reporter = new MetricsReporter();
setInterval(() => reporter.collect()(), 10_000);
`,
    // a guarded start: the interval begins once, however often start() runs
    `
class QueueMonitor {
  timer: ReturnType<typeof setInterval> | undefined;
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => console.log('tick'), 1000);
  }
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
const monitor = new QueueMonitor();
setInterval(() => monitor.start(), 10_000);
`,
  ],
  invalid: [
    {
      // each tick adds one more listener to the module's bus
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
class MetricsReporter {
  counts = new Map<string, number>();
  collect() {
    bus.on('request', (route: string) => this.counts.set(route, (this.counts.get(route) ?? 0) + 1));
  }
}
const reporter = new MetricsReporter();
setInterval(() => reporter.collect(), 10_000);
`,
      errors: [{ messageId: 'repeatedCall', line: 12, column: 19, endLine: 12, endColumn: 35 }],
    },
  ],
});

// Plain JavaScript: the emitter is given to the constructor, and only the `new` shows its kind.
javascriptRuleTester.run('no-repeated-subscription: a constructor parameter known from its construction (JavaScript)', rule, {
  valid: [
    // the class is exported: callers we cannot see may construct it with anything
    `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
export class MetricsReporter {
  constructor(bus) {
    this.bus = bus;
  }
  collect() {
    this.bus.on('request', (route) => console.log(route));
  }
}
const reporter = new MetricsReporter(bus);
setInterval(() => reporter.collect(), 10000);
`,
  ],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
class MetricsReporter {
  constructor(bus) {
    this.bus = bus;
    this.counts = {};
  }
  collect() {
    this.bus.on('request', (route) => {
      this.counts[route] = (this.counts[route] || 0) + 1;
    });
  }
}
const reporter = new MetricsReporter(bus);
setInterval(() => reporter.collect(), 10000);
`,
      errors: [{ messageId: 'repeatedCall', line: 17, column: 19, endLine: 17, endColumn: 35 }],
    },
  ],
});
