#!/bin/sh
# The image's commands: one image, several roles. Anything else is run as given.
set -eu

role="${1:-api}"
case "$role" in
  api|worker|migrate|seed) [ "$#" -gt 0 ] && shift ;;
esac

case "$role" in
  api)     exec node dist/src/main.js "$@" ;;
  worker)  exec node dist/src/worker.js "$@" ;;
  # Migrations, then the seed (groups and the ADMIN_EMAIL/ADMIN_PASSWORD admin); both idempotent.
  migrate) node dist/scripts/migrate.js && exec node dist/src/seed/seed.js ;;
  seed)    exec node dist/src/seed/seed.js "$@" ;;
  *)       exec "$@" ;;
esac
