import { connect, StringCodec } from 'nats';

const sc = StringCodec();
const nc = await connect({ servers: 'localhost:4222' });

// Every render request waits for its renderer's one "done" message (or 30 s) and relays it.
nc.subscribe('render.request', {
  callback: (err, msg) => {
    if (err) return;
    const { id } = JSON.parse(sc.decode(msg.data));
    nc.subscribe(`render.done.${id}`, {
      max: 1,
      timeout: 30_000,
      callback: (e, p) => (e ? msg.respond(sc.encode('timeout')) : msg.respond(p.data)),
    });
    nc.publish('render.start', sc.encode(id));
  },
});
