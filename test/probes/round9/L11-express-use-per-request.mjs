import express from 'express';
import cors from 'cors';

const app = express();

app.get('/api/:tenant/*', (req, res, next) => {
  const origin = `https://${req.params.tenant}.example.com`;
  app.use(cors({ origin })); // LEAK
  next();
});
app.get('/api/:tenant/status', (req, res) => res.json({ ok: true }));

app.listen(3000);
