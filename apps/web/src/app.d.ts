import type { Locale } from '@clantrader/core';
import type { SessionUser } from '$lib/session-user';
import type { Theme } from '$lib/preferences';

/** The slice of a Cloudflare service binding we use (no workers-types in this app). */
interface ServiceBinding {
  fetch(request: Request): Promise<Response>;
}

declare global {
  namespace App {
    interface Locals {
      /** The signed-in user, refreshed from GET /api/v1/me on each request. */
      user: SessionUser | null;
      /** The API session token, read from the Auth.js JWT. Server-only. */
      apiToken: string | null;
      locale: Locale;
      theme: Theme;
    }
    interface PageData {
      user: SessionUser | null;
      locale: Locale;
      theme: Theme;
    }
    interface Platform {
      env?: { API?: ServiceBinding; [key: string]: unknown };
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
