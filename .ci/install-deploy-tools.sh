#!/usr/bin/env bash
# Install what the deploy and Supabase-sync tests need on a fresh Debian machine (as root):
#   - PostgreSQL (Debian's package; tests start their own throwaway cluster on 127.0.0.1),
#   - psycopg for the tests' PostgREST stand-in,
#   - Node.js/npm and the pinned Vercel CLI and netlify-cli, installed by sitegen's own installer
#     into SITEGEN_TEST_TOOLS_DIR (default ~/.cache/sitegen-test-tools), where the tests look.
# Idempotent: a second run installs nothing. Works when executed or sourced (scripts/test.sh
# sources it); it exports SITEGEN_TEST_TOOLS_DIR either way.

sitegen_install_deploy_tools() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  export SITEGEN_TEST_TOOLS_DIR="${SITEGEN_TEST_TOOLS_DIR:-$HOME/.cache/sitegen-test-tools}"

  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
  command -v runuser >/dev/null || need+=(util-linux)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != "0" ]; then
      echo "install-deploy-tools: missing ${need[*]} (run as root to install them)" >&2
      return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi

  python3 -c "import psycopg" 2>/dev/null || python3 -m pip install -q "psycopg[binary]>=3.1"
  python3 -c "import sitegen" 2>/dev/null || python3 -m pip install -q -e "$root[dev]"

  # The pinned CLIs, through the same code path sitegen uses on first deploy.
  SITEGEN_TOOLS_DIR="$SITEGEN_TEST_TOOLS_DIR" python3 - <<'PY'
import sys
from pathlib import Path

from sitegen.deployers.tools import TOOLS, ensure_tool, installed_binary, tools_dir

home = Path(".")
for name in ("vercel", "netlify"):
    tool = TOOLS[name]
    if installed_binary(tool, home).exists():
        print(f"install-deploy-tools: {tool.spec} already in {tools_dir(home)}", file=sys.stderr)
        continue
    path = ensure_tool(name, home, lambda line: print(f"  {line}", file=sys.stderr))
    print(f"install-deploy-tools: {tool.spec} -> {path}", file=sys.stderr)
PY
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  sitegen_install_deploy_tools
else
  sitegen_install_deploy_tools || return 1
fi
