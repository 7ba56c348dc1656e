#!/usr/bin/env bash
# A private TFE-API server for the end-to-end suite: PostgreSQL and OTF's otfd, each on a free
# loopback port of its own, with their data, certificate, engine and plugin directories under
# one work directory, so that several runs on one machine never share anything.
#
# Sourced by e2e/run.sh, which calls
#   otf_start <work dir> <otfd>   starts both, waits until each answers, and exports
#                                  OTF_HOSTNAME (localhost:PORT), OTF_TOKEN (the site token),
#                                  OTF_CERT (the server certificate) and OTF_CA_BUNDLE (system CAs + it)
#   otf_stop                       stops both by PID (otfd, then the postmaster); safe to call
#                                  more than once and after a failed start
# Progress goes to stderr. PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as
# the `postgres` user on a data directory it owns. When no PostgreSQL is installed, the Debian
# package `postgresql` is installed first.

OTF_PID=""
PG_PID=""
PG_DATA=""

_srv_log() { echo "[server] $*" >&2; }

# The directory holding initdb, pg_ctl and postgres, installing the Debian package when absent.
_pg_bindir() {
  local initdb
  initdb=$(command -v initdb 2> /dev/null || ls /usr/lib/postgresql/*/bin/initdb 2> /dev/null | sort -V | tail -1 || true)
  if [ -z "$initdb" ]; then
    _srv_log "PostgreSQL is not installed: installing the Debian package postgresql"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -n"
    $sudo apt-get update -qq >&2 || return 1
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2 || return 1
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2> /dev/null | sort -V | tail -1 || true)
    [ -n "$initdb" ] || { _srv_log "the postgresql package installed no initdb"; return 1; }
  fi
  dirname "$(readlink -f "$initdb")"
}

# Runs a PostgreSQL server program as the owner of the data directory.
_as_pg() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Two free loopback TCP ports (asked of the kernel; a race with another process is caught by the
# start-up checks, which then try again with new ports).
_free_ports() {
  node -e '
    const net = require("net");
    const a = net.createServer().listen(0, "127.0.0.1", () => {
      const b = net.createServer().listen(0, "127.0.0.1", () => {
        console.log(`${a.address().port} ${b.address().port}`);
        a.close(); b.close();
      });
    });'
}

_start_postgres() {
  local work=$1 port=$2 bin=$3
  local pg="$work/pg"
  PG_DATA="$pg/data"
  if [ ! -d "$PG_DATA" ]; then
    if [ "$(id -u)" = 0 ]; then
      # The postgres user must reach its directory (enter, not list, the directories above it).
      chmod 711 "$work"
      install -d -o postgres -g postgres -m 700 "$pg"
      runuser -u postgres -- test -w "$pg" || { _srv_log "the postgres user cannot reach $pg (a parent directory is private): set TMPDIR to a directory others can enter"; return 1; }
    else
      install -d -m 700 "$pg"
    fi
    _as_pg "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-sync > "$pg/initdb.log" 2>&1 ||
      { cat "$pg/initdb.log" >&2; return 1; }
  fi
  if ! _as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$pg/postgres.log" -w -t 30 \
    -o "-p $port -k $pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start > /dev/null; then
    tail -5 "$pg/postgres.log" >&2
    return 1
  fi
  PG_PID=$(head -1 "$PG_DATA/postmaster.pid")
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres otf
}

_start_otfd() {
  local work=$1 port=$2 pgport=$3 otfd=$4
  mkdir -p "$work/otf/engines" "$work/otf/plugins"
  # The token and secret travel in the environment (otfd reads OTF_<FLAG>), not on the command line.
  OTF_SITE_TOKEN="$OTF_TOKEN" OTF_SECRET="$(openssl rand -hex 16)" \
    "$otfd" --address "127.0.0.1:$port" --hostname "localhost:$port" \
    --database "postgres://postgres@127.0.0.1:$pgport/otf?sslmode=disable" \
    --ssl --cert-file "$OTF_CERT" --key-file "$work/otf/key.pem" \
    --engine-bins-dir "$work/otf/engines" --plugin-cache-dir "$work/otf/plugins" \
    --log-http-requests \
    > "$work/otf/otfd.log" 2>&1 &
  OTF_PID=$!
  local deadline=$((SECONDS + 60))
  until curl -sf -o /dev/null --cacert "$OTF_CERT" "https://localhost:$port/.well-known/terraform.json"; do
    if ! kill -0 "$OTF_PID" 2> /dev/null; then
      OTF_PID=""
      tail -5 "$work/otf/otfd.log" >&2
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      _srv_log "otfd did not answer within 60 s"
      return 1
    fi
    sleep 0.2
  done
  OTF_HOSTNAME="localhost:$port"
}

otf_start() {
  local work=$1 otfd=$2 bin attempt ports
  bin=$(_pg_bindir) || return 1
  mkdir -p "$work/otf"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$work/otf/key.pem" -out "$work/otf/cert.pem" 2> /dev/null
  OTF_CERT="$work/otf/cert.pem"
  OTF_CA_BUNDLE="$work/otf/bundle.pem"
  cat /etc/ssl/certs/ca-certificates.crt "$OTF_CERT" > "$OTF_CA_BUNDLE" 2> /dev/null || cp "$OTF_CERT" "$OTF_CA_BUNDLE"
  OTF_TOKEN="site-$(openssl rand -hex 24)"
  for attempt in 1 2 3; do
    read -r pgport otfport < <(_free_ports)
    if [ -z "$PG_PID" ] && ! _start_postgres "$work" "$pgport" "$bin"; then
      _srv_log "PostgreSQL did not start on port $pgport (attempt $attempt)"
      _stop_postgres
      continue
    fi
    [ -n "$PG_PID" ] && pgport=$(sed -n 4p "$PG_DATA/postmaster.pid")
    if _start_otfd "$work" "$otfport" "$pgport" "$otfd"; then
      _srv_log "PostgreSQL on 127.0.0.1:$pgport (pid $PG_PID), otfd on https://$OTF_HOSTNAME (pid $OTF_PID)"
      OTF_LOG="$work/otf/otfd.log"
      export OTF_HOSTNAME OTF_TOKEN OTF_CERT OTF_CA_BUNDLE OTF_LOG
      return 0
    fi
    _srv_log "otfd did not start on port $otfport (attempt $attempt)"
    _stop_otfd
  done
  return 1
}

# Sends a signal to a PID and waits up to `limit` seconds for it to go; then SIGKILL.
_stop_pid() {
  local pid=$1 signal=$2 limit=$3 waited=0
  kill "-$signal" "$pid" 2> /dev/null || return 0
  while kill -0 "$pid" 2> /dev/null; do
    if [ $waited -ge $((limit * 10)) ]; then
      kill -KILL "$pid" 2> /dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

_stop_otfd() {
  [ -n "$OTF_PID" ] || return 0
  _stop_pid "$OTF_PID" TERM 15
  wait "$OTF_PID" 2> /dev/null || true
  OTF_PID=""
}

_stop_postgres() {
  [ -n "$PG_PID" ] || return 0
  # SIGINT is PostgreSQL's fast shutdown: clients are disconnected, nothing is waited for.
  _stop_pid "$PG_PID" INT 30
  PG_PID=""
}

otf_stop() {
  local had=""
  [ -n "$OTF_PID$PG_PID" ] && had=1
  _stop_otfd
  _stop_postgres
  [ -z "$had" ] || _srv_log "stopped otfd and PostgreSQL"
}
