import { createHash } from 'node:crypto';

/**
 * The page the password-reset e-mail links to (CONTRACT.md B10): a form that reads `email` and
 * `token` from its own URL and posts them with the new password, as JSON, to
 * `POST /accounts/reset-password/complete/`, then shows the API's answer. The page is static, so
 * nothing from the URL is ever written into its HTML; the script only sets text content.
 */
const SCRIPT = `
const params = new URLSearchParams(location.search);
const form = document.getElementById('reset');
const status = document.getElementById('status');
document.getElementById('email').textContent = params.get('email') || '';
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const password = form.elements.password.value;
  if (password !== form.elements.confirm.value) {
    status.textContent = 'The two passwords do not match.';
    return;
  }
  form.elements.send.disabled = true;
  status.textContent = '';
  try {
    const response = await fetch(location.pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: params.get('email') || '', token: params.get('token') || '', password }),
    });
    const body = await response.json();
    if (response.ok) {
      form.hidden = true;
      status.textContent = body.message;
      return;
    }
    status.textContent = Array.isArray(body.detail) ? body.detail.map((issue) => issue.msg).join(' ') : body.detail;
  } catch {
    status.textContent = 'The request failed. Please try again.';
  }
  form.elements.send.disabled = false;
});
`;

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; background: #f4f4f4; margin: 0; padding: 40px 16px; color: #222; }
main { max-width: 420px; margin: 0 auto; background: #fff; padding: 28px; border-radius: 6px; }
label { display: block; margin: 16px 0 4px; }
input { width: 100%; box-sizing: border-box; padding: 10px; font-size: 15px; }
button { margin-top: 20px; padding: 12px 28px; background: #1565c0; color: #fff; border: 0; border-radius: 4px; font-weight: bold; cursor: pointer; }
#status { margin-top: 16px; }
`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export const RESET_PASSWORD_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Reset your password - Online Cinema</title>
  <style>${STYLE}</style>
</head>
<body>
  <main>
    <h1>Reset your password</h1>
    <p>Choose a new password for <strong id="email"></strong>.</p>
    <form id="reset">
      <label for="password">New password</label>
      <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="32" required>
      <label for="confirm">Repeat the new password</label>
      <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="8" maxlength="32" required>
      <p><small>8-32 characters, with a lower-case and an upper-case letter, a digit and one of @$!%*?&amp;</small></p>
      <button name="send" type="submit">Reset Password</button>
    </form>
    <p id="status" role="status"></p>
  </main>
  <script>${SCRIPT}</script>
</body>
</html>
`;

/**
 * Only this page's own script and style run, it talks only to its own origin, and the token in
 * its URL is never sent on as a referrer.
 */
export const RESET_PASSWORD_PAGE_HEADERS = {
  'Content-Security-Policy': `default-src 'none'; script-src ${hash(SCRIPT)}; style-src ${hash(STYLE)}; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'`,
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;
