import { Controller, Get, Injectable, Param } from '@nestjs/common';
import { EventEmitter } from 'node:events';

@Injectable()
export class JobBus extends EventEmitter {}

@Injectable()
export class JobService {
  constructor(private readonly bus: JobBus) {}

  waitForJob(id: string): Promise<unknown> {
    return new Promise((resolve) => {
      this.bus.on('done', (jobId: string, result: unknown) => { // LEAK
        if (jobId === id) resolve(result);
      });
    });
  }
}

@Controller('jobs')
export class JobController {
  constructor(private readonly jobs: JobService) {}

  @Get(':id/result')
  result(@Param('id') id: string) {
    return this.jobs.waitForJob(id); // LEAK (helper)
  }
}
