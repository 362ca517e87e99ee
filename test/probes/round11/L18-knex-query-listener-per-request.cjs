const express = require('express');
const knex = require('knex');

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = express();

app.use((req, res, next) => {
  const started = Date.now();
  let queries = 0;
  db.on('query', () => { // LEAK
    queries++;
  });
  res.on('finish', () => console.log(`${req.method} ${req.path}: ${queries} queries in ${Date.now() - started}ms`));
  next();
});

app.get('/users', async (_req, res) => {
  res.json(await db('users').select('id', 'name'));
});

app.listen(3000);
