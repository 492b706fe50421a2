// @ts-check
/** Sign in with an editor key: checked against the API before it is kept for this tab. */
import { ApiError } from '../api.js';
import { h } from '../dom.js';

/** @param {import('../app.js').Desk} desk */
export function signInView(desk) {
  const input = /** @type {HTMLInputElement} */ (
    h('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'off', spellcheck: false, required: true, 'aria-describedby': 'key-help key-error' })
  );
  const error = h('p', { id: 'key-error', class: 'error', role: 'alert' });
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'primary' }, 'Sign in'));

  const form = h('form', {
    class: 'panel sign-in',
    onsubmit: async (/** @type {SubmitEvent} */ event) => {
      event.preventDefault();
      const key = input.value.trim();
      error.textContent = '';
      if (!key) {
        error.textContent = 'Enter your editor key.';
        input.focus();
        return;
      }
      button.disabled = true;
      button.textContent = 'Checking…';
      try {
        await desk.api.checkKey(key);
        input.value = '';
        desk.session.keep(key);
        desk.navigate(location.hash && location.hash !== '#/sign-in' ? location.hash : '#/wire');
      } catch (failure) {
        error.textContent =
          failure instanceof ApiError && failure.status === 401
            ? 'That key was not accepted. Check it and try again.'
            : failure instanceof ApiError && failure.status === 403
              ? 'That key cannot use the desk: it needs an editor (or viewer) key.'
              : failure instanceof ApiError
                ? failure.message
                : 'Something went wrong. Try again.';
        input.select();
        input.focus();
      } finally {
        button.disabled = false;
        button.textContent = 'Sign in';
      }
    },
  }, [
    h('h1', null, 'Sign in to the desk'),
    h('label', { for: 'key' }, 'Editor key'),
    input,
    h('p', { id: 'key-help', class: 'help' }, 'Kept in this browser tab only, until you sign out or close it. npm start prints a local editor key.'),
    error,
    button,
  ]);
  return { element: form };
}
