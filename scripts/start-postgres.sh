#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's `postgresql` package, installed when missing) on
# 127.0.0.1 for the run store's tests, and exports
#   LABBOOK_TEST_POSTGRES=postgres://labbook:PASSWORD@127.0.0.1:PORT/labbook_test
# Source it so the variable reaches the tests, and stop the server afterwards:
#   source scripts/start-postgres.sh && trap 'bash scripts/stop-postgres.sh' EXIT
#   bash scripts/test.sh
# (run as a plain script it starts the server and prints the export line). The cluster lives
# in .build-pg/ (as root: in a temporary folder owned by the `postgres` system user, since
# PostgreSQL refuses to run as root); sourcing again reuses a server that is still running.
# LABBOOK_PG_PORT picks the first port tried (default 54329).

labbook_pg_start() {
    local root state bindir port data run_as pw url
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    state="$root/.build-pg"
    mkdir -p "$state"

    # A server started earlier and still up: reuse it.
    if [ -f "$state/env" ]; then
        # shellcheck disable=SC1091
        source "$state/env"
        if [ -n "${LABBOOK_PG_BIN:-}" ] && $LABBOOK_PG_AS "$LABBOOK_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$LABBOOK_PG_PORT_USED" 2>/dev/null; then
            export LABBOOK_TEST_POSTGRES
            echo "labbook: PostgreSQL already running; LABBOOK_TEST_POSTGRES=$LABBOOK_TEST_POSTGRES" >&2
            return 0
        fi
        rm -f "$state/env"
    fi

    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "labbook: installing postgresql ..." >&2
        local sudo=""
        if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
        $sudo apt-get install -y -q postgresql >/dev/null 2>&1 || {
            $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q postgresql >/dev/null
        } || { echo "labbook: cannot install postgresql" >&2; return 1; }
        bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
        [ -x "$bindir/initdb" ] || { echo "labbook: no initdb after installing postgresql" >&2; return 1; }
    fi

    # PostgreSQL refuses to run as root: then the cluster belongs to the package's `postgres`
    # user, in a folder it can reach whatever the checkout's permissions.
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || { echo "labbook: running as root and there is no postgres user" >&2; return 1; }
        run_as="runuser -u postgres --"
        data="$(mktemp -d "${TMPDIR:-/tmp}/labbook-pg.XXXXXX")" || return 1
        chown postgres: "$data"
    else
        run_as=""
        data="$state/cluster"
        rm -rf "$data"
        mkdir -p "$data"
    fi
    chmod 700 "$data"

    pw="$(openssl rand -hex 16 2>/dev/null || head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    printf '%s\n' "$pw" > "$data/pwfile"
    [ -z "$run_as" ] || chown postgres: "$data/pwfile"
    $run_as "$bindir/initdb" -D "$data/db" -U labbook --pwfile="$data/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 || {
        echo "labbook: initdb failed:" >&2; cat "$data/initdb.log" >&2; return 1; }
    rm -f "$data/pwfile"

    # The first free port from LABBOOK_PG_PORT (default 54329).
    port="${LABBOOK_PG_PORT:-54329}"
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
        if [ "$port" -gt $(( ${LABBOOK_PG_PORT:-54329} + 20 )) ]; then echo "labbook: no free port for PostgreSQL" >&2; return 1; fi
    done

    $run_as "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $data -c max_connections=200 -c fsync=off" start >/dev/null || {
        echo "labbook: PostgreSQL did not start:" >&2; cat "$data/server.log" >&2; return 1; }
    $run_as "$bindir/createdb" -h "$data" -p "$port" -U labbook labbook_test || {
        echo "labbook: cannot create the labbook_test database" >&2; return 1; }

    url="postgres://labbook:$pw@127.0.0.1:$port/labbook_test"
    {
        printf 'LABBOOK_PG_BIN=%q\n' "$bindir"
        printf 'LABBOOK_PG_DATA=%q\n' "$data"
        printf 'LABBOOK_PG_AS=%q\n' "$run_as"
        printf 'LABBOOK_PG_PORT_USED=%q\n' "$port"
        printf 'LABBOOK_TEST_POSTGRES=%q\n' "$url"
    } > "$state/env"
    export LABBOOK_TEST_POSTGRES="$url"
    echo "labbook: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port; LABBOOK_TEST_POSTGRES=$url" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    labbook_pg_start || exit 1
    echo "export LABBOOK_TEST_POSTGRES='$LABBOOK_TEST_POSTGRES'"
else
    labbook_pg_start
fi
