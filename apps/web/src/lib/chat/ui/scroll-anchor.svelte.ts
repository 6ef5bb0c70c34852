/** What the anchor watches of the list: its ends by seq and how many pending bubbles follow. */
export type ListShape = { oldest: number; newest: number; pending: number };

const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 120;

/**
 * Scrolling of a chat log: stays pinned to the newest message while the reader is at the
 * bottom (or just sent one), keeps the reading position when an older page is added above,
 * and otherwise flags `unseen` new messages instead of jumping. Construct in a component
 * (it registers effects); bind `element` to the scrolling box.
 */
export class ScrollAnchor {
  element = $state<HTMLElement | undefined>();
  unseen = $state(false);
  #before = { height: 0, top: 0, atBottom: true, oldest: 0, newest: 0, pending: 0 };

  constructor(shape: () => ListShape, afterUpdate: () => void) {
    $effect.pre(() => {
      const now = shape();
      const el = this.element;
      if (!el) return;
      this.#before = { height: el.scrollHeight, top: el.scrollTop, atBottom: this.nearBottom(), ...now };
    });
    $effect(() => {
      const now = shape();
      const el = this.element;
      if (!el) return;
      const before = this.#before;
      if (before.oldest && now.oldest < before.oldest && now.newest === before.newest) {
        el.scrollTop = before.top + (el.scrollHeight - before.height);
      } else if (before.atBottom || now.pending > before.pending) {
        this.toBottom();
      } else if (now.newest > before.newest) {
        this.unseen = true;
      }
      afterUpdate();
    });
  }

  nearBottom(): boolean {
    const el = this.element;
    return !el || el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  }

  nearTop(): boolean {
    return (this.element?.scrollTop ?? 0) < NEAR_TOP_PX;
  }

  toBottom(): void {
    if (this.element) this.element.scrollTop = this.element.scrollHeight;
    this.unseen = false;
  }

  /** Call from the element's scroll handler. */
  scrolled(): void {
    if (this.nearBottom()) this.unseen = false;
  }
}
