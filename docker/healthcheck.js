// HEALTHCHECK of the API container: liveness of the HTTP server, from inside the container.
/* global process, fetch, AbortSignal */
const port = process.env.PORT || '3000';

fetch(`http://127.0.0.1:${port}/health/live/`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
