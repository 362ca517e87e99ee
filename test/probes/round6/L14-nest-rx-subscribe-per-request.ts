import 'reflect-metadata';
import { Controller, Get, Injectable, Module, Param, type OnModuleDestroy } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BehaviorSubject, filter, map } from 'rxjs';

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
  private readonly latest = new Map<string, number>();
  constructor(private readonly feed: QuoteFeed) {}

  watch(symbol: string): number | undefined {
    this.feed.quotes$
      .pipe(filter((q) => q.symbol === symbol), map((q) => q.price))
      .subscribe((price) => this.latest.set(symbol, price));
    return this.latest.get(symbol);
  }
}

@Controller('watchlist')
export class WatchlistController {
  constructor(private readonly watchlist: WatchlistService) {}

  @Get(':symbol')
  get(@Param('symbol') symbol: string) {
    return { symbol, price: this.watchlist.watch(symbol) };
  }
}

@Module({ controllers: [WatchlistController], providers: [QuoteFeed, WatchlistService] })
class AppModule {}

const app = await NestFactory.create(AppModule);
await app.listen(3000);
