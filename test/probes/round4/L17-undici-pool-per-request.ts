import express from 'express';
import { Pool } from 'undici';

const app = express();

app.get('/profile/:id', async (req, res) => {
  const pool = new Pool('http://users.internal:8080', { connections: 4 });
  const { body } = await pool.request({ path: `/users/${req.params.id}`, method: 'GET' });
  res.json(await body.json());
});

app.listen(3000);
