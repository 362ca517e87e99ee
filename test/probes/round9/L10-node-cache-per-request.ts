import NodeCache from 'node-cache';
import express from 'express';

const app = express();

async function loadRates(base: string): Promise<Record<string, number>> {
  const r = await fetch(`https://rates.internal/${base}`);
  return (await r.json()) as Record<string, number>;
}

app.get('/convert', async (req, res) => {
  const cache = new NodeCache({ stdTTL: 60, checkperiod: 120 }); // LEAK
  const base = String(req.query.from);
  let rates = cache.get<Record<string, number>>(base);
  if (!rates) { rates = await loadRates(base); cache.set(base, rates); }
  res.json({ value: Number(req.query.amount) * (rates[String(req.query.to)] ?? NaN) });
});
app.listen(3000);
