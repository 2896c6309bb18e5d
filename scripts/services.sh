#!/usr/bin/env bash
# Test services for development and CI: a private PostgreSQL cluster and a single-node
# Elasticsearch (the integ-test-zip from Maven Central), both on 127.0.0.1 and free ports.
#
#   scripts/services.sh install        Debian packages, service user, Elasticsearch download
#   scripts/services.sh start          start both (reuses them when already running)
#   scripts/services.sh env            print `export ...` lines (eval "$(scripts/services.sh env)")
#   scripts/services.sh status         show what runs
#   scripts/services.sh stop           stop both
#   scripts/services.sh run -- CMD...  start what is not running, run CMD with the env,
#                                       then stop only what this call started
#
# Neither server may run as root, so as root a system user (twservice) runs them.
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" = 0 ]; then
    DEFAULT_CACHE=/var/cache/transferwiki
else
    DEFAULT_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/transferwiki"
fi
CACHE_DIR=${TW_CACHE_DIR:-$DEFAULT_CACHE}
RUN_DIR=${TW_RUN_DIR:-/tmp/transferwiki-services-$(id -u)}
SERVICE_USER=${TW_SERVICE_USER:-twservice}
ES_HEAP=${ES_HEAP:-512m}
PG_VERSION_DIR=""

log() { echo "[services] $*" >&2; }
die() { echo "[services] ERROR: $*" >&2; exit 1; }

as_service_user() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$SERVICE_USER" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

