import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// Storing a handle on `this` or in an outer variable is not an end; an end of the place it is
// stored is (issue 10, mutation recall: "handed over: stored on the object").
runInBothModes('no-leaked-subscription: a stored handle is ended only by an end of its slot', rule, {
  valid: [
    // teardown hands the member to a helper: handing it on counts as ending it
    `
declare function release(handle: unknown): void;
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    release(this.timer);
  }
}
`,
    // the end runs when the socket closes, and teardown closes the socket
    `
export class Feed {
  private socket: WebSocket | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  open(url: string) {
    this.socket = new WebSocket(url);
    this.ping = setInterval(() => this.socket?.send('ping'), 1000);
    this.socket.addEventListener('close', () => clearInterval(this.ping));
  }
  close() {
    this.socket?.close();
  }
}
`,
    // the end is in a method teardown reaches through an event handler it registers by name
    `
export class Heartbeat {
  private timer: ReturnType<typeof setInterval> | undefined;
  private socket = new WebSocket('wss://example.com');
  start() {
    this.timer = setInterval(() => console.log('beat'), 1000);
    this.socket.addEventListener('close', this.onClose);
  }
  private onClose = () => {
    this.cleanup();
  };
  private cleanup() {
    clearInterval(this.timer);
  }
  stop() {
    this.socket.close();
  }
}
`,
    // a class with no teardown and nothing that starts it again keeps its interval for its life
    `
export class Metrics {
  private timer: ReturnType<typeof setInterval> | undefined;
  constructor() {
    this.timer = setInterval(() => console.log('flush'), 5000);
  }
}
`,
    // an outer variable ended in another function of the file
    `
let timer: ReturnType<typeof setInterval> | undefined;
export function startPolling() {
  timer = setInterval(() => console.log('poll'), 1000);
}
export function stopPolling() {
  if (timer) clearInterval(timer);
}
`,
    // an outer variable nothing ends, in a function nothing shows runs again
    `
let timer: ReturnType<typeof setInterval> | undefined;
export function startPolling() {
  timer = setInterval(() => console.log('poll'), 1000);
}
`,
    // teardown ends what an end before the new one would also end (overwrite guard plus teardown)
    `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    this.timer && clearInterval(this.timer);
  }
}
`,
    // teardown calls a base class's stop() that this file does not show
    {
      code: `
import { Service } from './service';
export class Poller extends Service {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    super.stop();
  }
}
`,
      filename: 'file.ts',
    },
    // an event handler that lets go of a socket that closed by itself is no release
    `
export class Client {
  private socket: WebSocket | undefined;
  connect(url: string) {
    this.socket = new WebSocket(url);
    this.socket.addEventListener('close', () => this.onClose());
  }
  private onClose() {
    this.socket = undefined;
  }
}
`,
    // a constructor's null is a start value, not a release
    `
export class Gossip {
  private timer: ReturnType<typeof setInterval> | null;
  constructor() {
    this.timer = null;
  }
  startTimers() {
    this.timer = setInterval(() => console.log('gossip'), 1000);
  }
}
`,
  ],
  invalid: [
    {
      // stop() only forgets the handle: `this.timer = null` is not an end (no fix: an end after the
      // null would end nothing)
      code: `
export class Exporter {
  private timer: ReturnType<typeof setInterval> | null = null;
  init() {
    this.timer = setInterval(() => this.flush(), 5000);
  }
  stop() {
    if (this.timer) {
      this.timer = null;
    }
  }
  private flush() {
    console.log('flush');
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => this.flush(), 5000)', member: 'this.timer', teardown: 'stop' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      // the clearInterval before the new interval ends the previous one, not this one
      code: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  start() {
    clearInterval(this.timer);
    this.running = true;
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  destroy() {
    this.running = false;
  }
}
`,
      output: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  start() {
    clearInterval(this.timer);
    this.running = true;
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  destroy() {
    this.running = false;
    clearInterval(this.timer);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(…)', member: 'this.timer', teardown: 'destroy' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 29,
        },
      ],
    },
    {
      // no teardown, but stopTimers() lets go of the interval without clearing it
      code: `
export class Gossip {
  private timer: ReturnType<typeof setInterval> | null = null;
  startTimers() {
    this.timer = setInterval(() => console.log('gossip'), 1000);
  }
  stopTimers() {
    this.timer = null;
  }
}
`,
      errors: [
        {
          messageId: 'storedOnlyCleared',
          data: { code: 'setInterval(…)', member: 'this.timer', release: 'stopTimers' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      // the connection a promise hands to the callback that stores it: close() never ends it (no
      // fix: close() empties the member first)
      code: `
import { connect } from 'nats';
import type { NatsConnection } from 'nats';
export class Transport {
  private client: NatsConnection | undefined;
  open() {
    return connect({ servers: 'demo.nats.io' }).then((client) => {
      this.client = client;
    });
  }
  close() {
    this.client = undefined;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: "connect({ servers: 'demo.nats.io' })", member: 'this.client', teardown: 'close' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 19,
        },
      ],
    },
    {
      // no teardown, but pause() resets the flag start() checks, so start() runs again
      code: `
export class Sampler {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  start() {
    if (this.running) return;
    this.running = true;
    this.timer = setInterval(() => console.log('sample'), 1000);
  }
  pause() {
    this.running = false;
  }
}
`,
      errors: [
        {
          messageId: 'storedRestartable',
          data: { code: 'setInterval(…)', member: 'this.timer', reset: 'pause', flag: 'this.running', again: 'start' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 29,
        },
      ],
    },
    {
      // no teardown, but connect() runs again on every 'reconnect' of the bus it is given
      code: `
import type { EventEmitter } from 'node:events';
export class Link {
  private ping: ReturnType<typeof setInterval> | undefined;
  constructor(bus: EventEmitter) {
    bus.on('reconnect', () => this.connect());
  }
  connect() {
    this.ping = setInterval(() => console.log('ping'), 1000);
  }
}
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: { code: 'setInterval(…)', member: 'this.ping', again: 'connect', every: "on every 'reconnect' event (line 6)" },
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 28,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: stored handles in prototype classes and objects', rule, {
  valid: [
    // prototype-style class whose stop clears the timer through self
    `
function Exporter() {}
Exporter.prototype.init = function () {
  this.timer = setInterval(function () {}, 5000);
};
Exporter.prototype.stop = function () {
  var self = this;
  clearInterval(self.timer);
};
module.exports = Exporter;
`,
    // an object's functions share an outer variable that stop() clears
    `
var timer;
var Worker = {};
Worker.start = function () {
  timer = setInterval(function () {}, 1000);
};
Worker.stop = function () {
  clearInterval(timer);
};
module.exports = Worker;
`,
    // the middleware's stopped() hook clears the closure's interval
    `
module.exports = function breakerMiddleware() {
  let windowTimer;
  function createWindowTimer() {
    if (!windowTimer) windowTimer = setInterval(function () {}, 1000);
  }
  return {
    created() {
      createWindowTimer();
    },
    stopped() {
      if (windowTimer) clearInterval(windowTimer);
    },
  };
};
`,
  ],
  invalid: [
    {
      // prototype-style class: stop() forgets the timer init() keeps on this
      code: `
function Exporter() {}
Exporter.prototype.init = function () {
  this.timer = setInterval(function () {}, 5000);
};
Exporter.prototype.stop = function () {
  this.timer = null;
};
module.exports = Exporter;
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(function () {}, 5000)', member: 'this.timer', teardown: 'Exporter.prototype.stop' },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      // an object with start/stop functions and an outer variable stop() never ends
      code: `
var timer;
var Worker = {};
Worker.start = function () {
  timer = setInterval(function () {}, 1000);
};
Worker.stop = function () {
  timer = null;
};
module.exports = Worker;
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(function () {}, 1000)', member: 'timer', teardown: 'stop' },
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 22,
        },
      ],
    },
    {
      // functions of a nested object (God.Worker.start) share an outer variable its stop() never ends
      code: `
module.exports = function (God) {
  var timer = null;
  God.Worker = {};
  God.Worker.start = function () {
    timer = setInterval(function () {}, 1000);
  };
  God.Worker.stop = function () {
    timer = null;
  };
};
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(function () {}, 1000)', member: 'timer', teardown: 'stop' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 24,
        },
      ],
    },
    {
      // a helper of a middleware keeps the interval in the closure; the hooks the middleware
      // returns are its lifecycle, and stopped() never ends it
      code: `
module.exports = function breakerMiddleware() {
  let windowTimer;
  function createWindowTimer() {
    if (!windowTimer) windowTimer = setInterval(function () {}, 1000);
  }
  return {
    created() {
      createWindowTimer();
    },
    stopped() {
      windowTimer = null;
    },
  };
};
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(function () {}, 1000)', member: 'windowTimer', teardown: 'stopped' },
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 48,
        },
      ],
    },
    {
      // an object literal's hooks: close() never ends the interval open() keeps in the closure
      code: `
module.exports = function breaker() {
  let windowTimer;
  return {
    open() {
      windowTimer = setInterval(function () {}, 1000);
    },
    close() {
      windowTimer = undefined;
    },
  };
};
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(function () {}, 1000)', member: 'windowTimer', teardown: 'close' },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 32,
        },
      ],
    },
  ],
});
