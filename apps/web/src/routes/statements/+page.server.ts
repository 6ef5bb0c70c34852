import { apiJson } from '$lib/server/api';
import { MAX_UPLOAD_BYTES, pageQuery, readCursor, requireUser } from '$lib/server/statements';
import { StatementPageSchema } from '$lib/statements/schemas';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 10;

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  event.depends('app:statements');
  const cursor = readCursor(event.url);
  const page = await apiJson(event, `/statements?${pageQuery(cursor, PAGE_SIZE)}`, StatementPageSchema);
  return { page, cursor, maxBytes: MAX_UPLOAD_BYTES };
};
