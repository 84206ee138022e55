import { checkEmail } from './normalize-email';

describe('checkEmail', () => {
  it.each([
    ['User.Name+tag@Example.COM', 'User.Name+tag@example.com'],
    ['  bob@example.org ', 'bob@example.org'],
    ['John Smith <John@Example.com>', 'John@example.com'],
    ['josé@exämple.com', 'josé@exämple.com'],
    ['a@xn--exmple-cua.com', 'a@exämple.com'],
  ])('normalises %s to %s', (input, expected) => {
    expect(checkEmail(input)).toEqual({ ok: true, email: expected });
  });

  it.each([
    ['not-an-email', 'An email address must have an @-sign.'],
    ['@example.com', 'There must be something before the @-sign.'],
    ['bob@', 'There must be something after the @-sign.'],
    ['bob@example', 'The part after the @-sign is not valid. It should have a period.'],
    ['.bob@example.com', 'An email address cannot start with a period.'],
    ['bob.@example.com', 'An email address cannot have a period immediately before the @-sign.'],
    ['bo..b@example.com', 'An email address cannot have two periods in a row.'],
    ['bo b@example.com', 'The email address contains invalid characters before the @-sign: SPACE.'],
    ['bob@exa_mple.com', "The part after the @-sign contains invalid characters: '_'."],
    ['bob@host.localhost', 'The part after the @-sign is a special-use or reserved name that cannot be used with email.'],
    ['bob@1.2.3.4', 'The part after the @-sign is not valid. It is not within a valid top-level domain.'],
    [`${'a'.repeat(65)}@example.com`, 'The email address is too long before the @-sign (1 character too many).'],
  ])('rejects %s', (input, reason) => {
    expect(checkEmail(input)).toEqual({ ok: false, reason });
  });

  it("refuses more than pydantic's 2048 characters before looking at the address, however large", () => {
    const tooLong = { ok: false, reason: 'Length must not exceed 2048 characters' };
    expect(checkEmail(`${'😀'.repeat(2000)}a@b.co`)).toEqual({ ok: false, reason: expect.stringMatching(/^The email address contains invalid characters/) });
    expect(checkEmail(`${'😀'.repeat(2048)}@b.co`)).toEqual(tooLong);

    const started = performance.now();
    expect(checkEmail(`${'a'.repeat(2_000_000)}@example.com`)).toEqual(tooLong);
    expect(performance.now() - started).toBeLessThan(20);
  });
});
