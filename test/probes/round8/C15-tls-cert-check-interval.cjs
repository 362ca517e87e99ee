const tls = require('node:tls');

const hosts = ['api.example.com', 'shop.example.com'];

// Every hour, warn about certificates that expire within two weeks.
setInterval(() => {
  for (const host of hosts) {
    const socket = tls.connect({ host, port: 443, servername: host }, () => {
      const { valid_to } = socket.getPeerCertificate();
      socket.end();
      const days = (Date.parse(valid_to) - Date.now()) / 86_400_000;
      if (days < 14) console.warn(`${host}: certificate expires in ${Math.floor(days)} days`);
    });
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('error', (err) => console.warn(`${host}: ${err.message}`));
  }
}, 3_600_000);
