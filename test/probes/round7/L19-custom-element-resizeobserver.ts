// A chart that redraws to fit its box.
export class SparkChart extends HTMLElement {
  connectedCallback(): void {
    const observer = new ResizeObserver(([entry]) => {
      this.draw(entry.contentRect.width);
    });
    observer.observe(this);
  }

  private draw(width: number): void {
    this.textContent = '▁▂▃▅▇'.repeat(Math.max(1, Math.floor(width / 40)));
  }
}

customElements.define('spark-chart', SparkChart);
