#!/bin/sh
# Loopback load test of a running standalone API node (not a timed test): throughput and latency percentiles of
# predict and predict-multi on the demo multiclass endpoint. Usage: run-bench.sh [base-url] [duration]
BASE=${1:-http://127.0.0.1:12000}
DURATION=${2:-15s}
HERE=$(dirname "$0")
for verb in predict predict-multi; do
  echo "== $verb (warm-up 15s, then $DURATION, 2 threads, 16 connections)"
  wrk -t2 -c16 -d15s -s "$HERE/$verb.lua" "$BASE/public/api/v1/iris_svc/iris_species/$verb" > /dev/null
  wrk -t2 -c16 -d"$DURATION" --latency -s "$HERE/$verb.lua" "$BASE/public/api/v1/iris_svc/iris_species/$verb"
done
