import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: mqtt', rule, {
  valid: [
    // the client ends itself after the first message (the MQTT.js README idiom)
    `
import mqtt from 'mqtt';

export function ping() {
  const client = mqtt.connect('mqtt://test.mosquitto.org');
  client.on('connect', () => {
    client.subscribe('presence');
    client.publish('presence', 'Hello mqtt');
  });
  client.on('message', (_topic, message) => {
    console.log(message.toString());
    client.end();
  });
}
`,
    // the shared client is unsubscribed on abort
    `
import type { MqttClient } from 'mqtt';

export function followTopic(client: MqttClient, topic: string, signal: AbortSignal) {
  client.subscribe(topic);
  signal.addEventListener('abort', () => void client.unsubscribe(topic), { once: true });
}
`,
    // the client is returned to its owner
    `
import mqtt from 'mqtt';

export function connectBroker(url: string) {
  const client = mqtt.connect(url);
  client.subscribe('presence');
  return client;
}
`,
  ],
  invalid: [
    {
      // a client connected per call, subscribed, never ended
      code: `
import mqtt from 'mqtt';

export function followPresence(onPresence: (message: string) => void) {
  const client = mqtt.connect('mqtt://test.mosquitto.org');
  client.subscribe('presence');
  client.on('message', (_topic, message) => onPresence(message.toString()));
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: { what: "`client.subscribe('presence')` starts an MQTT subscription", why: "the connection it runs on, opened by `mqtt.connect('mqtt://test.mosquitto.org')`, is never closed, returned or stored, so it outlives each call of `followPresence()`" },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`followPresence()`' },
              output: `
import mqtt from 'mqtt';

export function followPresence(onPresence: (message: string) => void, signal?: AbortSignal) {
  const client = mqtt.connect('mqtt://test.mosquitto.org');
  client.subscribe('presence');
  client.on('message', (_topic, message) => onPresence(message.toString()));
  signal?.addEventListener('abort', () => client.end(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a shared client subscribed per call, never unsubscribed
      code: `
import type { MqttClient } from 'mqtt';

export function followTopic(client: MqttClient, topic: string) {
  client.subscribe(topic);
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: { what: '`client.subscribe(topic)` subscribes `client` to MQTT topics', why: 'they are never unsubscribed, and `client` (a parameter) outlives each call of `followTopic()`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`followTopic()`' },
              output: `
import type { MqttClient } from 'mqtt';

export function followTopic(client: MqttClient, topic: string, signal?: AbortSignal) {
  client.subscribe(topic);
  signal?.addEventListener('abort', () => void client.unsubscribe(topic), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // with a signal in scope, --fix unsubscribes the topic on abort
      code: `
import type { MqttClient } from 'mqtt';

export function followTopic(client: MqttClient, topic: string, signal: AbortSignal) {
  client.subscribe(topic);
}
`,
      output: `
import type { MqttClient } from 'mqtt';

export function followTopic(client: MqttClient, topic: string, signal: AbortSignal) {
  client.subscribe(topic);
  signal.addEventListener('abort', () => void client.unsubscribe(topic), { once: true });
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: { what: '`client.subscribe(topic)` subscribes `client` to MQTT topics', why: 'they are never unsubscribed, and `client` (a parameter) outlives each call of `followTopic()`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
        },
      ],
    },
  ],
});
