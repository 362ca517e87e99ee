import mqtt from 'mqtt';

const client = mqtt.connect('mqtt://broker:1883', { reconnectPeriod: 2000 });
const latest = new Map<string, string>();

client.on('connect', () => {
  client.subscribe('sensors/+/temp');
  client.on('message', (topic, payload) => { // LEAK
    latest.set(topic, payload.toString());
  });
});

export function reading(sensor: string) {
  return latest.get(`sensors/${sensor}/temp`);
}
