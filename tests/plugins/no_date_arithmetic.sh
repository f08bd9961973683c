#!/usr/bin/env bash
# No regime plugin does date arithmetic of its own: dates come from the body's
# calendar (trellis/sdk/calendar_view.hpp), which knows its term dates, bank
# holidays and closures. Fails naming each line that looks like it does.
# Usage: no_date_arithmetic.sh SOURCE_DIR
set -u
src=$1
pattern='365|366|86400|[/*%] *7\b|\b7 *\*|<chrono>|<ctime>|std::chrono|mktime|gmtime|localtime|time_t|std::tm\b|year_month_day|sys_days'
# Comments may cite a seed ("7 sets") or say what a rule means: only code counts.
if grep -nE "$pattern" "$src"/plugins/*/*.cpp "$src"/plugins/*/*.hpp | grep -vE '^[^:]+:[0-9]+: *//'; then
  echo "FAIL: date arithmetic in a plugin (above); ask the CalendarView instead"
  echo "0 passed, 1 failed"; exit 1
fi
echo "1 passed, 0 failed"
