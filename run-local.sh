#!/usr/bin/env bash
# Runs newswire on this machine, offline: Kafka (9092), Elasticsearch (9200), a bundled sample news
# site (8090) and the three services (8081 ingest, 8082 enrich, 8083 search). Ctrl-C stops everything.
# Needs only a JDK 17+; the first run downloads Maven and the dependencies (about 400 MB) from Maven Central.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
STATE="$ROOT/.local"
LOGS="$STATE/logs"
VERSION=0.1.0-SNAPSHOT
mkdir -p "$LOGS"

pids=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo
    echo "Stopping newswire..."
    # services first (they flush to Kafka/Elasticsearch), the stack last
    for (( i=${#pids[@]}-1; i>=0; i-- )); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null || true
    done
    echo "Stopped. Logs are in $LOGS"
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

for port in 9092 9200 8090 8081 8082 8083; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use; stop whatever runs there (an earlier run?) and try again." >&2
    exit 1
  fi
done

echo "Building (logs: $LOGS/build.log)..."
if ! ./mvnw -B -q -Dmaven.test.skip=true package > "$LOGS/build.log" 2>&1; then
  tail -40 "$LOGS/build.log" >&2
  echo "Build failed; see $LOGS/build.log" >&2
  exit 1
fi

wait_for() { # name, seconds, command...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$name did not come up within ${seconds}s; see $LOGS" >&2
  exit 1
}

echo "Starting Kafka, Elasticsearch and the sample site..."
java -cp "test-support/target/classes:$(cat test-support/target/classpath.txt)" org.newswire.testsupport.LocalStack \
  --kafka-port 9092 --elasticsearch-port 9200 --data-dir "$STATE/data" \
  --site "$ROOT/samples/site" --site-port 8090 > "$LOGS/stack.log" 2>&1 &
pids+=($!)
wait_for "The stack" 180 grep -q "newswire stack ready" "$LOGS/stack.log"

start_service() { # module, then NAME=value settings
  local module=$1; shift
  env "$@" java -Xmx512m -jar "$module/target/$module-$VERSION.jar" > "$LOGS/$module.log" 2>&1 &
  pids+=($!)
}
local_hosts=localhost,127.0.0.1
start_service search-service NEWSWIRE_SEARCH_ELASTICSEARCH_URIS=http://127.0.0.1:9200 \
  NEWSWIRE_SEARCH_ALERTS_WEBHOOK_FETCH_ALLOWEDHOSTS=$local_hosts
start_service enrich-service NEWSWIRE_ENRICH_FETCH_ALLOWEDHOSTS=$local_hosts
start_service ingest-service NEWSWIRE_INGEST_FETCH_ALLOWEDHOSTS=$local_hosts \
  NEWSWIRE_INGEST_POLL_FEEDURLS="${NEWSWIRE_FEEDS:-http://localhost:8090/feed.xml}"

echo "Starting the services..."
for port in 8083 8082 8081; do
  wait_for "The service on port $port" 120 curl -fs "http://localhost:$port/actuator/health"
done

cat <<MSG

newswire is running. The sample feed is being ingested; articles are searchable within seconds:

  curl 'http://localhost:8083/api/articles?q=sanctions'
  curl 'http://localhost:8083/api/articles?topic=peace-talks&size=5'

  Search UI   http://localhost:8083/
  Health      http://localhost:8081/actuator/health  (8082, 8083 alike)
  Logs        $LOGS

Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
echo "A process exited unexpectedly; see $LOGS" >&2
