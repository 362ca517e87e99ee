import express from 'express';
import knex from 'knex';

const app = express();

app.get('/tenants/:id/invoices', async (req, res) => {
  const db = knex({ client: 'pg', connection: `postgres://app@db/${req.params.id}` }); // LEAK
  const rows = await db('invoices').select('*').limit(50);
  res.json(rows);
});

app.listen(3000);
