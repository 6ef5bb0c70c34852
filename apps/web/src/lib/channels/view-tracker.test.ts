import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackView } from './view-tracker';

type Callback = (entries: { isIntersecting: boolean; intersectionRatio: number }[]) => void;

/** A stand-in IntersectionObserver the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | null = null;
  disconnected = false;
  constructor(readonly callback: Callback) {
    FakeObserver.last = this;
  }
  observe() {}
  disconnect() {
    this.disconnected = true;
  }
  show(ratio: number) {
    this.callback([{ isIntersecting: ratio > 0, intersectionRatio: ratio }]);
  }
}

describe('trackView', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reports a post once, after it stayed half visible for a moment', () => {
    const seen = vi.fn();
    trackView({} as HTMLElement, { id: 'p1', onVisible: seen });
    const observer = FakeObserver.last!;
    observer.show(0.6);
    vi.advanceTimersByTime(299);
    expect(seen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(seen).toHaveBeenCalledWith('p1');
    observer.show(1);
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(observer.disconnected).toBe(true);
  });

  it('ignores a post scrolled past in a blink or barely shown', () => {
    const seen = vi.fn();
    const action = trackView({} as HTMLElement, { id: 'p2', onVisible: seen });
    const observer = FakeObserver.last!;
    observer.show(0.2);
    vi.advanceTimersByTime(1000);
    observer.show(0.8);
    vi.advanceTimersByTime(100);
    observer.show(0);
    vi.advanceTimersByTime(1000);
    expect(seen).not.toHaveBeenCalled();
    action?.destroy?.();
    expect(observer.disconnected).toBe(true);
  });
});
