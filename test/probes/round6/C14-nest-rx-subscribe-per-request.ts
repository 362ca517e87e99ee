import 'reflect-metadata';
import { Controller, Get, Injectable, Module, Param, type OnModuleDestroy } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BehaviorSubject, filter, firstValueFrom, map } from 'rxjs';

interface Quote { symbol: string; price: number }

@Injectable()
export class QuoteFeed implements OnModuleDestroy {
  readonly quotes$ = new BehaviorSubject<Quote>({ symbol: 'ACME', price: 100 });
  private readonly ticker = setInterval(() => this.quotes$.next({ symbol: 'ACME', price: 90 + Math.random() * 20 }), 1_000);
  onModuleDestroy() {
    clearInterval(this.ticker);
  }
}

@Injectable()
export class WatchlistService {
  constructor(private readonly feed: QuoteFeed) {}

  watch(symbol: string): Promise<number> {
    return firstValueFrom(this.feed.quotes$.pipe(filter((q) => q.symbol === symbol), map((q) => q.price)));
  }
}

@Controller('watchlist')
export class WatchlistController {
  constructor(private readonly watchlist: WatchlistService) {}

  @Get(':symbol')
  async get(@Param('symbol') symbol: string) {
    return { symbol, price: await this.watchlist.watch(symbol) };
  }
}

@Module({ controllers: [WatchlistController], providers: [QuoteFeed, WatchlistService] })
class AppModule {}

const app = await NestFactory.create(AppModule);
await app.listen(3000);
