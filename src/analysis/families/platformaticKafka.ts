import type { CallStart, Family, HandleEnd } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

const close: HandleEnd = { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } };

const client = (label: string, returns: string): CallStart => ({ kind: 'connection', label, returns, ends: close });

/**
 * @platformatic/kafka: `new Producer()`, `new Consumer()` and `new Admin()` connect to the brokers
 * on first use and hold those connections until `close()`; a consumer's `consume()` hands back a
 * stream of messages that fetches until it is closed.
 *
 * ```js
 * const consumer = new Consumer({ groupId, bootstrapBrokers });
 * const stream = await consumer.consume({ topics: ['events'] }); // ← until stream.close()
 * ```
 */
export const platformaticKafka = {
  name: '@platformatic/kafka',
  objects: {
    platformaticKafkaClient: { label: 'Kafka client', starts: {}, removeListener: [], endSubscription: [], close: ['close'] },
    platformaticKafkaConsumer: {
      label: 'Kafka consumer',
      starts: { consume: { kind: 'connection', label: 'a Kafka message stream', returns: 'platformaticKafkaStream', ends: close } },
      removeListener: [],
      endSubscription: [],
      close: ['close'],
    },
    platformaticKafkaStream: {
      label: 'Kafka message stream',
      starts: emitterListenerStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['close'],
      fixRemoveListener: 'off',
    },
  },
  modules: {
    '@platformatic/kafka': {
      starts: {
        Producer: client('a Kafka producer', 'platformaticKafkaClient'),
        Admin: client('a Kafka admin client', 'platformaticKafkaClient'),
        Consumer: client('a Kafka consumer', 'platformaticKafkaConsumer'),
      },
      types: {
        Producer: 'platformaticKafkaClient',
        Admin: 'platformaticKafkaClient',
        Consumer: 'platformaticKafkaConsumer',
        MessagesStream: 'platformaticKafkaStream',
      },
    },
  },
} as const satisfies Family;
