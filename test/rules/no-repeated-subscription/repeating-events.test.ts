import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// Events that fire again over one object's life (a client's `ready` on every reconnect) make
// their listeners repeated contexts; events that fire once do not. A one-shot listener for an
// event that only comes when its target fails or ends is no end in a repetition.
runInBothModes('no-repeated-subscription: events that fire again', rule, {
  valid: [
    // A 'ready' listener that only logs, one that creates only when the slot is empty, one that
    // ends the old client (or interval) before storing the new one, and 'end', which fires once.
    `
import { Redis } from 'ioredis';
const redis = new Redis();
export class Feed {
  sub: Redis | undefined;
  timer: ReturnType<typeof setInterval> | undefined;
  start() {
    redis.on('ready', () => console.log('ready'));
    redis.on('ready', () => {
      this.sub ??= new Redis();
    });
    redis.on('ready', () => {
      void this.sub?.quit();
      this.sub = new Redis();
    });
    redis.on('ready', () => {
      clearInterval(this.timer);
      this.timer = setInterval(() => console.log('alive'), 1000);
    });
    redis.on('end', () => {
      this.sub = new Redis();
    });
  }
}
`,
    // A \`ws\` WebSocket does not reconnect: its 'open' fires once.
    `
import WebSocket from 'ws';
const ws = new WebSocket('wss://example.com');
ws.on('open', () => {
  setInterval(() => ws.ping(), 30_000);
});
`,
    // Process signals are the program's lifecycle, with \`on\` or \`once\`.
    `
process.on('SIGUSR2', () => {
  setInterval(() => console.log('dumping'), 1000);
});
process.once('SIGINT', () => {
  setInterval(() => console.log('draining'), 1000);
});
`,
    // A one-shot listener for an event that comes on every run, and one on an object made per run.
    `
import { EventEmitter } from 'node:events';
const channel = new EventEmitter();
setInterval(() => {
  channel.once('data', (data) => console.log(data));
  const job = new EventEmitter();
  job.once('error', (error) => console.error(error));
}, 1000);
`,
  ],
  invalid: [
    {
      // A client replaced from its own 'error' listener: no "start it once" suggestion, which would
      // assign a second client over the one the listener is added to.
      code: `
import { Redis } from 'ioredis';
export class Feed {
  sub: Redis;
  constructor() {
    this.sub = new Redis();
    this.sub.on('error', () => {
      this.sub = new Redis();
    });
  }
  close() {
    this.sub.disconnect();
  }
}
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          line: 8,
          column: 18,
          suggestions: [],
        },
      ],
    },
    {
      // The incident's shape, set off by the network: a client made on every reconnect.
      code: `
import { Redis } from 'ioredis';

const redis = new Redis();

export class Feed {
  sub: Redis | undefined;

  start() {
    redis.on('ready', () => {
      this.sub = new Redis();
    });
  }
}
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: 'new Redis()', every: "on every 'ready' event (again on each reconnect)", slot: 'this.sub' },
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`redis.on(…)`' },
              output: `
import { Redis } from 'ioredis';

const redis = new Redis();

export class Feed {
  sub: Redis | undefined;

  start() {
    this.sub = new Redis();
    redis.on('ready', () => {
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // One more 'message' listener on the client each time mqtt reconnects.
      code: `
import mqtt from 'mqtt';

const client = mqtt.connect('mqtt://broker');
const handle = (topic: string) => console.log(topic);

client.on('connect', () => {
  client.on('message', handle);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: {
            code: "client.on('message', handle)",
            every: "on every 'connect' event (again on each reconnect)",
            started: "'message' listener",
          },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`client.on(…)`' },
              output: `
import mqtt from 'mqtt';

const client = mqtt.connect('mqtt://broker');
const handle = (topic: string) => console.log(topic);

client.on('message', handle);
client.on('connect', () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      // A one-shot 'error' listener per tick on a shared channel: every tick that succeeds keeps one.
      code: `
import cron from 'node-cron';
import { EventEmitter } from 'node:events';

const channel = new EventEmitter();

cron.schedule('* * * * *', () => {
  channel.once('error', (error) => console.error(error));
  channel.emit('job');
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'channel.once(…)', every: 'on every tick of this cron job', started: "one-shot 'error' listener" },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
    {
      // \`{ once: true }\` for 'error' in a loop over jobs, on a target handed in.
      code: `
export async function sendAll(channel: EventTarget, jobs: string[]) {
  for (const job of jobs) {
    channel.addEventListener('error', () => console.error('failed'), { once: true });
    await Promise.resolve(job);
  }
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'channel.addEventListener(…)', every: 'on every iteration of this loop', started: "one-shot 'error' listener" },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`for (const job of jobs) { channel.addEv…`' },
              output: `
export async function sendAll(channel: EventTarget, jobs: string[]) {
  channel.addEventListener('error', () => console.error('failed'), { once: true });
  for (const job of jobs) {
    await Promise.resolve(job);
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

// Plain JavaScript: a socket.io client reconnects by itself, and fires 'connect' each time.
javascriptRuleTester.run('no-repeated-subscription: events that fire again (JavaScript)', rule, {
  valid: [
    `
const { io } = require('socket.io-client');
const socket = io('https://example.com');
socket.on('connect', () => console.log('connected', socket.id));
`,
  ],
  invalid: [
    {
      // An interval stored on the client at every reconnect; not hoisted: outside the
      // \`function\`, \`this\` would be another object.
      code: `
const Redis = require('ioredis');

const redis = new Redis();
redis.on('ready', function () {
  this.timer = setInterval(() => console.log('alive'), 1000);
});
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: 'setInterval(…)', every: "on every 'ready' event (again on each reconnect)", slot: 'this.timer' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      code: `
const { io } = require('socket.io-client');

const socket = io('https://example.com');
socket.on('connect', () => {
  setInterval(() => socket.emit('ping'), 5000);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: "on every 'connect' event (again on each reconnect)", started: 'interval' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`socket.on(…)`' },
              output: `
const { io } = require('socket.io-client');

const socket = io('https://example.com');
setInterval(() => socket.emit('ping'), 5000);
socket.on('connect', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});
