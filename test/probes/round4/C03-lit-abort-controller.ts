import { LitElement, html } from 'lit';

export class ShortcutHelp extends LitElement {
  static properties = { open: { type: Boolean }, items: { type: Number } };
  declare open: boolean;
  declare items: number;
  private listeners?: AbortController;
  private observer?: MutationObserver;

  constructor() {
    super();
    this.open = false;
    this.items = 0;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.listeners = new AbortController();
    document.addEventListener('keydown', this.onKeyDown, { signal: this.listeners.signal });
    window.addEventListener('blur', () => (this.open = false), { signal: this.listeners.signal });
    this.observer = new MutationObserver(() => (this.items = this.childElementCount));
    this.observer.observe(this, { childList: true });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listeners?.abort();
    this.observer?.disconnect();
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === '?') this.open = !this.open;
  };

  render() {
    return html`<dialog ?open=${this.open}>Shortcuts (${this.items})</dialog>`;
  }
}
customElements.define('shortcut-help', ShortcutHelp);
