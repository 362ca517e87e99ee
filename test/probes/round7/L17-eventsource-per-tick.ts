import cron from 'node-cron';
import { EventSource } from 'eventsource';

const DEPLOYS = process.env.DEPLOYS ?? 'http://127.0.0.1:8082/deploys/events';

// Every five minutes: note which deploy is running now (the feed's first event says).
cron.schedule('*/5 * * * *', () => {
  const source = new EventSource(DEPLOYS);
  source.addEventListener('deploy', (event) => {
    console.log('current deploy', JSON.parse(event.data).sha);
  });
});
