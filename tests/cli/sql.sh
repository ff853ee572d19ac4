#!/bin/sh
# The warehouse path for real: a table of predictions in sqlite3, the
# plainest hand-written GROUP BY (what --emit-sql grew from), and cutoff --counts on its output give the same
# metrics and curve as the raw rows.
# Usage: tests/cli/sql.sh ./cutoff ./build/gen
set -u
BIN=$1
GEN=$2
T=$(mktemp -d /tmp/cutoff-sql.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh

# 200,000 predictions, scores with 3 decimals (many ties)
"$GEN" -n 200000 -d 3 -r 11 >"$T/raw.csv"
sqlite3 "$T/db" <<SQL
CREATE TABLE predictions (label INTEGER, score REAL);
.mode csv
.import --skip 1 $T/raw.csv predictions
.headers on
.output $T/counts.csv
-- the plainest GROUP BY, as anyone would write it
SELECT score,
       SUM(CASE WHEN label = 1 THEN 1 ELSE 0 END) AS positives,
       SUM(CASE WHEN label = 1 THEN 0 ELSE 1 END) AS negatives
FROM predictions
GROUP BY score;
SQL
rows=$(wc -l <"$T/counts.csv")
[ "$rows" -gt 100 ] && [ "$rows" -le 1002 ] && ok || bad "counts.csv has $rows lines"

# every number of the report (not the names) and the whole curve agree
"$BIN" --report --format json -l label -s score "$T/raw.csv" 2>/dev/null |
	grep -E '^  "(n|positives|negatives|threshold|tp|fp|tn|fn|precision|recall|specificity|npv|fpr|fnr|f1|accuracy|balanced_accuracy|mcc|youden_j|predicted_positive_rate|roc_auc|average_precision|log_loss|brier)"' >"$T/raw.json"
"$BIN" --report --format json --counts positives,negatives -s score "$T/counts.csv" 2>/dev/null |
	grep -E '^  "(n|positives|negatives|threshold|tp|fp|tn|fn|precision|recall|specificity|npv|fpr|fnr|f1|accuracy|balanced_accuracy|mcc|youden_j|predicted_positive_rate|roc_auc|average_precision|log_loss|brier)"' >"$T/counts.json"
[ "$(wc -l <"$T/raw.json")" -eq 24 ] && ok || bad "the raw report lacks keys"
cmp -s "$T/raw.json" "$T/counts.json" && ok || bad "--counts differs: $(diff "$T/raw.json" "$T/counts.json" | head -6)"
"$BIN" --curve roc --format csv -l label -s score "$T/raw.csv" >"$T/raw.roc" 2>/dev/null
"$BIN" --curve roc --format csv --counts positives,negatives -s score "$T/counts.csv" >"$T/counts.roc" 2>/dev/null
cmp -s "$T/raw.roc" "$T/counts.roc" && ok || bad "--counts ROC curve differs"
"$BIN" --optimize f1 --format json -l label -s score "$T/raw.csv" 2>/dev/null | grep '"threshold"' >"$T/a"
"$BIN" --optimize f1 --format json --counts positives,negatives -s score "$T/counts.csv" 2>/dev/null | grep '"threshold"' >"$T/b"
cmp -s "$T/a" "$T/b" && ok || bad "--optimize f1 differs"

echo "sql: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
