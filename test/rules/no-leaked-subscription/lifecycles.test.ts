import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: teardown ends what setup started', rule, {
  valid: [
    // plain start()/stop() that clears the interval
    `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;

  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }

  stop() {
    clearInterval(this.timer);
  }
}
`,
    // NestJS: onModuleDestroy quits the subscriber through a helper it calls
    `
import { Redis } from 'ioredis';

export class TasksListener {
  private subscriber: Redis | undefined;

  constructor(private readonly redis: Redis) {}

  async onModuleInit() {
    this.subscriber = this.redis.duplicate();
    await this.subscriber.subscribe('tasks');
  }

  async onModuleDestroy() {
    await this.closeSubscriber();
  }

  private async closeSubscriber() {
    await this.subscriber?.quit();
  }
}
`,
    // Angular: takeUntilDestroyed in the pipe ends it with the component
    `
import { interval, takeUntil, Subject } from 'rxjs';
import type { Subscription } from 'rxjs';

export class ClockComponent {
  private destroyed = new Subject<void>();
  private tick: Subscription | undefined;

  ngOnInit() {
    this.tick = interval(1000).pipe(takeUntil(this.destroyed)).subscribe(() => console.log('tick'));
  }

  ngOnDestroy() {
    this.destroyed.next();
  }
}
`,
    // custom element: disconnectedCallback disconnects the observer
    `
export class SizeReporter extends HTMLElement {
  private observer: ResizeObserver | undefined;

  connectedCallback() {
    this.observer = new ResizeObserver(() => console.log(this.clientWidth));
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.observer?.disconnect();
  }
}
`,
    // React class component closes its socket on unmount
    `
export class Prices {
  private socket: WebSocket | undefined;

  componentDidMount() {
    this.socket = new WebSocket('wss://example.com/prices');
  }

  componentWillUnmount() {
    this.socket?.close();
  }
}
`,
    // base-class teardown called through super.stop()
    `
class Service {
  protected timer: ReturnType<typeof setInterval> | undefined;
  stop() {
    clearInterval(this.timer);
  }
}

export class Heartbeat extends Service {
  private beats = 0;
  start() {
    this.timer = setInterval(() => this.beats++, 5000);
  }
  stop() {
    super.stop();
    console.log(this.beats);
  }
}
`,
    // a constructor's process listener removed in teardown
    `
export class Job {
  private readonly onMessage = (message: unknown) => console.log(message);
  constructor() {
    process.on('message', this.onMessage);
  }
  dispose() {
    process.off('message', this.onMessage);
  }
}
`,
    // a constructor's listener on an emitter it was handed is its caller's business
    `
import type { EventEmitter } from 'node:events';

export class Relay {
  constructor(source: EventEmitter) {
    source.on('data', (chunk) => console.log(chunk));
  }
}
`,
    // a class with no teardown that keeps its interval on this is ended by its owner
    `
export class Ticker {
  timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('tick'), 1000);
  }
}
`,
  ],
  invalid: [
    {
      // plain start()/stop(): stop() forgets the interval start() keeps on this (--fix clears it there)
      code: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;

  start() {
    this.running = true;
    this.timer = setInterval(() => this.poll(), 1000);
  }

  stop() {
    this.running = false;
  }

  private poll() {
    console.log('poll', this.running);
  }
}
`,
      output: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;

  start() {
    this.running = true;
    this.timer = setInterval(() => this.poll(), 1000);
  }

  stop() {
    this.running = false;
    clearInterval(this.timer);
  }

  private poll() {
    console.log('poll', this.running);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { label: 'an interval', member: 'this.timer', teardown: 'stop', code: 'setInterval(() => this.poll(), 1000)' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 29,
        },
      ],
    },
    {
      // NestJS: onModuleDestroy forgets the subscriber connection made in onModuleInit
      code: `
import { Redis } from 'ioredis';

export class TasksListener {
  private subscriber: Redis | undefined;

  constructor(private readonly redis: Redis) {}

  async onModuleInit() {
    this.subscriber = this.redis.duplicate();
    await this.subscriber.subscribe('tasks');
  }

  async onModuleDestroy() {
    console.log('shutting down');
  }
}
`,
      output: `
import { Redis } from 'ioredis';

export class TasksListener {
  private subscriber: Redis | undefined;

  constructor(private readonly redis: Redis) {}

  async onModuleInit() {
    this.subscriber = this.redis.duplicate();
    await this.subscriber.subscribe('tasks');
  }

  async onModuleDestroy() {
    console.log('shutting down');
    void this.subscriber?.quit();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { label: 'a Redis connection', member: 'this.subscriber', teardown: 'onModuleDestroy', code: 'this.redis.duplicate()' },
          line: 10,
          column: 23,
          endLine: 10,
          endColumn: 43,
        },
      ],
    },
    {
      // Angular: ngOnDestroy never unsubscribes what ngOnInit keeps
      code: `
import { interval } from 'rxjs';
import type { Subscription } from 'rxjs';

export class ClockComponent {
  private tick: Subscription | undefined;
  now = 0;

  ngOnInit() {
    this.tick = interval(1000).subscribe(() => (this.now = Date.now()));
  }

  ngOnDestroy() {}
}
`,
      output: `
import { interval } from 'rxjs';
import type { Subscription } from 'rxjs';

export class ClockComponent {
  private tick: Subscription | undefined;
  now = 0;

  ngOnInit() {
    this.tick = interval(1000).subscribe(() => (this.now = Date.now()));
  }

  ngOnDestroy() {
    this.tick?.unsubscribe();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { label: 'an RxJS subscription', member: 'this.tick', teardown: 'ngOnDestroy', code: 'interval(1000).subscribe(…)' },
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 41,
        },
      ],
    },
    {
      // custom element: the observer made in connectedCallback is not disconnected
      code: `
export class SizeReporter extends HTMLElement {
  private observer: ResizeObserver | undefined;

  connectedCallback() {
    this.observer = new ResizeObserver(() => this.report());
    this.observer.observe(this);
  }

  disconnectedCallback() {
    console.log('detached');
  }

  private report() {
    console.log(this.clientWidth);
  }
}
`,
      output: `
export class SizeReporter extends HTMLElement {
  private observer: ResizeObserver | undefined;

  connectedCallback() {
    this.observer = new ResizeObserver(() => this.report());
    this.observer.observe(this);
  }

  disconnectedCallback() {
    console.log('detached');
    this.observer?.disconnect();
  }

  private report() {
    console.log(this.clientWidth);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: {
            label: 'a ResizeObserver',
            member: 'this.observer',
            teardown: 'disconnectedCallback',
            code: 'new ResizeObserver(() => this.report())',
          },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 60,
        },
      ],
    },
    {
      // React class component: componentWillUnmount forgets the WebSocket
      code: `
export class Prices {
  private socket: WebSocket | undefined;

  componentDidMount() {
    this.socket = new WebSocket('wss://example.com/prices');
  }

  componentWillUnmount() {
    console.log('unmounting');
  }
}
`,
      output: `
export class Prices {
  private socket: WebSocket | undefined;

  componentDidMount() {
    this.socket = new WebSocket('wss://example.com/prices');
  }

  componentWillUnmount() {
    console.log('unmounting');
    this.socket?.close();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { label: 'a WebSocket', member: 'this.socket', teardown: 'componentWillUnmount', code: 'new WebSocket(…)' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 60,
        },
      ],
    },
    {
      // base-class teardown: the subclass's timer is not ended by the inherited stop()
      code: `
class Service {
  protected started = false;
  stop() {
    this.started = false;
  }
}

export class Heartbeat extends Service {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.started = true;
    this.timer = setInterval(() => console.log('beat'), 5000);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEndedInherited',
          data: { label: 'an interval', member: 'this.timer', teardown: 'stop', base: 'Service', code: 'setInterval(…)' },
          line: 13,
          column: 18,
          endLine: 13,
          endColumn: 29,
        },
      ],
    },
    {
      // a constructor adds a listener to process once per instance, and nothing removes it
      code: `
export class Job {
  constructor(private readonly name: string) {
    process.on('message', (message) => console.log(this.name, message));
  }
}
`,
      errors: [
        {
          messageId: 'listenerPerInstance',
          data: { label: "a 'message' listener", target: 'process', outlives: 'a global', code: 'process.on(…)' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
    {
      // [Symbol.dispose]: an empty teardown
      code: `
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';

export class ConfigWatcher {
  private watcher: FSWatcher | undefined;

  open(path: string) {
    this.watcher = watch(path, () => console.log('changed'));
  }

  [Symbol.dispose]() {}
}
`,
      output: `
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';

export class ConfigWatcher {
  private watcher: FSWatcher | undefined;

  open(path: string) {
    this.watcher = watch(path, () => console.log('changed'));
  }

  [Symbol.dispose]() {
    this.watcher?.close();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { label: 'a file watcher', member: 'this.watcher', teardown: '[Symbol.dispose]', code: 'watch(…)' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 25,
        },
      ],
    },
  ],
});
