#!/bin/sh
# The options under attack, on screen (issue 26): the bootstrap refused in
# one line, heard within a fraction of a second inside a long resample,
# refusals that stay until the next key, and --against's two sides turned
# round together.
# Usage: tests/e2e/attack.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- b on counts that are not whole: one line, the explorer goes on ---------------------
printf 's,p,n\n0.1,0.5,0.5\n0.5,1.5,2\n0.9,0.5,0.5\n' >"$T/frac.csv"
shell 100 30 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --counts p,n -s s $T/frac.csv 2>/dev/null; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
tm send-keys -t e b
wait_for "no bootstrap: it resamples whole rows, and the counts at score"
screen | grep -q "bootstrap: [0-9]" && bad "b on fractional counts started a bootstrap" || ok
screen | grep -q "0.9000-0.9000" && bad "b on fractional counts drew a band" || ok
type_cmd "bootstrap 100"
tm send-keys -t e Enter
wait_for "no bootstrap: it resamples whole rows"
tm send-keys -t e q
after_exit "q after a refused bootstrap" 0

# ---- 1e8 rows in a 60-byte file: Esc heard inside one resample ------------------------------
printf 's,p,n\n0.1,20000000,30000000\n0.9,30000000,20000000\n' >"$T/huge.csv"
shell 100 30 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --counts p,n -s s $T/huge.csv 2>/dev/null; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
tm send-keys -t e b
wait_for "no bootstrap: 1,000 resamples of 100,000,000 rows are 1e+11 draws"
type_cmd "bootstrap 20"
tm send-keys -t e Enter
wait_for "bootstrap: [0-9,]* of 20 resamples (Esc stops it)"
# a refusal said meanwhile stays (was overwritten by the progress within 100 ms)
type_cmd "invert"
tm send-keys -t e Enter
sleep 0.6
screen | grep -q "a bootstrap is running: Esc stops it, then invert" && ok ||
	bad "the refusal of :invert did not stay: $(screen | tail -1)"
tm send-keys -t e Escape
start=$(date +%s%N)
wait_for "bootstrap cancelled"
ms=$((($(date +%s%N) - start) / 1000000))
[ "$ms" -lt 1500 ] && ok || bad "Esc took $ms ms inside a resample of 1e8 rows (was 3.6 s)"
tm send-keys -t e q
after_exit "q after Esc in a long resample" 0

# ---- the band says the level it ran at, not the one set meanwhile ---------------------------
printf 's,p,n\n0.1,20000,60000\n0.3,30000,50000\n0.6,50000,30000\n0.9,60000,20000\n' >"$T/mid.csv"
shell 100 30 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --counts p,n -s s $T/mid.csv 2>/dev/null; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "bootstrap 3000"
tm send-keys -t e Enter
wait_for "bootstrap: [0-9,]* of 3,000 resamples"
type_cmd "set conf 0.5"
tm send-keys -t e Enter
i=0
while [ $i -lt 100 ] && ! screen | grep -q "bootstrap, 3,000 resamples"; do sleep 0.2; i=$((i + 1)); done
screen | grep -q "resamples: the best F1's threshold is in [0-9.]*-[0-9.]* (95%)" && ok ||
	bad "the band's level: $(screen | tail -1)"
tm send-keys -t e q
after_exit "q after :set conf during a bootstrap" 0

# ---- --against: :invert turns both sides, :prevalence is refused ---------------------------
DR=tests/reference/drift
shell 100 30 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --against $DR/bc_ref.csv $DR/bc_cur.csv 2>/dev/null; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "invert"
tm send-keys -t e Enter
sleep 0.3
tm send-keys -t e e
wait_for "In plain words"
# both sides turned round: the reference's precision at the new threshold is its own, not 0
ref_p=$("$BIN" --report --format json --invert -p malignant -l diagnosis -s logreg -t "$(threshold)" $DR/bc_ref.csv 2>/dev/null |
	sed -n 's/^  "precision": \(.*\),$/\1/p')
screen | tr '\n' ' ' | tr -s ' ' | grep -q "from 0.0% to\|from 0% to" && bad ":invert under --against: the reference was not turned round: $(screen | tr '\n' ' ' | tr -s ' ' | grep -o 'Since[^.]*')" || ok
[ -n "$ref_p" ] && ok || bad ":invert under --against: no reference precision from --report"
tm send-keys -t e e
type_cmd "prevalence 0.01"
tm send-keys -t e Enter
wait_for "no :prevalence beside --against (it would reweight one side)"
tm send-keys -t e q
after_exit "q after :prevalence under --against" 0

echo "e2e attack: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
