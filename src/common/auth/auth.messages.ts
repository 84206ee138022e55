/**
 * The auth layer's messages, exactly as the reference sends them (reference 1.7; note which ones
 * end with a period). Shared by the code and the tests.
 */
export const AUTH_MESSAGES = {
  headerMissing: 'Authorization header is missing',
  headerFormat: "Invalid Authorization header format. Expected 'Bearer <token>'",
  tokenRevoked: 'Token has been blacklisted',
  tokenExpired: 'Token has expired',
  tokenInvalid: 'Invalid token',
  tokenPayloadInvalid: 'Invalid token payload.',
  userNotFound: 'User not found.',
  userInactive: 'Inactive user.',
  adminRequired: 'Access denied. Admin privileges required.',
  moderatorRequired: 'Access denied. Moderator or admin required.',
  invalidCredentials: 'Invalid email or password.',
  serviceUnavailable: 'Service temporarily unavailable.',
} as const;
