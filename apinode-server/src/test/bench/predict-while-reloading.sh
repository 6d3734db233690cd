#!/bin/sh
# Loopback load test (not a timed test): predict latency on iris_svc/iris_species while another service's file, large
# enough to take a noticeable time to load, is rewritten every 2 s (the node reloads changed files every second).
# Before the ServiceRegistry split every prediction took the monitor that loading held, so a slow load showed up in
# the predictions' tail latency. Usage: predict-while-reloading.sh <reference-server jar> [duration] [levels]
set -eu
JAR=$1
DURATION=${2:-20s}
LEVELS=${3:-200000}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$(mktemp -d)
PORT=$((20000 + $$ % 10000))
java -jar "$JAR" --admin-api-key bench-admin-key --port "$PORT" --data-dir "$DATA" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; kill $WRITER 2>/dev/null; rm -rf "$DATA"' EXIT INT TERM
WRITER=
for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/public/api/v1/iris_svc/iris_species/predict-simple?sepal_length=5" > /dev/null && break; sleep 0.5; done
SERVICES="$DATA/apinode/services"
big() { # a PREDICTION endpoint with one categorical feature of $LEVELS levels; $1 makes each version differ in size
  python3 - "$1" "$LEVELS" <<'PY'
import sys
pad, n = int(sys.argv[1]), int(sys.argv[2])
print("serviceId: big_svc\nendpoints:\n  - id: big\n    type: PREDICTION\n    model:\n      kind: REGRESSION\n      intercept: 1.0\n      features:")
print("        - {name: x, type: NUMERIC, coefficient: 0.5, mean: 0}")
print("        - name: c\n          type: CATEGORY\n          levels:")
for i in range(n):
    print("            l%d: %d.5" % (i, i % 7))
print("#" + "x" * pad)
PY
}
big 0 > "$SERVICES/big_svc.yaml"
sleep 3
echo "== baseline: no reload, $DURATION"
wrk -t2 -c16 -d"$DURATION" --latency -s "$HERE/predict.lua" "http://127.0.0.1:$PORT/public/api/v1/iris_svc/iris_species/predict" | grep -E 'Latency|Requests/sec|50%|99%'
( n=1; while :; do big $n > "$SERVICES/big_svc.yaml.tmp" && mv "$SERVICES/big_svc.yaml.tmp" "$SERVICES/big_svc.yaml"; n=$((n + 1)); sleep 2; done ) &
WRITER=$!
sleep 2
echo "== while big_svc.yaml ($LEVELS levels) is rewritten every 2 s, $DURATION"
wrk -t2 -c16 -d"$DURATION" --latency -s "$HERE/predict.lua" "http://127.0.0.1:$PORT/public/api/v1/iris_svc/iris_species/predict" | grep -E 'Latency|Requests/sec|50%|99%'
grep -c 'Loaded service big_svc' "$DATA/server.log" | sed 's/^/big_svc loads: /'
