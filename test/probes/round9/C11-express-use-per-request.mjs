import express from 'express';
import cors from 'cors';

const app = express();

app.use('/api/:tenant', cors((req, cb) => cb(null, { origin: `https://${req.params.tenant}.example.com` })));
app.get('/api/:tenant/status', (req, res) => res.json({ ok: true }));

app.listen(3000);
