const cron = require('node-cron');
const { Sequelize, QueryTypes } = require('sequelize');

function openReporting() {
  return new Sequelize(process.env.REPORTING_URL ?? 'postgres://reporting/app', { logging: false, pool: { max: 5 } });
}

cron.schedule('*/5 * * * *', async () => {
  const db = openReporting();
  try {
    const rows = await db.query('SELECT count(*) AS n FROM events', { type: QueryTypes.SELECT });
    console.log('events', rows[0]);
  } finally {
    await db.close();
  }
});
