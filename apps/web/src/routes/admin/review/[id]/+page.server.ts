import { fail } from '@sveltejs/kit';
import { readFields } from '$lib/forms';
import { translate } from '$lib/i18n';
import { ApiError, apiFetch, apiJson } from '$lib/server/api';
import { describeApiError } from '$lib/server/form-errors';
import { requireAdmin, statementError } from '$lib/server/statements';
import { StatementViewSchema } from '$lib/statements/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  try {
    const statement = await apiJson(event, `/statements/${encodeURIComponent(event.params.id)}`, StatementViewSchema);
    return { statement };
  } catch (e) {
    statementError(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireAdmin(event);
    const locale = event.locals.locale;
    const fields = readFields(await event.request.formData(), ['decision', 'reason']);
    const reason = fields.reason?.trim() ?? '';
    const values = { decision: fields.decision ?? '', reason };
    if (fields.decision !== 'approve' && fields.decision !== 'reject') {
      return fail(422, { values, errors: { decision: translate(locale, 'error.generic') } as Record<string, string> });
    }
    if (fields.decision === 'reject' && !reason) {
      return fail(422, {
        values,
        errors: { reason: translate(locale, 'admin.reasonRequired') } as Record<string, string>,
      });
    }
    try {
      await apiFetch(event, `/admin/statements/${encodeURIComponent(event.params.id)}/review`, {
        method: 'POST',
        json: { decision: fields.decision, ...(reason ? { reason } : {}) },
      });
      return { reviewed: fields.decision };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'statement.not_reviewable') {
        return fail(409, {
          values,
          errors: {} as Record<string, string>,
          message: translate(locale, 'admin.notReviewable'),
        });
      }
      const { errors, message } = describeApiError(error, locale);
      return fail(error instanceof ApiError && error.status < 500 ? error.status : 503, { values, errors, message });
    }
  },
};
