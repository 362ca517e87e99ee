import mqtt from 'mqtt';

const primary = mqtt.connect(process.env.MQTT_PRIMARY ?? 'mqtt://127.0.0.1:1883');

function onReading(topic: string, payload: Buffer) {
  console.log(topic, payload.toString());
}

primary.subscribe('sensors/#');
primary.on('message', onReading);

// While the primary broker is away, read from the backup one.
primary.on('offline', () => {
  const backup = mqtt.connect(process.env.MQTT_BACKUP ?? 'mqtt://127.0.0.1:1884');
  backup.subscribe('sensors/#');
  backup.on('message', onReading);
});
