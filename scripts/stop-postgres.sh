#!/usr/bin/env bash
# Stops the PostgreSQL that scripts/start-postgres.sh started and deletes its cluster (the
# data was only ever the tests'). Does nothing when none runs.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.build-pg"
[ -f "$state/env" ] || exit 0
# shellcheck disable=SC1091
source "$state/env"
$LABBOOK_PG_AS "$LABBOOK_PG_BIN/pg_ctl" -D "$LABBOOK_PG_DATA/db" -m fast -w stop >/dev/null 2>&1 || true
case "$LABBOOK_PG_DATA" in
    */labbook-pg.*|"$state"/cluster) rm -rf "$LABBOOK_PG_DATA" ;;
esac
rm -f "$state/env"
echo "labbook: PostgreSQL on port $LABBOOK_PG_PORT_USED stopped" >&2
