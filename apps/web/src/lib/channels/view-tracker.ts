import type { Action } from 'svelte/action';

export type TrackViewOptions = { id: string; onVisible: (id: string) => void };

/**
 * Calls `onVisible` once, the first time at least half of the element has been on screen
 * for a moment (a post scrolled past in a blink is not "seen"). Without
 * IntersectionObserver (very old browsers) nothing is sent: no view is better than a false one.
 */
export const trackView: Action<HTMLElement, TrackViewOptions> = (node, options) => {
  let current = options;
  let sent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof IntersectionObserver === 'undefined') return {};
  const observer = new IntersectionObserver(
    (entries) => {
      const visible = entries.some((e) => e.isIntersecting && e.intersectionRatio >= 0.5);
      clearTimeout(timer);
      if (!visible || sent) return;
      timer = setTimeout(() => {
        sent = true;
        observer.disconnect();
        current.onVisible(current.id);
      }, 300);
    },
    { threshold: [0, 0.5, 1] },
  );
  observer.observe(node);
  return {
    update(next) {
      current = next;
    },
    destroy() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
};
