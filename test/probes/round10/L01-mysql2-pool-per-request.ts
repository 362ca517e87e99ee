import express from 'express';
import mysql from 'mysql2/promise';

const app = express();

async function tenantPool(tenant: string) {
  return mysql.createPool({ host: 'db', user: 'app', database: `t_${tenant}`, connectionLimit: 5 }); // LEAK
}

app.get('/orders/:tenant', async (req, res) => {
  const pool = await tenantPool(req.params.tenant); // LEAK (helper)
  const [rows] = await pool.query('SELECT * FROM orders LIMIT 50');
  res.json(rows);
});

app.listen(3000);
