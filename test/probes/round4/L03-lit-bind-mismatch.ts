import { LitElement, html } from 'lit';

export class ShortcutHelp extends LitElement {
  static properties = { open: { type: Boolean } };
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
  }

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKeyDown.bind(this));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKeyDown.bind(this));
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === '?') this.open = !this.open;
  }

  render() {
    return html`<dialog ?open=${this.open}>Shortcuts</dialog>`;
  }
}
customElements.define('shortcut-help', ShortcutHelp);
