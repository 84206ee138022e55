import type { CapturedMail } from './mail-catcher';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d1d1f; }
  header { display: flex; align-items: center; gap: 1rem; padding: .75rem 1.25rem; background: #1d1d1f; color: #fff; }
  header a { color: #fff; text-decoration: none; font-weight: 600; }
  header form { margin-left: auto; }
  main { padding: 1rem 1.25rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e5e5e5; }
  tr:hover td { background: #f5f5f7; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
  dt { color: #6e6e73; }
  iframe { width: 100%; height: 70vh; border: 1px solid #e5e5e5; }
  pre { white-space: pre-wrap; background: #f5f5f7; padding: 1rem; }
`;

function page(title: string, body: string, refresh = false): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${refresh ? '<meta http-equiv="refresh" content="5">' : ''}<style>${STYLE}</style></head>
<body><header><a href="/">Online Cinema: development inbox</a>
<form method="post" action="/clear"><button type="submit">Delete all</button></form></header>
<main>${body}</main></body></html>`;
}

/** The list of caught messages, newest first; it reloads itself every few seconds. */
export function renderInbox(messages: readonly CapturedMail[]): string {
  if (messages.length === 0) return page('Inbox', '<p>No messages yet. Mail sent by the API and the worker shows up here.</p>', true);
  const rows = messages
    .map(
      (message) => `<tr><td>${message.receivedAt.toISOString().replace('T', ' ').slice(0, 19)}</td>
<td>${escapeHtml(message.to)}</td><td><a href="/messages/${message.id}">${escapeHtml(message.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('\n');
  return page(
    `Inbox (${messages.length})`,
    `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`,
    true,
  );
}

/**
 * One message: its headers, the HTML part in a sandboxed frame (no scripts; links open in a new
 * tab, so activation and reset links can be followed) and the text part.
 */
export function renderMessage(message: CapturedMail): string {
  const html = message.html === null ? '' : `<h3>HTML</h3><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(`<base target="_blank">${message.html}`)}"></iframe>`;
  const text = message.text === null ? '' : `<h3>Text</h3><pre>${escapeHtml(message.text)}</pre>`;
  return page(
    message.subject || '(no subject)',
    `<h2>${escapeHtml(message.subject || '(no subject)')}</h2>
<dl><dt>From</dt><dd>${escapeHtml(message.from)}</dd><dt>To</dt><dd>${escapeHtml(message.to)}</dd>
<dt>Envelope</dt><dd>${escapeHtml(`${message.envelope.from ?? '<>'} → ${message.envelope.to.join(', ')}`)}</dd>
<dt>Received</dt><dd>${message.receivedAt.toISOString()}</dd></dl>${html}${text}`,
  );
}
