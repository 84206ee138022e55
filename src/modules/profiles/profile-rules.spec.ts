import type { ProfileFieldsDto } from './dto/profile-fields.dto';
import { parseGender, profileRuleViolation } from './profile-rules';
import { PROFILES_MESSAGES } from './profiles.messages';

const TODAY = new Date('2026-06-15T23:30:00Z');

describe('profile rules (reference 2.4)', () => {
  const check = (fields: ProfileFieldsDto, write: 'create' | 'update' = 'create') => profileRuleViolation(fields, write, TODAY);

  it('accepts absent fields and valid values', () => {
    expect(check({})).toBeNull();
    expect(check({ first_name: 'James', last_name: '', gender: 'WoMaN', date_of_birth: '1990-01-01', info: ' text ' })).toBeNull();
  });

  it('allows English letters only in names', () => {
    expect(check({ first_name: 'Zoë' })).toBe(PROFILES_MESSAGES.nonEnglishName('Zoë'));
    expect(check({ last_name: 'Smith-Jones' })).toBe(PROFILES_MESSAGES.nonEnglishName('Smith-Jones'));
  });

  it('takes gender in any letter case', () => {
    expect(parseGender('MAN')).toBe('man');
    expect(parseGender('Woman')).toBe('woman');
    expect(parseGender('men')).toBeNull();
    expect(check({ gender: 'other' })).toBe(PROFILES_MESSAGES.gender);
  });

  it("counts age as the reference does: whole days since the birth date, divided by 365, on today's UTC date", () => {
    // 2008-06-20 is 6569 days before 2026-06-15: 17 "years".
    expect(check({ date_of_birth: '2008-06-20' })).toBe(PROFILES_MESSAGES.underage);
    // 2008-06-19 is 6570 days before: 18, although the calendar says 17 years and 361 days.
    expect(check({ date_of_birth: '2008-06-19' })).toBeNull();
    expect(check({ date_of_birth: '2030-01-01' })).toBe(PROFILES_MESSAGES.underage);
    expect(check({ date_of_birth: '1900-01-01' })).toBeNull();
    expect(check({ date_of_birth: '1899-12-31' })).toBe(PROFILES_MESSAGES.birthYear);
  });

  it("rejects info made only of what Python's strip() removes, with each route's wording", () => {
    expect(check({ info: '\u3000\x1c\t' }, 'create')).toBe(PROFILES_MESSAGES.blankInfo.create);
    expect(check({ info: '\x85 ' }, 'update')).toBe(PROFILES_MESSAGES.blankInfo.update);
    // U+FEFF is whitespace to JavaScript, not to Python.
    expect(check({ info: '\ufeff' })).toBeNull();
  });

  it('reports the first violation in the order of each route', () => {
    const fields = { first_name: 'ok', gender: 'x', date_of_birth: '1800-01-01', info: ' ' };
    expect(check(fields, 'create')).toBe(PROFILES_MESSAGES.birthYear);
    expect(check(fields, 'update')).toBe(PROFILES_MESSAGES.gender);
    expect(check({ ...fields, last_name: '9' }, 'update')).toBe(PROFILES_MESSAGES.nonEnglishName('9'));
  });
});
