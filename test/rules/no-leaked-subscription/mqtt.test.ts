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
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'an MQTT subscription', connection: 'client', code: "client.subscribe('presence')" },
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
  if (signal?.aborted) client.end();
  else signal?.addEventListener('abort', () => client.end(), { once: true });
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
          messageId: 'notUnsubscribed',
          data: { label: 'an MQTT subscription', target: 'client', outlives: 'a parameter', code: 'client.subscribe(topic)' },
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
  if (signal?.aborted) void client.unsubscribe(topic);
  else signal?.addEventListener('abort', () => void client.unsubscribe(topic), { once: true });
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
  if (signal.aborted) void client.unsubscribe(topic);
  else signal.addEventListener('abort', () => void client.unsubscribe(topic), { once: true });
}
`,
      errors: [
        {
          messageId: 'notUnsubscribed',
          data: { label: 'an MQTT subscription', target: 'client', outlives: 'a parameter', code: 'client.subscribe(topic)' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
        },
      ],
    },
  ],
});
