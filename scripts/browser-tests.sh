#!/usr/bin/env bash
# Real-browser suite (tests/browser/): a throwaway demo site on a free port, the node suite
# against it, then the site is stopped again.
#
#   scripts/browser-tests.sh            install what is missing, run the suite
#   scripts/browser-tests.sh install    only install Chromium, Node.js and the npm packages
#
# Chromium comes from Debian (package `chromium`), puppeteer-core and axe-core from npm at the
# versions in tests/browser/package-lock.json (`npm ci`); puppeteer never downloads a browser.
# With CI=true a missing browser or Node.js fails the run; elsewhere it is skipped with a note.
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUITE_DIR="$PROJECT_DIR/tests/browser"
PY=${PY:-$PROJECT_DIR/.venv/bin/python}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

log() { echo "[browser] $*" >&2; }
die() { echo "[browser] ERROR: $*" >&2; exit 1; }

install_tools() {
    local need=()
    [ -n "$CHROMIUM" ] || need+=(chromium)
    command -v node >/dev/null 2>&1 || need+=(nodejs)
    command -v npm >/dev/null 2>&1 || need+=(npm)
    if [ ${#need[@]} -gt 0 ]; then
        if [ "$(id -u)" != 0 ]; then
            [ "${CI:-}" = true ] && die "missing Debian packages: ${need[*]} (run 'sudo scripts/browser-tests.sh install')"
            log "SKIPPED: missing Debian packages ${need[*]}; run 'sudo scripts/browser-tests.sh install' once"
            exit 0
        fi
        log "installing Debian packages: ${need[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
        CHROMIUM=$(command -v chromium || true)
    fi
    [ -n "$CHROMIUM" ] || die "chromium not found after installation"
    # Re-install only when the lock file changed since the last `npm ci`.
    if [ ! -f "$SUITE_DIR/node_modules/.package-lock.json" ] \
        || ! cmp -s "$SUITE_DIR/package-lock.json" "$SUITE_DIR/node_modules/.tw-lock"; then
        log "npm ci (puppeteer-core, axe-core)"
        (cd "$SUITE_DIR" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
        cp "$SUITE_DIR/package-lock.json" "$SUITE_DIR/node_modules/.tw-lock"
    fi
}

install_tools
[ "${1:-}" = install ] && exit 0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tw-browser-XXXXXX")
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# The demo site as `make run` builds it: SQLite and the database search, no Elasticsearch.
export DJANGO_SETTINGS_MODULE=config.settings.dev
export DATABASE_URL="sqlite:///$WORK/db.sqlite3" MEDIA_ROOT="$WORK/media"
unset ELASTICSEARCH_URL
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"
BASE="http://127.0.0.1:$PORT"

cd "$PROJECT_DIR"
log "demo site: migrate + load_demo into a throwaway SQLite database"
SECONDS=0
"$PY" manage.py migrate --noinput >"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log"; die "migrate failed"; }
"$PY" manage.py load_demo >>"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log"; die "load_demo failed"; }
# A superuser as well: Wagtail's update check would only run for superusers.
DJANGO_SUPERUSER_PASSWORD=Browser-Admin-2026 "$PY" manage.py createsuperuser --noinput --username browser-admin \
    --email browser-admin@example.org >>"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log"; die "createsuperuser failed"; }
# Which pages the suite visits: the first public page of each kind in the demo content.
"$PY" manage.py shell --no-imports -c "from tests.browser.targets import write_targets; write_targets('$WORK/targets.json')" >>"$WORK/setup.log" 2>&1 \
    || { cat "$WORK/setup.log"; die "could not list the pages to check"; }

log "demo site ready after ${SECONDS} s; starting gunicorn on $BASE"
"$PROJECT_DIR/.venv/bin/gunicorn" config.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
    --no-control-socket --access-logfile /dev/null --error-logfile "$WORK/server.log" 2>>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$BASE/health/" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; die "the server did not start"; }
    sleep 0.2
done
curl -fs -o /dev/null "$BASE/health/" || { cat "$WORK/server.log"; die "the server does not answer on $BASE"; }

status=0
CHROMIUM="$CHROMIUM" TARGETS="$WORK/targets.json" node "$SUITE_DIR/run.mjs" "$BASE" || status=$?
if [ "$status" != 0 ] && [ -s "$WORK/server.log" ]; then
    log "server log (last 40 lines):"; tail -n 40 "$WORK/server.log" >&2
fi
exit "$status"
