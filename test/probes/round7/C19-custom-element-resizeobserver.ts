// A chart that redraws to fit its box.
export class SparkChart extends HTMLElement {
  private observer?: ResizeObserver;

  connectedCallback(): void {
    this.observer = new ResizeObserver(([entry]) => {
      this.draw(entry.contentRect.width);
    });
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
  }

  private draw(width: number): void {
    this.textContent = '▁▂▃▅▇'.repeat(Math.max(1, Math.floor(width / 40)));
  }
}

customElements.define('spark-chart', SparkChart);
