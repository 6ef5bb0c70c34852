import { browser } from '$app/environment';
import { z } from 'zod';
import type { SidebarRoom } from './schemas';

const SidebarRoomsSchema = z.array(
  z.object({
    kind: z.enum(['clan', 'subs', 'channel']),
    id: z.string(),
    title: z.string(),
    unread: z.number().int().nonnegative(),
  }),
);

/**
 * Fresher sidebar counts than the layout's, fetched by a chat page once the server confirms
 * its read marker moved. Not `invalidate()`: a layout reload that fails on a flaky network
 * makes SvelteKit fall back to a full page load, which a chat must never do. Written only
 * in the browser (the server never sets it, so requests cannot share it); the sidebar
 * drops it as soon as the layout brings new data of its own.
 */
class SidebarRefresh {
  rooms = $state.raw<SidebarRoom[] | null>(null);

  async refresh(url: string): Promise<void> {
    if (!browser) return;
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const parsed = SidebarRoomsSchema.safeParse(await response.json());
      if (parsed.success) this.rooms = parsed.data;
    } catch {
      // offline or the server is busy: the next read tries again
    }
  }

  clear(): void {
    this.rooms = null;
  }
}

export const sidebarRefresh = new SidebarRefresh();
