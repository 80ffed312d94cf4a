#!/usr/bin/env bash
# Faults on the scaled-out system, under the load generator's full journey:
#   1. throughput of two instances of everything versus one (same run, same load);
#   2. one RabbitMQ node of three stopped and started again mid-load;
#   3. one instance of every service stopped and started again mid-load.
# Throughout, both instances of every service run their outbox relays and consumers at once.
# After each fault: every journey started was approved, every submission has exactly one planning intake
# item (0 lost, 0 doubled), no approval is doubled, and no outbox row of any service stays unsent.
#
#   deploy/up.sh --scaled && deploy/scaled/test.sh      (knobs: SCALED_RATE=0.5 SCALED_DURATION=90s)
# Exit code 0 only when every check holds.
set -euo pipefail

# shellcheck source=../lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"
PROGRAMMES_LOG_TAG=scaled
cd "$PROGRAMMES_ROOT"

RATE="${SCALED_RATE:-0.5}"
DURATION="${SCALED_DURATION:-90s}"
PG="Host=localhost;Port=5434;Username=programmes;Password=programmes;Timeout=5"
GATEWAYS=(--gateway http://localhost:5180 --gateway http://localhost:5181)
SERVICES=(request-intake programme-planning partner-coordination funding)
OUT="$PROGRAMMES_STATE_DIR/scaled"
mkdir -p "$OUT"
failures=0

container() { echo "programmes-scaled_$1_1"; }
psql_at() { # psql_at DATABASE SQL
  docker exec "$(container postgres)" psql -U programmes -d "$1" -tAc "$2"
}
wait_healthy() { # wait_healthy CONTAINER...
  local deadline=$(( $(now_s) + 300 )) c
  for c in "$@"; do
    until [ "$(docker inspect -f '{{.State.Health.Status}}' "$c" 2>/dev/null)" = healthy ]; do
      [ "$(now_s)" -lt "$deadline" ] || die "$c did not become healthy in 300 s"
      sleep 2
    done
  done
}
loadgen() { # loadgen NAME ARGS...: runs the load generator, output in $OUT/NAME.txt
  local name="$1"; shift
  dotnet run -c Release --no-build --project tests/Programmes.LoadGenerator -- "$@" "${GATEWAYS[@]}" \
    --planning-db "$PG;Database=planning" >"$OUT/$name.txt" 2>&1 || true
}
check() { # check NAME: consistency after a run
  local name="$1" stuck doubled_items doubled_approvals line
  line="$(grep -m1 '^consistency:' "$OUT/$name.txt" || echo "consistency: missing")"
  echo "  $line"
  [[ "$line" == *"0 lost, 0 doubled"* ]] || { warn "$name: submissions lost or doubled"; failures=$((failures + 1)); }
  line="$(grep -m1 '^journeys approved' "$OUT/$name.txt" || true)"
  if [ -n "$line" ]; then
    echo "  $line"
    local approved started
    read -r approved started < <(sed -E 's/^journeys approved: ([0-9]+) of ([0-9]+).*/\1 \2/' <<<"$line")
    [ "$started" -gt 0 ] && [ "$approved" = "$started" ] || { warn "$name: $approved of $started journeys completed"; failures=$((failures + 1)); }
  fi
  doubled_items="$(psql_at planning "SELECT count(*) FROM (SELECT request_id FROM planning_intake_items GROUP BY request_id HAVING count(*) > 1) d")"
  doubled_approvals="$(psql_at planning "SELECT count(*) FROM (SELECT aggregate_id FROM outbox_messages WHERE message_type LIKE 'Programmes.Contracts.ProgrammeApproved,%' GROUP BY aggregate_id HAVING count(*) > 1) d")"
  echo "  planning intake items doubled: $doubled_items; programmes approved twice: $doubled_approvals"
  [ "$doubled_items" = 0 ] && [ "$doubled_approvals" = 0 ] || { warn "$name: doubled effects"; failures=$((failures + 1)); }
  local deadline=$(( $(now_s) + 120 )) db
  for db in intake planning coordination funding; do
    until stuck="$(psql_at "$db" "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")" && [ "$stuck" = 0 ]; do
      if [ "$(now_s)" -ge "$deadline" ]; then
        warn "$name: $stuck outbox rows of $db still unsent after 120 s"; failures=$((failures + 1)); break
      fi
      sleep 2
    done
  done
  echo "  unsent outbox rows after the run: 0 in every service unless warned above"
}
published_by_instance() { # published_by_instance WHEN: each instance's programmes_outbox_published_total
  local port service=(intake intake planning planning coordination coordination funding funding) i=0
  echo "events published by each instance's outbox relay $1 (programmes_outbox_published_total):"
  for port in 5201 5211 5202 5212 5203 5213 5204 5214; do
    printf '  %-12s instance %s (:%s) %s\n' "${service[$i]}" $(( i % 2 + 1 )) "$port" \
      "$(curl -fsS "http://localhost:$port/metrics" 2>/dev/null | awk '/^programmes_outbox_published_total/ { sum += $NF } END { print sum + 0 }')"
    i=$((i + 1))
  done
}
figures() { grep -E '^  (journey|submit) ' "$OUT/$1.txt" | head -n 3 | sed 's/^/  /' || true; }
accepted_per_s() { grep -m1 -E '^  submit ' "$OUT/$1.txt" | sed -E 's/.* ok\/s=([0-9.]+) .*/\1/'; }

log "building the load generator"
dotnet build -c Release tests/Programmes.LoadGenerator -nologo -v:q >"$OUT/build.txt" 2>&1 || { tail -n 20 "$OUT/build.txt"; die "build failed"; }
wait_healthy $(for s in "${SERVICES[@]}"; do container "$s-1"; container "$s-2"; done) "$(container gateway-1)" "$(container gateway-2)"

# 1. Two instances versus one: the same closed-loop submission load on each.
log "throughput: two instances of everything"
loadgen two-instances submit --concurrency 32 --warmup 20s --duration 30s
log "throughput: one instance of everything (the second ones stopped)"
docker stop $(for s in "${SERVICES[@]}"; do container "$s-2"; done) "$(container gateway-2)" >/dev/null
GATEWAYS=(--gateway http://localhost:5180)
loadgen one-instance submit --concurrency 32 --warmup 20s --duration 30s
docker start $(for s in "${SERVICES[@]}"; do container "$s-2"; done) "$(container gateway-2)" >/dev/null
GATEWAYS=(--gateway http://localhost:5180 --gateway http://localhost:5181)
wait_healthy $(for s in "${SERVICES[@]}"; do container "$s-2"; done) "$(container gateway-2)"
echo "two instances:"; figures two-instances; check two-instances
echo "one instance:"; figures one-instance; check one-instance
two="$(accepted_per_s two-instances)"; one="$(accepted_per_s one-instance)"
echo "throughput, two instances of everything against one: $two/s against $one/s, ratio $(awk -v a="$two" -v b="$one" 'BEGIN { printf (b > 0 ? "%.2f" : "n/a"), a / (b > 0 ? b : 1) }')"

# 2. A RabbitMQ node stops and comes back while journeys run.
log "fault: rabbitmq-2 stopped for 30 s during a journey load of $RATE/s for $DURATION"
loadgen rabbitmq-node journey --rate "$RATE" --duration "$DURATION" & pid=$!
sleep 20; docker stop "$(container rabbitmq-2)" >/dev/null; log "rabbitmq-2 stopped"
sleep 30; docker start "$(container rabbitmq-2)" >/dev/null; log "rabbitmq-2 started"
wait "$pid"; wait_healthy "$(container rabbitmq-2)"
echo "rabbitmq node stopped and started:"; figures rabbitmq-node; check rabbitmq-node

# Both relays of every service worked: each instance published (counted before the next phase restarts
# the first instances, which resets their counters).
published_by_instance "since the stack started"

# 3. One instance of every service stops and comes back while journeys run.
log "fault: the first instance of every service stopped for 30 s during a journey load"
loadgen service-instances journey --rate "$RATE" --duration "$DURATION" & pid=$!
sleep 20; docker stop $(for s in "${SERVICES[@]}"; do container "$s-1"; done) >/dev/null; log "first instances stopped"
sleep 30; docker start $(for s in "${SERVICES[@]}"; do container "$s-1"; done) >/dev/null; log "first instances started"
wait "$pid"; wait_healthy $(for s in "${SERVICES[@]}"; do container "$s-1"; done)
echo "one instance of every service stopped and started:"; figures service-instances; check service-instances

published_by_instance "since the first instances restarted"

[ "$failures" = 0 ] && log "every check held (full outputs in ${OUT#"$PROGRAMMES_ROOT"/})" || die "$failures check(s) failed (outputs in ${OUT#"$PROGRAMMES_ROOT"/})"
