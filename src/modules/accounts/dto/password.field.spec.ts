import { validateInput } from '../../../common/validation/validate-input';
import { RequestValidationException } from '../../../common/validation/validation-issue';
import { ACCOUNTS_MESSAGES } from '../accounts.messages';
import { CredentialsDto } from './credentials.dto';
import { passwordComplexityError } from './password.field';

describe('password policy', () => {
  it.each(['Str0ng!Pass', 'Ünïcödé1$', 'Pass²wor!', 'ΑΒγδ１２@x', 'aB3&aB3&'])('accepts %j, as Python would', (password) => {
    expect(passwordComplexityError(password)).toBeNull();
  });

  it.each(['ALLUPPERCASE1!', 'alllowercase1!', 'NoSpecialChar1', 'NoDigits!@#', 'Passw0rd#-_', 'Passw0rd^'])('refuses %j', (password) => {
    expect(passwordComplexityError(password)).toBe(ACCOUNTS_MESSAGES.passwordPolicy);
  });

  it('checks the length first and the complexity only for a password of a valid length', () => {
    const issues = (password: string) => {
      try {
        validateInput(CredentialsDto, { email: 'a@example.com', password }, 'body');
        return [];
      } catch (error) {
        return (error as RequestValidationException).issues.map((issue) => issue.type);
      }
    };

    expect(issues('aaaa')).toEqual(['string_too_short']);
    expect(issues('a'.repeat(33))).toEqual(['string_too_long']);
    expect(issues('a'.repeat(12))).toEqual(['value_error']);
    expect(issues('Str0ng!Pass')).toEqual([]);
  });
});
