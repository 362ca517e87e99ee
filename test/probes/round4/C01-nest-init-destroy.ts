import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class InvalidationService implements OnModuleInit, OnModuleDestroy {
  private readonly redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  private subscriber?: Redis;
  private readonly cache = new Map<string, unknown>();

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    await this.subscriber.subscribe('cache:invalidate');
    this.subscriber.on('message', (_channel, key) => {
      this.cache.delete(key);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit();
    await this.redis.quit();
  }
}
