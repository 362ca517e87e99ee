import express from 'express';
import mysql from 'mysql2/promise';

const app = express();

async function tenantPool(tenant: string) {
  return mysql.createPool({ host: 'db', user: 'app', database: `t_${tenant}`, connectionLimit: 5 });
}

app.get('/orders/:tenant', async (req, res) => {
  const pool = await tenantPool(req.params.tenant);
  try {
    const [rows] = await pool.query('SELECT * FROM orders LIMIT 50');
    res.json(rows);
  } finally {
    await pool.end();
  }
});

app.listen(3000);
