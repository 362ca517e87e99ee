import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: AMQP channels close with their connection', rule, {
  valid: [
    // the teardown closes the connection manager, and every channel made on it with it
    `
import * as amqp from 'amqp-connection-manager';

export class RmqClient {
  client: amqp.AmqpConnectionManager | null = null;
  channel: amqp.ChannelWrapper | null = null;
  connect(urls: string[]) {
    this.client = amqp.connect(urls);
    this.channel = this.client.createChannel({ json: false });
  }
  async close() {
    await this.client?.close();
    this.client = null;
    this.channel = null;
  }
}
`,
    // a channel on a connection the function opens and closes
    `
import * as amqp from 'amqplib';

export async function sendOnce(url: string, queue: string, body: Buffer) {
  const connection = await amqp.connect(url);
  const channel = await connection.createConfirmChannel();
  channel.sendToQueue(queue, body);
  await channel.waitForConfirms();
  await connection.close();
}
`,
    // the channel handed back to the caller
    `
import type { ChannelModel } from 'amqplib';

export async function openChannel(connection: ChannelModel) {
  const channel = await connection.createChannel();
  await channel.prefetch(10);
  return channel;
}
`,
  ],
  invalid: [
    {
      // a channel per message on the instance's connection: stop() closes them all, but until then they pile up
      code: `
import * as amqp from 'amqplib';

export class Publisher {
  connection: amqp.ChannelModel | undefined;
  async start(url: string) {
    this.connection = await amqp.connect(url);
  }
  async publish(queue: string, body: Buffer) {
    const channel = await this.connection!.createChannel();
    channel.sendToQueue(queue, body);
  }
  async stop() {
    await this.connection?.close();
  }
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'this.connection!.createChannel()', label: 'an AMQP channel', handle: 'channel' },
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`publish()`' },
              output: `
import * as amqp from 'amqplib';

export class Publisher {
  connection: amqp.ChannelModel | undefined;
  async start(url: string) {
    this.connection = await amqp.connect(url);
  }
  async publish(queue: string, body: Buffer, signal?: AbortSignal) {
    const channel = await this.connection!.createChannel();
    channel.sendToQueue(queue, body);
    if (signal?.aborted) void channel.close();
    else signal?.addEventListener('abort', () => void channel.close(), { once: true });
  }
  async stop() {
    await this.connection?.close();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // close() ends the channel but not the connection: the connection stays open
      code: `
import * as amqp from 'amqp-connection-manager';

export class RmqClient {
  client: amqp.AmqpConnectionManager | null = null;
  channel: amqp.ChannelWrapper | null = null;
  connect(urls: string[]) {
    this.client = amqp.connect(urls);
    this.channel = this.client.createChannel({ json: false });
  }
  async close() {
    await this.channel?.close();
    this.client = null;
    this.channel = null;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'amqp.connect(urls)', label: 'an AMQP connection manager', member: 'this.client', teardown: 'close' },
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 31,
        },
      ],
    },
  ],
});
