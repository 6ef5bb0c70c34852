import { invalidate } from '$app/navigation';

/**
 * Re-runs a page's load (by its `depends` key) while `active()` is true: a statement is
 * processed in the background, so a pending one is polled until it settles. Backs off
 * from 1 s to 5 s; `slow` turns true after 20 s so the page can say so.
 */
export class StatementPoller {
  slow = $state(false);
  #started = 0;

  constructor(dependency: `app:${string}`, active: () => boolean) {
    $effect(() => {
      if (!active()) {
        this.#started = 0;
        return;
      }
      this.#started ||= Date.now();
      const elapsed = Date.now() - this.#started;
      this.slow = elapsed > 20_000;
      const timer = setTimeout(() => void invalidate(dependency), elapsed > 10_000 ? 5000 : 1000);
      return () => clearTimeout(timer);
    });
  }
}
