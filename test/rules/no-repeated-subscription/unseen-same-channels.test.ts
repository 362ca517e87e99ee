import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// On every reconnect, subscribing a Redis or MQTT client again to the channels it already has
// restores what the broker may have dropped and adds nothing (the broker replaces a subscription to
// the same filter): the MQTT.js README subscribes on 'connect'. A listener added there, or a
// channel that changes per run, still piles up.
runInBothModes('no-repeated-subscription: the same channels again on the same client', rule, {
  valid: [
    `
import mqtt from 'mqtt';
const client = mqtt.connect('mqtt://broker');
client.on('connect', () => {
  client.subscribe('sensors/+/temperature', (err) => {
    if (err) console.error(err);
  });
});
`,
    `
import Redis from 'ioredis';
const TOPICS = ['orders', 'payments'];
const sub = new Redis();
sub.on('ready', () => {
  void sub.subscribe(...TOPICS);
});
`,
    // The same channel for every job on one shared client: the second SUBSCRIBE is a no-op.
    `
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const shared = new Redis();
new Worker('emails', async (job) => {
  await shared.subscribe('bounces');
  return job.id;
});
`,
    `
import cron from 'node-cron';
import Redis from 'ioredis';
const shared = new Redis();
cron.schedule('* * * * *', async () => {
  await shared.subscribe('heartbeats', 'alerts');
});
`,
  ],
  invalid: [
    {
      // the same channel per tick, but a listener added with it: one more per tick
      code: `
import cron from 'node-cron';
import Redis from 'ioredis';
const shared = new Redis();
cron.schedule('* * * * *', async () => {
  await shared.subscribe('alerts');
  shared.on('message', (channel: string, text: string) => console.log(channel, text));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'shared.on(…)', every: 'on every tick of this cron job', started: "'message' listener" },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 12,
        },
      ],
    },
    {
      // a topic made per message: one more subscription for every message
      code: `
import mqtt from 'mqtt';
const client = mqtt.connect('mqtt://broker');
client.on('message', (topic: string) => {
  client.subscribe(topic + '/replies');
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "client.subscribe(topic + '/replies')", every: "on every 'message' event", started: 'MQTT subscription' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: the same channels again on the same client (JavaScript)', rule, {
  valid: [
    `
const mqtt = require('mqtt');
const client = mqtt.connect(process.env.MQTT_URL);
client.on('connect', function () {
  client.subscribe('presence', function (err) {
    if (!err) client.publish('presence', 'Hello mqtt');
  });
});
`,
  ],
  invalid: [
    {
      // the listener added with it is one more on every reconnect
      code: `
const mqtt = require('mqtt');
const client = mqtt.connect('mqtt://broker');
client.on('connect', () => {
  client.subscribe('sensors/#');
  client.on('message', (topic, payload) => console.log(topic, payload));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'client.on(…)', every: "on every 'connect' event (again on each reconnect)", started: "'message' listener" },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 12,
        },
      ],
    },
  ],
});
