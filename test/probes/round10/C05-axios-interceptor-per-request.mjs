import express from 'express';
import axios from 'axios';

const api = axios.create({ baseURL: 'https://billing.internal' });
const app = express();

function withUser(token) {
  return api.interceptors.request.use((config) => {
    config.headers.Authorization = `Bearer ${token}`;
    return config;
  });
}

app.get('/invoices', async (req, res) => {
  const interceptor = withUser(req.get('authorization') ?? '');
  try {
    const { data } = await api.get('/invoices');
    res.json(data);
  } finally {
    api.interceptors.request.eject(interceptor);
  }
});

app.listen(3000);
