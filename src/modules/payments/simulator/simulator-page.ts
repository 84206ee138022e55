import { centsToMoney } from '../../../common/http/money';
import type { SimulatedSession } from '../gateway/simulated-payment-gateway';

/** Headers of the simulator's page: no script, no framing, nothing cached. */
export const SIMULATOR_PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
} as const;

const escape = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

const dollars = (cents: unknown): string => `$${centsToMoney(Number(cents))}`;

interface LineItem {
  description: string;
  amount_total: number;
}

/**
 * The simulator's checkout page (CONTRACT.md C.7): what the session charges, to whom, and two
 * ways out, "Pay" (a form posting to `pay/`) and "Cancel" (the session's `cancel_url`), as on
 * Stripe's hosted page. A session that is no longer open says so.
 */
export function renderCheckoutPage(session: SimulatedSession): string {
  const items = ((session.line_items as { data?: LineItem[] } | undefined)?.data ?? [])
    .map((item) => `<tr><td>${escape(item.description)}</td><td class="amount">${dollars(item.amount_total)}</td></tr>`)
    .join('');
  const total = dollars(session.amount_total);
  const actions =
    session.status === 'open'
      ? `<form method="post" action="pay/"><button id="pay" type="submit">Pay ${total}</button></form>
         <a id="cancel" href="${escape(session.cancel_url)}">Cancel</a>`
      : `<p id="state">This checkout session is ${escape(session.status)}.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Online Cinema: test payment</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 480px; margin: 40px auto; padding: 0 16px; color: #222; }
  .notice { background: #fff4d6; border: 1px solid #e8c66a; padding: 8px 12px; border-radius: 6px; font-size: 14px; }
  table { width: 100%; border-collapse: collapse; margin: 16px 0; }
  td { padding: 6px 0; border-bottom: 1px solid #eee; }
  .amount { text-align: right; }
  tfoot td { font-weight: bold; border-bottom: none; }
  button { background: #635bff; color: #fff; border: 0; border-radius: 6px; padding: 10px 18px; font-size: 16px; cursor: pointer; }
  form { display: inline; margin-right: 16px; }
</style>
</head>
<body>
<p class="notice">Payment simulator: no card is charged. Pay or cancel to continue as Stripe would.</p>
<h1>Checkout</h1>
<p>Customer: <strong id="email">${escape(session.customer_email)}</strong></p>
<table>
  <tbody>${items}</tbody>
  <tfoot><tr><td>Total</td><td class="amount" id="total">${total}</td></tr></tfoot>
</table>
${actions}
</body>
</html>
`;
}
