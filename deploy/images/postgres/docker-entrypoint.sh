#!/usr/bin/env bash
# Entrypoint of the PostgreSQL stand-in. Mirrors the behaviour of the official
# postgres image's docker-entrypoint.sh for the parts we rely on:
#  - a first argument starting with '-' means "postgres <args>" (e.g. `-c fsync=off`);
#  - started as root, it fixes ownership and re-executes itself as `postgres`;
#  - on an empty PGDATA it runs initdb, creates POSTGRES_DB, runs
#    /docker-entrypoint-initdb.d/* against a socket-only temporary server, stops it;
#  - then it execs the server, which listens on 0.0.0.0:5432.
set -Eeo pipefail

log() { printf '%s\n' "$*"; }

if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi

# file_env VAR [DEFAULT]: VAR or the content of the file named by VAR_FILE.
file_env() {
  local var="$1" fileVar="${1}_FILE" def="${2:-}" val
  if [ -n "${!var:-}" ] && [ -n "${!fileVar:-}" ]; then
    log "error: both $var and $fileVar are set (but are exclusive)" >&2; exit 1
  fi
  val="$def"
  if [ -n "${!var:-}" ]; then val="${!var}"
  elif [ -n "${!fileVar:-}" ]; then val="$(< "${!fileVar}")"
  fi
  export "$var"="$val"
  unset "$fileVar"
}

if [ "$1" = 'postgres' ] && [ "$(id -u)" = '0' ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chmod 00700 "$PGDATA" || :
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 03775 /var/run/postgresql || :
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

if [ "$1" = 'postgres' ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"

  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'MSG'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
       (Or set POSTGRES_HOST_AUTH_METHOD=trust to allow all connections
       without a password; this is not recommended.)
MSG
    exit 1
  fi

  mkdir -p "$PGDATA"; chmod 00700 "$PGDATA"
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  # shellcheck disable=SC2086  # POSTGRES_INITDB_ARGS is a word list on purpose
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" -D "$PGDATA" $POSTGRES_INITDB_ARGS
  rm -f "$pwfile"

  # Remote connections: password auth (or trust when asked), as the official image.
  {
    printf '\n'
    if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
      log '# warning trust is enabled for all connections'
    fi
    log "host all all all $POSTGRES_HOST_AUTH_METHOD"
  } >>"$PGDATA/pg_hba.conf"

  # Temporary server on the unix socket only, for the init scripts.
  export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start

  psql_base=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  if [ "$POSTGRES_DB" != postgres ]; then
    exists="$("${psql_base[@]}" --dbname postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${POSTGRES_DB//\'/\'\'}'")"
    if [ -z "$exists" ]; then
      "${psql_base[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
  fi

  psql=("${psql_base[@]}" --dbname "$POSTGRES_DB")
  log
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)
        if [ -x "$f" ]; then log "$0: running $f"; "$f"
        else log "$0: sourcing $f"; . "$f"
        fi ;;
      *.sql)    log "$0: running $f"; "${psql[@]}" -f "$f"; log ;;
      *.sql.gz) log "$0: running $f"; gunzip -c "$f" | "${psql[@]}"; log ;;
      *.sql.xz) log "$0: running $f"; xz -dc "$f" | "${psql[@]}"; log ;;
      *)        log "$0: ignoring $f" ;;
    esac
  done

  pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGPASSWORD
  log
  log 'PostgreSQL init process complete; ready for start up.'
  log
fi

exec "$@"
