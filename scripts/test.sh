#!/usr/bin/env bash
# Run the whole sitegen test suite on a fresh Debian/Ubuntu machine (as root, as CI does),
# or on a developer machine where the services are already there.
# It installs what the tests need (Python package + dev tools, Node.js, Docker engine and the
# registry-free test image, PostgreSQL, Chromium), starts the services, then runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*" >&2; }

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  log "system packages"
  export DEBIAN_FRONTEND=noninteractive
  need=()
  for pkg in git nodejs npm docker.io debootstrap chromium postgresql redis-server bubblewrap ca-certificates; do
    case "$pkg" in
      nodejs) command -v node >/dev/null || need+=(nodejs) ;;
      npm) command -v npm >/dev/null || need+=(npm) ;;
      docker.io) command -v dockerd >/dev/null || need+=(docker.io) ;;
      chromium) command -v chromium >/dev/null || need+=(chromium) ;;
      postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;;
      redis-server) command -v redis-server >/dev/null || need+=(redis-server) ;;
      *) dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg") ;;
    esac
  done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

log "python package"
python3 -m pip install -q -e '.[dev]'

for setup in .ci/setup-docker.sh .ci/install-deploy-tools.sh; do
  if [ -f "$setup" ] && [ "$(id -u)" = "0" ]; then
    log "$setup"
    # shellcheck disable=SC1090
    source "$setup"
  fi
done

if [ "${CI:-}" = "true" ] || [ "${SITEGEN_REQUIRE_SERVICES:-}" = "1" ]; then
  export SITEGEN_REQUIRE_SERVICES=1
fi

log "ruff"
ruff check src tests bench

log "import contracts"
lint-imports

log "pytest"
python3 -m pytest -q "$@"
