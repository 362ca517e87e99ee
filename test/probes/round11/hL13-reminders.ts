import { CronJob } from 'cron';

export function scheduleReminder(userId: string, cronTime: string, send: (userId: string) => Promise<void>) {
  return CronJob.from({ cronTime, onTick: () => send(userId), start: true, timeZone: 'UTC' }); // LEAK
}
