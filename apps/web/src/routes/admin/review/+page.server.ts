import { apiJson } from '$lib/server/api';
import { pageQuery, readCursor, requireAdmin, statementError } from '$lib/server/statements';
import { StatementPageSchema } from '$lib/statements/schemas';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const cursor = readCursor(event.url);
  try {
    const page = await apiJson(
      event,
      `/admin/statements?${pageQuery(cursor, PAGE_SIZE, { status: 'needs_review' })}`,
      StatementPageSchema,
    );
    return { page, cursor };
  } catch (e) {
    statementError(e);
  }
};
