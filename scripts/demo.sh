#!/usr/bin/env bash
# Installs what is missing, builds, ingests examples/ into detente.db and
# answers a question about it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/detente ingest --db detente.db examples/
build/detente stats --db detente.db
echo
echo "Who met whom, and when?"
build/detente sql --db detente.db \
  "SELECT actor, action, object, event_date FROM event_view WHERE action LIKE 'meet%' ORDER BY event_date"
