import express from 'express';
import { Pool } from 'undici';

const users = new Pool('http://users.internal:8080', { connections: 4 });
const app = express();

app.get('/profile/:id', async (req, res) => {
  const { body } = await users.request({ path: `/users/${req.params.id}`, method: 'GET' });
  res.json(await body.json());
});

const server = app.listen(3000);
process.once('SIGTERM', () => {
  server.close();
  void users.close();
});
