import type { ParamMatcher } from '@sveltejs/kit';

export const SECTIONS = ['clans', 'channels', 'ai'] as const;
export type Section = (typeof SECTIONS)[number];

export const match = ((param: string): param is Section =>
  (SECTIONS as readonly string[]).includes(param)) satisfies ParamMatcher;
