#!/usr/bin/env bash
# Installs what is missing, builds, ingests examples/ into detente.db and
# answers a question about them. Safe to run again: ingest skips documents
# that are already stored.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/detente ingest --db detente.db examples/
echo
build/detente stats --db detente.db
echo
echo "Q: What did Antony Blinken do in these articles, with whom, where and when?"
echo
answer=$(build/detente sql --db detente.db \
  "SELECT action, object, place, coalesce(event_date, published) AS date
   FROM event_view WHERE actor = 'Antony Blinken' ORDER BY date, event_id")
echo "$answer"
if [ "$(printf '%s\n' "$answer" | wc -l)" -le 2 ]; then
  echo "(no events found for Antony Blinken)"
fi
echo
echo "Q: How is Antony Blinken linked to Joe Biden?"
echo
build/detente path --db detente.db "Antony Blinken" "Joe Biden" || echo "(no path found)"
echo
build/detente export --db detente.db --around "Antony Blinken" --radius 1 \
  --format dot --render svg -o examples-neighbourhood.svg &&
  echo "Drew the neighbourhood of Antony Blinken in examples-neighbourhood.svg"
echo
echo "Ask your own questions, e.g.:"
echo "  build/detente sql \"SELECT * FROM edges ORDER BY events DESC LIMIT 10\""
