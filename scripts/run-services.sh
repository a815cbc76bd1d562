#!/usr/bin/env bash
# Starts the four services as separate JVMs against an Axon Server and a MongoDB you already run,
# for people without Docker. Logs go to ./services-logs/<service>.log; Ctrl-C stops all four.
#
#   ./mvnw -B -q -DskipTests package -pl command-side,sagas,query-side,api-gateway -am
#   AXON_AXONSERVER_SERVERS=localhost:8124 SPRING_DATA_MONGODB_URI=mongodb://localhost:27017/runway scripts/run-services.sh
#
# Ports: api-gateway 8080 (the REST API), command-side 8081, sagas 8082, query-side 8083 — change
# them with GATEWAY_PORT, COMMAND_SIDE_PORT, SAGAS_PORT, QUERY_SIDE_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${AXON_AXONSERVER_SERVERS:?set AXON_AXONSERVER_SERVERS, e.g. localhost:8124}"
: "${SPRING_DATA_MONGODB_URI:?set SPRING_DATA_MONGODB_URI, e.g. mongodb://localhost:27017/runway}"
export AXON_AXONSERVER_SERVERS SPRING_DATA_MONGODB_URI

declare -A ports=(
  [command-side]="${COMMAND_SIDE_PORT:-8081}"
  [sagas]="${SAGAS_PORT:-8082}"
  [query-side]="${QUERY_SIDE_PORT:-8083}"
  [api-gateway]="${GATEWAY_PORT:-8080}"
)
mkdir -p services-logs
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

for service in command-side sagas query-side api-gateway; do
  jar=$(ls "$service"/target/"$service"-*-exec.jar 2>/dev/null | head -n 1)
  if [[ -z "$jar" ]]; then
    echo "no executable jar for $service; build first: ./mvnw -B -q -DskipTests package -pl command-side,sagas,query-side,api-gateway -am" >&2
    exit 1
  fi
  SERVER_PORT="${ports[$service]}" java -Daxoniq.update-checker.disabled=true -jar "$jar" \
    > "services-logs/$service.log" 2>&1 &
  pids+=($!)
  echo "$service: pid $!, port ${ports[$service]}, log services-logs/$service.log"
done

for service in command-side sagas query-side api-gateway; do
  port="${ports[$service]}"
  for _ in $(seq 1 90); do
    if curl -fsS "http://localhost:$port/actuator/health" > /dev/null 2>&1; then
      echo "$service is up (connected to Axon Server at $AXON_AXONSERVER_SERVERS)"
      continue 2
    fi
    sleep 1
  done
  echo "$service did not report healthy within 90 s; see services-logs/$service.log" >&2
  exit 1
done
echo "REST API on http://localhost:${ports[api-gateway]}"
wait
