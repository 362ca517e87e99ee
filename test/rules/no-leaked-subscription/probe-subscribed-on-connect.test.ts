import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A subscription made in a listener of the connection (`client.on('connect', () =>
// client.subscribe(…))`) is that listener's business, not this function's: the connection the
// function opens and keeps is reported itself, as it is when nothing subscribes on it.
runInBothModes('no-leaked-subscription: a connection that subscribes in its own listener', rule, {
  valid: [
    `
import mqtt from 'mqtt';

export function collect(deviceId: string, signal: AbortSignal) {
  const client = mqtt.connect('mqtt://localhost');
  client.on('connect', () => {
    client.subscribe(\`devices/\${deviceId}/telemetry\`);
  });
  signal.addEventListener('abort', () => client.end(), { once: true });
}
`,
  ],
  invalid: [
    {
      code: `
import mqtt from 'mqtt';

export function collect(deviceId: string) {
  const client = mqtt.connect('mqtt://localhost');
  client.on('connect', () => {
    client.subscribe(\`devices/\${deviceId}/telemetry\`);
  });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`collect()`' },
              output: `
import mqtt from 'mqtt';

export function collect(deviceId: string, signal?: AbortSignal) {
  const client = mqtt.connect('mqtt://localhost');
  client.on('connect', () => {
    client.subscribe(\`devices/\${deviceId}/telemetry\`);
  });
  if (signal?.aborted) client.end();
  else signal?.addEventListener('abort', () => client.end(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
