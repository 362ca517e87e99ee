import { Subject, Subscription, firstValueFrom, fromEvent, interval, timer } from 'rxjs';
import { debounceTime, switchMap, takeUntil } from 'rxjs/operators';

interface OnInit { ngOnInit(): void }
interface OnDestroy { ngOnDestroy(): void }

export class DashboardComponent implements OnInit, OnDestroy {
  width = 0;
  stats: unknown;
  ready = false;
  private readonly destroy$ = new Subject<void>();
  private readonly subscriptions = new Subscription();

  constructor(private readonly api: { stats(): Promise<unknown> }) {}

  ngOnInit(): void {
    fromEvent(window, 'resize')
      .pipe(debounceTime(200), takeUntil(this.destroy$))
      .subscribe(() => (this.width = window.innerWidth));

    this.subscriptions.add(
      interval(10_000)
        .pipe(switchMap(() => this.api.stats()))
        .subscribe((stats) => (this.stats = stats)),
    );

    void firstValueFrom(timer(500)).then(() => (this.ready = true));
  }

  ngOnDestroy(): void {
    this.destroy$.next();
    this.destroy$.complete();
    this.subscriptions.unsubscribe();
  }
}
