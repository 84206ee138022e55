import { accountSubject } from './account-subject';

describe('accountSubject', () => {
  it('gives every spelling of one address the same key', () => {
    const key = accountSubject('josé@bücher.example');

    expect(key).toMatch(/^[0-9a-f]{32}$/);
    for (const spelling of ['  JOSÉ@BÜCHER.EXAMPLE ', 'José <josé@bücher.example>', 'jose\u0301@bücher.example', 'josé@xn--bcher-kva.example']) {
      expect(accountSubject(spelling)).toBe(key);
    }
    expect(accountSubject('jose@bücher.example')).not.toBe(key);
  });

  it('never holds the address itself', () => {
    expect(accountSubject('ann@example.com')).not.toContain('ann');
  });

  it.each([undefined, null, 42, ['ann@example.com'], '', 'not-an-email'])('has no key for %p, which matches no account', (email) => {
    expect(accountSubject(email)).toBeNull();
  });
});
