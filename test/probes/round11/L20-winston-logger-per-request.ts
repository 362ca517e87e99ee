import 'reflect-metadata';
import { Body, Controller, Injectable, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { createLogger, format, transports } from 'winston';

@Injectable()
export class AuditService {
  forRequest(requestId: string) {
    return createLogger({ // LEAK
      format: format.json(),
      defaultMeta: { requestId },
      transports: [new transports.File({ filename: '/var/log/app/audit.log' })],
    });
  }
}

@Controller('transfers')
export class TransfersController {
  constructor(private readonly audit: AuditService) {}

  @Post()
  create(@Body() body: { from: string; to: string; amount: number }) {
    const log = this.audit.forRequest(randomUUID()); // LEAK (helper)
    log.info('transfer requested', body);
    return { accepted: true };
  }
}

@Module({ controllers: [TransfersController], providers: [AuditService] })
class AppModule {}

const app = await NestFactory.create(AppModule);
await app.listen(3000);
