import express from 'express';
import axios from 'axios';

const api = axios.create({ baseURL: 'https://billing.internal' });
const app = express();

function withUser(token) {
  api.interceptors.request.use((config) => { // LEAK
    config.headers.Authorization = `Bearer ${token}`;
    return config;
  });
  return api;
}

app.get('/invoices', async (req, res) => {
  const client = withUser(req.get('authorization') ?? ''); // LEAK (helper)
  const { data } = await client.get('/invoices');
  res.json(data);
});

app.listen(3000);
