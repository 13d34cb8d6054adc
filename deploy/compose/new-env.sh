#!/usr/bin/env bash
# Writes deploy/compose/.env with freshly generated secrets, which docker compose reads from there.
# It never overwrites an existing file: the phone-hash key must stay the same for as long as the data
# lives (leads hashed with another key no longer match as duplicates).
set -euo pipefail

ENV_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.env"

if [[ -e $ENV_FILE ]]; then
  echo "new-env.sh: $ENV_FILE exists; remove it first to generate new secrets" >&2
  exit 1
fi
command -v openssl >/dev/null || { echo "new-env.sh: openssl is needed" >&2; exit 2; }

(
  umask 077
  cat >"$ENV_FILE" <<VALUES
RADAR_ADMIN_KEY=radar_admin_$(openssl rand -hex 24)
RADAR_INTERNAL_TOKEN_SECRET=$(openssl rand -hex 32)
RADAR_PHONE_HASH_KEY=$(openssl rand -hex 32)
VALUES
)
echo "Wrote $ENV_FILE (readable by you only); the admin key is its RADAR_ADMIN_KEY."
