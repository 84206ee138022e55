import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './request-id';

const requestWith = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('keeps an id a proxy or caller chose', () => {
    expect(requestIdFor(requestWith({ 'x-request-id': 'lb-1a2b.3c:4d/5e+6f=' }))).toBe('lb-1a2b.3c:4d/5e+6f=');
  });

  it.each([[undefined], [''], ['has space'], ['new\nline'], ['x'.repeat(129)], ['<script>']])('makes a new UUID instead of %p', (given) => {
    expect(requestIdFor(requestWith(given === undefined ? {} : { 'x-request-id': given }))).toMatch(UUID);
  });
});
