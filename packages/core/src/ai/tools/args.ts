import { z } from 'zod';
import { slugify } from '../../clans/create-clan';

/** Result counts a model may ask for. */
export const Limit = z.number().int().min(1).max(20).default(10);

/**
 * A clan as the model names it: its tag, which is the clan's slug ("gold-diggers-fx"),
 * with or without a leading '#'. A clan name ("Gold Diggers FX") is accepted too and
 * turned into its slug the same way clans get theirs. Letters of any script.
 */
export const ClanTag = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^#?[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, 'a clan tag (its slug) like #gold-diggers')
  .transform((t) => slugify(t.replace(/^#/, '')))
  .refine((t) => t.length >= 2, 'a clan tag (its slug) like #gold-diggers');
