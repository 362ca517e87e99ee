import type { Family, HandleEnd } from './family';
import { emitterListenerStarts, emitterRemovals, reconnectEvents, repetitions } from './family';

const close: HandleEnd = { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } };

const connectionStarts = {
  ...emitterListenerStarts,
  // A channel is closed with its connection: `connection.close()` ends every channel made on it.
  createChannel: { kind: 'connection', label: 'an AMQP channel', returns: 'amqpChannel', ends: close, endedWithReceiver: true },
  createConfirmChannel: { kind: 'connection', label: 'an AMQP channel', returns: 'amqpChannel', ends: close, endedWithReceiver: true },
} as const;

/**
 * amqplib and amqp-connection-manager: `connect()` opens a connection, `createChannel()` a channel
 * on it (closed by `channel.close()` or with its connection), and `channel.consume(queue, onMessage)`
 * delivers until `cancel(consumerTag)` or `close()`.
 */
export const amqp = {
  name: 'AMQP',
  objects: {
    amqpConnection: {
      label: 'AMQP connection',
      starts: connectionStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['close'],
      fixRemoveListener: 'off',
    },
    /** amqp-connection-manager's connection: reconnects by itself and fires `connect`/`disconnect` again. */
    amqpConnectionManager: {
      label: 'AMQP connection manager',
      starts: connectionStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['close'],
      fixRemoveListener: 'off',
      events: { again: reconnectEvents, once: [] },
    },
    amqpChannel: {
      label: 'AMQP channel',
      starts: { ...emitterListenerStarts, consume: { kind: 'channelSubscription', label: 'an AMQP consumer', endedByResult: true } },
      removeListener: emitterRemovals,
      endSubscription: ['cancel', 'cancelAll'],
      close: ['close'],
      fixRemoveListener: 'off',
      // `channel.consume(queue, onMessage)` runs `onMessage` for every delivery.
      schedulers: { consume: { repetition: repetitions.consumedMessage, positions: [1] } },
    },
  },
  modules: {
    amqplib: {
      starts: { connect: { kind: 'connection', label: 'an AMQP connection', returns: 'amqpConnection', ends: close } },
      types: { Connection: 'amqpConnection', ChannelModel: 'amqpConnection', Channel: 'amqpChannel', ConfirmChannel: 'amqpChannel' },
    },
    'amqp-connection-manager': {
      starts: {
        connect: { kind: 'connection', label: 'an AMQP connection manager', returns: 'amqpConnectionManager', ends: close },
      },
      types: {
        AmqpConnectionManager: 'amqpConnectionManager',
        IAmqpConnectionManager: 'amqpConnectionManager',
        ChannelWrapper: 'amqpChannel',
      },
    },
  },
} as const satisfies Family;
