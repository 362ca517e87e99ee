const cron = require('node-cron');
const fs = require('node:fs/promises');

async function exportReport(day) {
  const tmp = `/tmp/report-${day}.partial`;
  // don't leave half a file behind if we are stopped mid-export
  process.on('SIGTERM', () => {
    fs.rm(tmp, { force: true }).finally(() => process.exit(0));
  });
  await fs.writeFile(tmp, `report for ${day}\n`);
  await fs.rename(tmp, `/tmp/report-${day}.txt`);
}

cron.schedule('* * * * *', () => {
  exportReport(new Date().toISOString().slice(0, 10)).catch(console.error);
});
