#!/usr/bin/env bash
# Entrypoint of the RabbitMQ stand-in.
#  - Erlang cookie: RABBITMQ_ERLANG_COOKIE_FILE_CONTENT (the cookie itself), or
#    RABBITMQ_ERLANG_COOKIE_SOURCE (a path, e.g. a mounted secret, copied in), or
#    a cookie already in $HOME, or a random one. Written to $HOME/.erlang.cookie
#    (mode 400) so the server and every CLI call share it. All nodes of a cluster
#    need the same cookie. RABBITMQ_ERLANG_COOKIE is deliberately not used: it
#    makes every CLI call print a deprecation banner on stdout.
#  - Started as root, the server is run as the rabbitmq user (setpriv).
#  - RABBITMQ_DEFAULT_USER/PASS/VHOST are read by RabbitMQ itself (3.9+) on the
#    first boot of an empty node.
set -euo pipefail

cookie_file="$HOME/.erlang.cookie"
content="${RABBITMQ_ERLANG_COOKIE_FILE_CONTENT:-}"
if [ -z "$content" ] && [ -n "${RABBITMQ_ERLANG_COOKIE_SOURCE:-}" ]; then
  content="$(tr -d '\r\n' <"$RABBITMQ_ERLANG_COOKIE_SOURCE")"
fi
if [ -n "$content" ]; then
  if [ ! -f "$cookie_file" ] || [ "$(cat "$cookie_file")" != "$content" ]; then
    rm -f "$cookie_file"
    (umask 077; printf '%s' "$content" >"$cookie_file")
  fi
elif [ ! -s "$cookie_file" ]; then
  (umask 077; od -An -N24 -tx1 /dev/urandom | tr -d ' \n' | tr 'a-f' 'A-F' >"$cookie_file")
fi
chmod 400 "$cookie_file"
unset RABBITMQ_ERLANG_COOKIE_FILE_CONTENT

if [ "${1:-}" = rabbitmq-server ] && [ "$(id -u)" = 0 ]; then
  chown -R rabbitmq:rabbitmq "$HOME" /var/log/rabbitmq
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups "$@"
fi
exec "$@"
