import { Controller, Get, Injectable, Param } from '@nestjs/common';
import { EventEmitter } from 'node:events';

@Injectable()
export class JobBus extends EventEmitter {}

@Injectable()
export class JobService {
  constructor(private readonly bus: JobBus) {}

  waitForJob(id: string): Promise<unknown> {
    return new Promise((resolve) => {
      const onDone = (jobId: string, result: unknown) => {
        if (jobId !== id) return;
        this.bus.off('done', onDone);
        resolve(result);
      };
      this.bus.on('done', onDone);
    });
  }
}

@Controller('jobs')
export class JobController {
  constructor(private readonly jobs: JobService) {}

  @Get(':id/result')
  result(@Param('id') id: string) {
    return this.jobs.waitForJob(id);
  }
}
