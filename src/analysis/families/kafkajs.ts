import type { Family, HandleEnd } from './family';
import { repetitions } from './family';

const disconnect: HandleEnd = {
  methods: ['disconnect'],
  functions: [],
  fix: { kind: 'method', name: 'disconnect', returnsPromise: true },
};

/**
 * kafkajs: `kafka.consumer()` / `kafka.producer()` make a client whose `connect()` opens broker
 * connections; a consumer's `subscribe` and `run` keep fetching until `stop()` or `disconnect()`.
 */
export const kafkajs = {
  name: 'kafkajs',
  objects: {
    kafka: {
      label: 'Kafka client',
      starts: {
        consumer: { kind: 'connection', label: 'a Kafka consumer', returns: 'kafkaConsumer', ends: disconnect },
        producer: { kind: 'connection', label: 'a Kafka producer', returns: 'kafkaClient', ends: disconnect },
        admin: { kind: 'connection', label: 'a Kafka admin client', returns: 'kafkaClient', ends: disconnect },
      },
      removeListener: [],
      endSubscription: [],
      close: [],
    },
    kafkaConsumer: {
      label: 'Kafka consumer',
      starts: {
        subscribe: { kind: 'channelSubscription', label: 'a Kafka subscription' },
        run: { kind: 'channelSubscription', label: 'a Kafka consumer loop' },
      },
      removeListener: [],
      endSubscription: ['stop'],
      close: ['disconnect'],
      // `consumer.run({ eachMessage })` runs its handler for every message (or batch) fetched.
      schedulers: {
        run: {
          repetition: repetitions.consumedMessage,
          positions: [
            { optionsIndex: 0, property: 'eachMessage' },
            { optionsIndex: 0, property: 'eachBatch' },
          ],
        },
      },
    },
    kafkaClient: { label: 'Kafka producer or admin client', starts: {}, removeListener: [], endSubscription: [], close: ['disconnect'] },
  },
  modules: {
    kafkajs: {
      objects: { Kafka: 'kafka' },
      types: { Kafka: 'kafka', Consumer: 'kafkaConsumer', Producer: 'kafkaClient', Admin: 'kafkaClient' },
    },
  },
} as const satisfies Family;
