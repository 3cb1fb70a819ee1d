#!/usr/bin/env bash
# Prepare a Docker engine and the sitegen build image without any container registry.
#
# Idempotent; run as root on a fresh Debian 12. Either run it or source it:
#   bash .ci/setup-docker.sh                 # prints the export line at the end
#   source .ci/setup-docker.sh               # also exports SITEGEN_BUILD_IMAGE into the caller
# Steps: install docker.io + debootstrap if missing; start dockerd in the background when
# `docker info` fails and wait for it; build `sitegen-test-node:20` from a debootstrap'd
# bookworm (minbase) plus the host's node, npm and CA bundle, imported with `docker import`.
# Skips whatever is already done. Override the image name with SITEGEN_TEST_IMAGE.

_sitegen_setup_docker() (
    set -euo pipefail
    image="${SITEGEN_TEST_IMAGE:-sitegen-test-node:20}"
    log() { echo "[setup-docker] $*" >&2; }

    missing=()
    command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
    command -v docker >/dev/null 2>&1 || missing+=(docker.io)
    command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
    if ((${#missing[@]})); then
        log "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi

    if ! docker info >/dev/null 2>&1; then
        log "starting dockerd in the background (log: /tmp/dockerd.log)"
        nohup dockerd >/tmp/dockerd.log 2>&1 &
        for _ in $(seq 1 60); do
            docker info >/dev/null 2>&1 && break
            sleep 1
        done
        if ! docker info >/dev/null 2>&1; then
            log "dockerd did not come up; last lines of /tmp/dockerd.log:"
            tail -n 20 /tmp/dockerd.log >&2 || true
            exit 1
        fi
    fi
    log "docker engine: $(docker version --format '{{.Server.Version}}')"

    if docker image inspect "$image" >/dev/null 2>&1; then
        log "image $image already present"
        exit 0
    fi

    node_bin="$(command -v node || true)"
    if [[ -z "$node_bin" ]]; then
        log "the host has no node binary to copy into the image"
        exit 1
    fi
    node_bin="$(readlink -f "$node_bin")"
    npm_dir=""
    for candidate in "$(dirname "$node_bin")/../lib/node_modules/npm" /usr/lib/node_modules/npm \
        /usr/local/lib/node_modules/npm; do
        if [[ -f "$candidate/bin/npm-cli.js" ]]; then
            npm_dir="$(readlink -f "$candidate")"
            break
        fi
    done
    if [[ -z "$npm_dir" ]]; then
        log "cannot find the host's npm (node_modules/npm/bin/npm-cli.js)"
        exit 1
    fi

    # The Debian mirror apt already uses (deb822 .sources first, then one-line sources.list).
    mirror="$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
    if [[ -z "$mirror" ]]; then
        mirror="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | awk '$1 == "deb" && $0 !~ /security/ && $0 ~ /debian/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}')"
    fi
    mirror="${mirror:-http://deb.debian.org/debian}"

    root="$(mktemp -d /var/tmp/sitegen-rootfs.XXXXXX)"
    trap 'rm -rf "$root"' EXIT
    log "debootstrap bookworm (minbase) from $mirror"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >/tmp/sitegen-debootstrap.log 2>&1 || {
        tail -n 20 /tmp/sitegen-debootstrap.log >&2
        exit 1
    }

    log "adding node $("$node_bin" --version), npm $("$node_bin" "$npm_dir/bin/npm-cli.js" --version) and CA certs"
    install -D -m 0755 "$node_bin" "$root/usr/local/bin/node"
    mkdir -p "$root/usr/local/lib/node_modules"
    cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
    if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
        install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
    fi
    # A non-root user like the official node image's, for builds of root-owned projects.
    if ! grep -q '^node:' "$root/etc/passwd"; then
        echo 'node:x:1000:1000::/home/node:/bin/sh' >>"$root/etc/passwd"
        echo 'node:x:1000:' >>"$root/etc/group"
        mkdir -p "$root/home/node" && chown 1000:1000 "$root/home/node"
    fi
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*

    log "docker import -> $image"
    tar -C "$root" -c . | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV NODE_VERSION=20' \
        --change 'CMD ["node"]' \
        - "$image" >/dev/null
    docker run --rm --network none "$image" node -e 'console.log("node", process.version, "ok")' >&2
)

# Not inside `if`: bash ignores `set -e` in a function called from an `if` condition.
_sitegen_setup_docker
_sitegen_status=$?
unset -f _sitegen_setup_docker
if [[ $_sitegen_status -eq 0 ]]; then
    export SITEGEN_BUILD_IMAGE="${SITEGEN_TEST_IMAGE:-sitegen-test-node:20}"
    echo "export SITEGEN_BUILD_IMAGE=$SITEGEN_BUILD_IMAGE"
else
    echo "[setup-docker] failed (exit $_sitegen_status)" >&2
    # `return` when sourced, `exit` when run.
    return "$_sitegen_status" 2>/dev/null || exit "$_sitegen_status"
fi
