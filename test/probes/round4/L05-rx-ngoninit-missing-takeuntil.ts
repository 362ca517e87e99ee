import { Subject, fromEvent, interval } from 'rxjs';
import { debounceTime, switchMap, takeUntil } from 'rxjs/operators';

interface OnInit { ngOnInit(): void }
interface OnDestroy { ngOnDestroy(): void }

export class DashboardComponent implements OnInit, OnDestroy {
  width = 0;
  stats: unknown;
  private readonly destroy$ = new Subject<void>();

  constructor(private readonly api: { stats(): Promise<unknown> }) {}

  ngOnInit(): void {
    fromEvent(window, 'resize')
      .pipe(debounceTime(200), takeUntil(this.destroy$))
      .subscribe(() => (this.width = window.innerWidth));

    interval(10_000)
      .pipe(switchMap(() => this.api.stats()))
      .subscribe((stats) => (this.stats = stats));
  }

  ngOnDestroy(): void {
    this.destroy$.next();
    this.destroy$.complete();
  }
}
