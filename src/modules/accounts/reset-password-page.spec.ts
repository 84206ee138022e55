import { runInNewContext } from 'node:vm';
import { RESET_PASSWORD_PAGE } from './reset-password-page';

/** Just enough of a browser to run the page's script: the form, its fields and `fetch`. */
function loadPage(search: string, answer: { ok: boolean; body: unknown }) {
  const text = (): { textContent: string } => ({ textContent: '' });
  const elements = { password: { value: '' }, confirm: { value: '' }, send: { disabled: false } };
  let submit: ((event: { preventDefault(): void }) => Promise<void>) | null = null;
  const form = {
    hidden: false,
    elements,
    addEventListener: (_type: string, listener: typeof submit) => (submit = listener),
  };
  const nodes: Record<string, unknown> = { reset: form, status: text(), email: text() };
  const requests: Array<{ url: string; init: { method: string; headers: Record<string, string>; body: string } }> = [];
  const script = /<script>([\s\S]*)<\/script>/.exec(RESET_PASSWORD_PAGE)![1];
  runInNewContext(script, {
    URLSearchParams,
    location: { search, pathname: '/accounts/reset-password/complete/' },
    document: { getElementById: (id: string) => nodes[id] },
    fetch: async (url: string, init: (typeof requests)[number]['init']) => {
      requests.push({ url, init });
      return { ok: answer.ok, json: async () => answer.body };
    },
  });
  return {
    form,
    requests,
    email: () => (nodes.email as { textContent: string }).textContent,
    status: () => (nodes.status as { textContent: string }).textContent,
    submit: async (password: string, confirm = password) => {
      elements.password.value = password;
      elements.confirm.value = confirm;
      await submit!({ preventDefault: () => undefined });
    },
  };
}

describe('the reset-password page', () => {
  const search = `?${new URLSearchParams({ email: 'ann+films@example.com', token: 'tok_en-1' }).toString()}`;

  it('posts the address and token of its link with the new password, as JSON, and shows the answer', async () => {
    const page = loadPage(search, { ok: true, body: { message: 'Your password has been successfully changed!' } });
    expect(page.email()).toBe('ann+films@example.com');

    await page.submit('New!Passw0rd');

    expect(page.requests).toEqual([
      {
        url: '/accounts/reset-password/complete/',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'ann+films@example.com', token: 'tok_en-1', password: 'New!Passw0rd' }),
        },
      },
    ]);
    expect(page.form.hidden).toBe(true);
    expect(page.status()).toBe('Your password has been successfully changed!');
  });

  it('shows an error detail or the 422 messages, and lets the user try again', async () => {
    const refused = loadPage(search, { ok: false, body: { detail: 'Invalid email or token.' } });
    await refused.submit('New!Passw0rd');
    expect(refused.status()).toBe('Invalid email or token.');
    expect(refused.form.elements.send.disabled).toBe(false);

    const invalid = loadPage(search, { ok: false, body: { detail: [{ msg: 'String should have at least 8 characters' }] } });
    await invalid.submit('short');
    expect(invalid.status()).toBe('String should have at least 8 characters');
  });

  it('sends nothing when the two passwords differ', async () => {
    const page = loadPage(search, { ok: true, body: {} });
    await page.submit('New!Passw0rd', 'Other!Passw0rd');
    expect(page.requests).toEqual([]);
    expect(page.status()).toBe('The two passwords do not match.');
  });
});
