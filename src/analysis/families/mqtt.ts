import type { Family, HandleEnd } from './family';
import { emitterListenerStarts, emitterRemovals, reconnectEvents } from './family';

const end: HandleEnd = { methods: ['end', 'endAsync'], functions: [], fix: { kind: 'method', name: 'end', returnsPromise: false } };

/** mqtt: `mqtt.connect(url)` opens a client until `end()`; `client.subscribe(topic)` until `unsubscribe(topic)`. */
export const mqtt = {
  name: 'mqtt',
  objects: {
    mqttClient: {
      label: 'MQTT client',
      starts: {
        ...emitterListenerStarts,
        subscribe: { kind: 'channelSubscription', label: 'an MQTT subscription', subscribesTo: 'MQTT topics', endWith: 'unsubscribe', sameChannelsAgainIsNoop: true },
        subscribeAsync: { kind: 'channelSubscription', label: 'an MQTT subscription', subscribesTo: 'MQTT topics', endWith: 'unsubscribeAsync', sameChannelsAgainIsNoop: true },
      },
      removeListener: emitterRemovals,
      endSubscription: ['unsubscribe', 'unsubscribeAsync'],
      close: ['end', 'endAsync'],
      fixRemoveListener: 'off',
      // Reconnects by itself: its connection events come again on every reconnect; 'end' once.
      events: { again: reconnectEvents, once: ['end'] },
    },
  },
  modules: {
    mqtt: {
      starts: {
        connect: { kind: 'connection', label: 'an MQTT client', returns: 'mqttClient', ends: end },
        connectAsync: { kind: 'connection', label: 'an MQTT client', returns: 'mqttClient', ends: end },
      },
      types: { MqttClient: 'mqttClient' },
    },
  },
} as const satisfies Family;
