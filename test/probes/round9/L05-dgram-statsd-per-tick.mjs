import dgram from 'node:dgram';
import os from 'node:os';

function sendGauge(name, value) {
  const socket = dgram.createSocket('udp4'); // LEAK
  const line = Buffer.from(`${name}:${value}|g`);
  socket.send(line, 8125, 'statsd.internal');
}

setInterval(() => {
  sendGauge('host.load1', os.loadavg()[0]);
  sendGauge('host.freemem', os.freemem());
}, 10_000);