apt_install() {
    [ "$(id -u)" = 0 ] || die "missing Debian packages ($*); run 'sudo scripts/services.sh install' once"
    if [ ! -f /var/lib/apt/periodic/.tw-updated ] || [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
        apt-get update -qq
        mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/.tw-updated
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

find_pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && PG_VERSION_DIR=$dir
}

install_packages() {
    local need=()
    find_pg_bin || need+=(postgresql)
    command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
    command -v mvn >/dev/null 2>&1 || need+=(maven)
    command -v curl >/dev/null 2>&1 || need+=(curl)
    command -v unzip >/dev/null 2>&1 || need+=(unzip)
    if [ ${#need[@]} -gt 0 ]; then
        log "installing Debian packages: ${need[*]}"
        apt_install "${need[@]}"
    fi
    find_pg_bin || die "PostgreSQL binaries not found after installation"
    if [ "$(id -u)" = 0 ] && ! id "$SERVICE_USER" >/dev/null 2>&1; then
        log "creating system user $SERVICE_USER (PostgreSQL and Elasticsearch refuse to run as root)"
        useradd --system --create-home --home-dir "/var/lib/$SERVICE_USER" --shell /usr/sbin/nologin "$SERVICE_USER"
    fi
}

es_home() {
    local version=$1
    echo "$CACHE_DIR/elasticsearch-$version"
}

install_elasticsearch() {
    mkdir -p "$CACHE_DIR"
    local version=${ES_VERSION:-}
    local zip
    if [ -z "$version" ] && [ -f "$CACHE_DIR/es-version" ] && [ -z "${ES_REFRESH:-}" ]; then
        version=$(cat "$CACHE_DIR/es-version")
    fi
    if [ -n "$version" ] && [ -d "$(es_home "$version")" ]; then
        echo "$version" > "$CACHE_DIR/es-version"
        return
    fi
    log "resolving Elasticsearch ${version:-8.x (newest)} integ-test-zip from Maven Central"
    local out="$CACHE_DIR/download"
    rm -rf "$out" && mkdir -p "$out"
    local args=(-B -q -f "$PROJECT_DIR/scripts/es-resolve.pom.xml" dependency:copy-dependencies
                -DoutputDirectory="$out" -DincludeTypes=zip)
    [ -n "$version" ] && args+=(-Des.version="$version")
    mvn "${args[@]}" >&2 || die "could not fetch the Elasticsearch integ-test-zip with Maven"
    zip=$(ls "$out"/elasticsearch-*.zip | head -n 1)
    [ -f "$zip" ] || die "no Elasticsearch zip was downloaded"
    version=$(basename "$zip" .zip); version=${version#elasticsearch-}
    log "unpacking Elasticsearch $version into $CACHE_DIR"
    local tmp="$CACHE_DIR/unpack.$$"
    rm -rf "$tmp" && mkdir -p "$tmp"
    unzip -q "$zip" -d "$tmp"
    rm -rf "$(es_home "$version")"
    mv "$tmp/elasticsearch-$version" "$(es_home "$version")"
    rm -rf "$tmp" "$out"
    chmod -R a+rX "$CACHE_DIR"
    echo "$version" > "$CACHE_DIR/es-version"
}

prepare_run_dir() {
    mkdir -p "$RUN_DIR"
    if [ "$(id -u)" = 0 ]; then
        chown "$SERVICE_USER" "$RUN_DIR"
        chmod 755 "$RUN_DIR"
    fi
    # Two starts at once (two terminals, parallel test runs) would fight over the data dirs.
    exec 9>"$RUN_DIR/.lock"
    flock -w 600 9 || die "another services.sh holds $RUN_DIR/.lock"
}

pg_running() {
    [ -f "$RUN_DIR/pg.port" ] && find_pg_bin && \
        as_service_user "$PG_VERSION_DIR/pg_ctl" -D "$RUN_DIR/pg" status >/dev/null 2>&1
}

es_running() {
    [ -f "$RUN_DIR/es.port" ] && curl -fsS "http://127.0.0.1:$(cat "$RUN_DIR/es.port")/_cluster/health" >/dev/null 2>&1
}

start_postgres() {
    find_pg_bin || die "PostgreSQL is not installed; run scripts/services.sh install"
    if pg_running; then
        log "PostgreSQL already running on port $(cat "$RUN_DIR/pg.port")"
        return 1
    fi
    local port
    port=$(free_port)
    if [ ! -f "$RUN_DIR/pg/PG_VERSION" ]; then
        rm -rf "$RUN_DIR/pg"
        as_service_user "$PG_VERSION_DIR/initdb" -D "$RUN_DIR/pg" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    log "starting PostgreSQL on 127.0.0.1:$port"
    as_service_user "$PG_VERSION_DIR/pg_ctl" -D "$RUN_DIR/pg" -l "$RUN_DIR/pg.log" -w -t 60 \
        -o "-p $port -k $RUN_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 9>&- || { cat "$RUN_DIR/pg.log" >&2; die "PostgreSQL did not start"; }
    echo "$port" > "$RUN_DIR/pg.port"
    as_service_user "$PG_VERSION_DIR/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='transferwiki'" | grep -q 1 || \
        as_service_user "$PG_VERSION_DIR/createdb" -h 127.0.0.1 -p "$port" -U postgres transferwiki
    return 0
}

start_elasticsearch() {
    if es_running; then
        log "Elasticsearch already running on port $(cat "$RUN_DIR/es.port")"
        return 1
    fi
    install_elasticsearch
    local version home port java_home
    version=$(cat "$CACHE_DIR/es-version")
    home=$(es_home "$version")
    port=$(free_port)
    java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    # Config is copied per run: Elasticsearch writes its keystore into the config directory.
    rm -rf "$RUN_DIR/es-config" "$RUN_DIR/es-logs"
    mkdir -p "$RUN_DIR/es-config" "$RUN_DIR/es-data" "$RUN_DIR/es-logs"
    cp -r "$home/config/." "$RUN_DIR/es-config/"
    [ "$(id -u)" = 0 ] && chown -R "$SERVICE_USER" "$RUN_DIR/es-config" "$RUN_DIR/es-data" "$RUN_DIR/es-logs"
    log "starting Elasticsearch $version on 127.0.0.1:$port (heap $ES_HEAP)"
    as_service_user env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$RUN_DIR/es-config" \
        ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
        "$home/bin/elasticsearch" -d -p "$RUN_DIR/es.pid" \
        -Ediscovery.type=single-node -Expack.security.enabled=false -Ehttp.host=127.0.0.1 -Ehttp.port="$port" \
        -Etransport.host=127.0.0.1 -Etransport.port=0 \
        -Epath.data="$RUN_DIR/es-data" -Epath.logs="$RUN_DIR/es-logs" \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        -Eaction.destructive_requires_name=false >"$RUN_DIR/es-start.log" 2>&1 9>&- \
        || { cat "$RUN_DIR/es-start.log" >&2; die "Elasticsearch did not start"; }
    echo "$port" > "$RUN_DIR/es.port"
    local waited=0
    until curl -fsS "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1; do
        sleep 2; waited=$((waited + 2))
        if [ $waited -ge 180 ]; then
            tail -n 50 "$RUN_DIR"/es-logs/*.log >&2 2>/dev/null || true
            die "Elasticsearch was not healthy after ${waited}s"
        fi
    done
    log "Elasticsearch healthy after ${waited}s"
    return 0
}

stop_postgres() {
    find_pg_bin || return 0
    if pg_running; then
        log "stopping PostgreSQL"
        as_service_user "$PG_VERSION_DIR/pg_ctl" -D "$RUN_DIR/pg" -m fast -w stop >/dev/null || true
    fi
    rm -f "$RUN_DIR/pg.port"
}

stop_elasticsearch() {
    if [ -f "$RUN_DIR/es.pid" ]; then
        local pid
        pid=$(cat "$RUN_DIR/es.pid")
        if kill -0 "$pid" 2>/dev/null; then
            log "stopping Elasticsearch"
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
        rm -f "$RUN_DIR/es.pid"
    fi
    rm -f "$RUN_DIR/es.port"
}

print_env() {
    [ -f "$RUN_DIR/pg.port" ] && echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$(cat "$RUN_DIR/pg.port")/transferwiki"
    [ -f "$RUN_DIR/es.port" ] && echo "export ELASTICSEARCH_TEST_URL=http://127.0.0.1:$(cat "$RUN_DIR/es.port")"
    return 0
}

cmd=${1:-}
shift || true
case "$cmd" in
    install)
        install_packages
        install_elasticsearch
        ;;
    start)
        install_packages
        prepare_run_dir
        start_postgres || true
        start_elasticsearch || true
        print_env
        ;;
    env)
        print_env
        ;;
    status)
        pg_running && echo "postgresql: running on $(cat "$RUN_DIR/pg.port")" || echo "postgresql: stopped"
        es_running && echo "elasticsearch: running on $(cat "$RUN_DIR/es.port")" || echo "elasticsearch: stopped"
        ;;
    stop)
        prepare_run_dir
        stop_elasticsearch
        stop_postgres
        ;;
    run)
        [ "${1:-}" = "--" ] && shift
        [ $# -gt 0 ] || die "usage: scripts/services.sh run -- COMMAND..."
        install_packages
        prepare_run_dir
        started_pg=0; started_es=0
        if start_postgres; then started_pg=1; fi
        if start_elasticsearch; then started_es=1; fi
        cleanup() {
            [ $started_es = 1 ] && stop_elasticsearch
            [ $started_pg = 1 ] && stop_postgres
            return 0
        }
        trap cleanup EXIT
        flock -u 9
        eval "$(print_env)"
        status=0
        "$@" || status=$?
        exit $status
        ;;
    *)
        sed -n '2,14p' "$0"
        exit 2
        ;;
esac
