/**
 * The accounts and user-administration messages, exactly as the reference sends them (reference
 * sections 3 and 8.1-8.2; note which ones end with a period). Shared by the code and the tests.
 * The auth layer's own messages (`Invalid email or password.`, `User not found.`, ...) live in
 * `AUTH_MESSAGES`.
 */
export const ACCOUNTS_MESSAGES = {
  userExists: (email: string) => `User with this email ${email} already exists.`,
  groupNotFound: 'Group not found.',
  userWithEmailNotFound: (email: string) => `User with given email ${email} not found.`,
  alreadyActivated: 'User is already activated.',
  activationTokenStillValid: 'Activation token still valid.',
  activationLinkSent: 'A new activation link has been sent.',
  invalidOrExpiredToken: 'Invalid or expired token',
  activated: 'User account activated successfully.',
  notActivated: 'Your account is not activated',
  loggedOut: 'Logged out successfully.',
  tokenNotOwned: 'Token does not belong to the authenticated user.',
  refreshTokenNotFound: 'Refresh token not found.',
  refreshTokenExpired: 'Refresh token expired.',
  /** Not in the reference: a rotated-out refresh token presented again (CONTRACT.md B7). */
  refreshTokenRevoked: 'Refresh token has been revoked.',
  samePassword: 'New password cannot be same as the old one.',
  passwordChanged: 'Password has been changed successfully!',
  resetRequested: 'If you have an account, you will receive an email with instructions.',
  invalidEmailOrToken: 'Invalid email or token.',
  resetTokenNotFound: 'Token not found.',
  passwordReset: 'Your password has been successfully changed!',
  /** The pydantic `ValueError` text of the password policy (reference 2.2). */
  passwordPolicy:
    'Password must contain 8-32 characters, at least one uppercase and lowercase letter, a number and a special character',
  adminAlreadyActive: 'User account is already active.',
  adminActivated: 'User account activated successfully by admin.',
  ownGroup: 'Prevent changing the group of a user with the same ID as you.',
  alreadyInGroup: (groupId: number) => `User already belongs to group ${groupId}.`,
  invalidGroup: 'Invalid group ID.',
  groupChanged: (groupId: number) => `User group successfully changed to ${groupId}.`,
} as const;
