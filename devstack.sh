#!/usr/bin/env bash
# Runs eventshop on this machine, with no Docker: builds what is needed, then
#   ./devstack.sh up      PostgreSQL, the AWS endpoint (4566) and the five services (8081-8085)
#   ./devstack.sh aws     only the AWS endpoint
# Everything after the command goes to it; ./devstack.sh --help lists the options.
set -euo pipefail
cd "$(dirname "$0")"

source scripts/jdk.sh
if [ -z "${JAVA_HOME:-}" ]; then
  echo "eventshop needs a JDK of 21 or newer: install one and set JAVA_HOME to it." >&2
  exit 1
fi

modules=devstack
if [ "${1:-}" = "up" ]; then
  modules=devstack,order-service,payment-service,inventory-service,shipping-service,notification-service
fi
echo "Building $modules (skip with SKIP_BUILD=1)..."
[ "${SKIP_BUILD:-}" = "1" ] || ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true -pl "$modules" -am
# For up and demo, the client compiler alone: the launcher starts quicker and leaves the two cores of a small
# machine to the five services starting beside it. The endpoint alone (aws) keeps the optimising compiler.
launcher_options=""
case "${1:-}" in up | demo) launcher_options="-XX:TieredStopAtLevel=1" ;; esac
# shellcheck disable=SC2086 # the options are words
exec "$JAVA_HOME/bin/java" $launcher_options -jar devstack/target/devstack.jar "$@"
