export const HEALTH_MESSAGES = {
  notReady: 'Service is not ready.',
} as const;
