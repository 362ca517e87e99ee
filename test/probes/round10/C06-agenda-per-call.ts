import express from 'express';
import { Agenda } from 'agenda';

class ReminderService {
  async remind(userId: string, when: string) {
    const agenda = new Agenda({ db: { address: process.env.MONGO_URL ?? 'mongodb://db/agenda' } });
    try {
      await agenda.schedule(when, 'remind', { userId });
    } finally {
      await agenda.close();
    }
  }
}

const reminders = new ReminderService();
const app = express();

app.post('/remind/:user', async (req, res) => {
  await reminders.remind(req.params.user, 'in 1 hour');
  res.sendStatus(202);
});

app.listen(3000);
