import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Progressive enhancement for one form: tracks the in-flight state for the submit button,
 * keeps typed values on failure (no reset) but wipes password inputs.
 */
export class PendingForm {
  pending = $state(false);

  enhance: SubmitFunction = () => {
    this.pending = true;
    return async ({ update, result, formElement }) => {
      try {
        await update({ reset: false });
        if (result.type === 'failure') {
          for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
            input.value = '';
          }
        }
      } finally {
        this.pending = false;
      }
    };
  };
}
