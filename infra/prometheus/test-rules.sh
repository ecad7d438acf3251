#!/usr/bin/env bash
# Checks the alert rules and the compose scrape configuration, then runs every promtool unit test in
# tests/. Exits non-zero if promtool is missing, a file does not parse, or a test fails.
# promtool comes with Debian's prometheus package: apt-get install -y prometheus.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool is not on the PATH: install Debian's prometheus package (apt-get install -y prometheus)" >&2
  exit 2
fi

shopt -s nullglob
tests=(tests/*.yml)
if [ ${#tests[@]} -eq 0 ]; then
  echo "no promtool tests in $(pwd)/tests" >&2
  exit 1
fi

promtool check rules alerts.yml
# prometheus.yml names the rule file as docker compose mounts it; check it against a copy that points here.
config=$(mktemp)
trap 'rm -f "$config"' EXIT
sed "s#/etc/prometheus/alerts.yml#$(pwd)/alerts.yml#" prometheus.yml >"$config"
promtool check config "$config"
promtool test rules "${tests[@]}"
