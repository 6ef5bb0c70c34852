#!/usr/bin/env bash
# README command 2 (`npm test`): installs everything the tests need on a fresh Debian
# machine with only Node 20 (system packages, pnpm, the workspace) and runs every test:
# lint, types, unit and integration tests (PGlite and real PostgreSQL), API suite on Node
# and in workerd, room protocol in workerd and Node, the on-prem bundle, the e2e suite in
# headless Chromium, the blackout suite, deploy checks and the statement corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$*"; }

step "system packages"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rsync >/dev/null || missing+=(rsync)
command -v ip >/dev/null || missing+=(iproute2)
command -v unshare >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "chromium: $(chromium --version 2>/dev/null | head -1)"

step "workspace install"
if pnpm --version 2>/dev/null | grep -q '^10\.'; then PNPM=(pnpm); else
  PNPM=(npx --yes "$(node -p "require('./package.json').packageManager")"); fi
"${PNPM[@]}" install --frozen-lockfile --prefer-offline

step "format, lint and types"
"${PNPM[@]}" format:check
"${PNPM[@]}" lint
"${PNPM[@]}" typecheck

step "unit, integration and runtime tests"
"${PNPM[@]}" test:unit

step "on-prem bundle"
"${PNPM[@]}" build:onprem

step "end-to-end in Chromium"
"${PNPM[@]}" test:e2e

step "blackout: end-to-end with only loopback"
"${PNPM[@]}" test:blackout

step "the Worker under wrangler dev, offline, on local PostgreSQL"
"${PNPM[@]}" --filter @clantrader/workers run check:wrangler-dev

step "README command 1: npm start"
node scripts/check-start.mjs

step "deploy commands"
node scripts/check-deploy.mjs

echo
echo "all test stages passed"
