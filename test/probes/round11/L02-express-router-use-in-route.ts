import express, { type RequestHandler } from 'express';

const app = express();
const api = express.Router();

function auditTrail(user: string): RequestHandler {
  return (req, _res, next) => {
    console.log(`${user} ${req.method} ${req.path}`);
    next();
  };
}

app.post('/login', express.json(), (req, res) => {
  const user = String(req.body.user);
  api.use(auditTrail(user)); // LEAK
  res.json({ ok: true });
});

api.get('/me', (req, res) => {
  res.json({ user: req.get('x-user') ?? null });
});

app.use('/api', api);
app.listen(3000);
