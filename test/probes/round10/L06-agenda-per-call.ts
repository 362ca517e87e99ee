import express from 'express';
import { Agenda } from 'agenda';

class ReminderService {
  async remind(userId: string, when: string) {
    const agenda = new Agenda({ db: { address: process.env.MONGO_URL ?? 'mongodb://db/agenda' } }); // LEAK
    agenda.define('remind', async (job) => {
      console.log('remind', job.attrs.data);
    });
    await agenda.start();
    await agenda.schedule(when, 'remind', { userId });
  }
}

const reminders = new ReminderService();
const app = express();

app.post('/remind/:user', async (req, res) => {
  await reminders.remind(req.params.user, 'in 1 hour'); // LEAK (helper)
  res.sendStatus(202);
});

app.listen(3000);
