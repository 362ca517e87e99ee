import { connect, StringCodec } from 'nats';

const sc = StringCodec();
const nc = await connect({ servers: 'localhost:4222' });

// Every render request follows its renderer's progress subject and relays it to the caller.
nc.subscribe('render.request', {
  callback: (err, msg) => {
    if (err) return;
    const { id } = JSON.parse(sc.decode(msg.data));
    nc.subscribe(`render.progress.${id}`, {
      callback: (_e, p) => msg.respond(p.data),
    });
    nc.publish('render.start', sc.encode(id));
  },
});
