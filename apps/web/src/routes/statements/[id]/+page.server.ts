import { apiJson } from '$lib/server/api';
import { requireUser, statementError } from '$lib/server/statements';
import { StatementViewSchema } from '$lib/statements/schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  event.depends('app:statement');
  try {
    const statement = await apiJson(event, `/statements/${encodeURIComponent(event.params.id)}`, StatementViewSchema);
    return { statement };
  } catch (e) {
    statementError(e);
  }
};
