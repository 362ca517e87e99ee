import express, { type RequestHandler } from 'express';

const app = express();
const api = express.Router();

function auditTrail(): RequestHandler {
  return (req, _res, next) => {
    console.log(`${req.get('x-user') ?? 'anonymous'} ${req.method} ${req.path}`);
    next();
  };
}

api.use(auditTrail());

app.post('/login', express.json(), (req, res) => {
  res.json({ ok: true, user: String(req.body.user) });
});

api.get('/me', (req, res) => {
  res.json({ user: req.get('x-user') ?? null });
});

app.use('/api', api);
app.listen(3000);
