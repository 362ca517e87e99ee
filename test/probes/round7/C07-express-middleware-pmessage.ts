import express, { type NextFunction, type Request, type Response } from 'express';
import { Redis } from 'ioredis';

const app = express();
const sub = new Redis();
void sub.psubscribe('flags:*');

const flags = new Map<string, string>();
// One listener for the process: every request reads the same map.
sub.on('pmessage', (_pattern, channel, value) => {
  flags.set(channel.slice('flags:'.length), value);
});

function liveFlags(req: Request, _res: Response, next: NextFunction) {
  req.app.locals.flags = flags;
  next();
}

app.use(liveFlags);
app.get('/', (req, res) => res.json(Object.fromEntries(req.app.locals.flags)));
app.listen(3000);
