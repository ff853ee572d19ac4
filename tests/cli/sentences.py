#!/usr/bin/env python3
"""Sentence test (issue 27): the plain words say what the report's numbers
say.  For prevalences 0.001, 0.015, 0.3 and 0.9 and several thresholds, each
sentence writer (the text report's paragraph, the explorer's plain words in
a snapshot, --against's sentence) is parsed back: every count equals the
report's (or its share out of the round number of cases said, to rounding,
and at least about 10 unless that is more cases than the data has), every
percentage equals the report's value to its printed digits, an interval's
ends differ unless the values are equal, and a "k in N" ratio is within 3%
of the truth.

Usage: tests/cli/sentences.py ./cutoff      (from the project root)
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

BIN = sys.argv[1] if len(sys.argv) > 1 else "./cutoff"
failures = []


def fail(what):
    failures.append(what)
    if len(failures) <= 30:
        print("FAIL: " + what)


def run(args, stdin=None):
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if p.returncode != 0:
        fail("cutoff %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr[:200]))
    return p.stdout.decode()


def num(s):
    return float(s.replace(",", ""))


def pct_ok(shown, value, what):
    """shown ("93.9") is value * 100 to its printed digits."""
    if value is None:
        fail("%s: %s%% said where the report has none" % (what, shown))
        return
    d = len(shown.split(".")[1]) if "." in shown else 0
    if abs(float(shown) - 100 * value) > 0.5 * 10 ** -d + 1e-9:
        fail("%s: %s%% is not %.6g%%" % (what, shown, 100 * value))


def make(path, prev, seed, n=20000):
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write("label,score\n")
        for _ in range(n):
            y = 1 if rng.random() < prev else 0
            s = min(1.0, max(0.0, rng.gauss(0.65 if y else 0.35, 0.18)))
            f.write("%d,%.5f\n" % (y, s))


def check_summary(text, r, what):
    m = re.search(r"Of ([\d,]+) positive cases?, this threshold (catches none of them|catches all of them|"
                  r"catches ([\d,]+) \(([\d.]+)%\) and misses ([\d,]+));\n", text)
    if not m:
        fail("%s: no summary sentence" % what)
        return
    if num(m.group(1)) != r["tp"] + r["fn"]:
        fail("%s: %s positives, report %g" % (what, m.group(1), r["tp"] + r["fn"]))
    if m.group(3):
        if num(m.group(3)) != r["tp"] or num(m.group(5)) != r["fn"]:
            fail("%s: caught/missed %s/%s, report %g/%g" % (what, m.group(3), m.group(5), r["tp"], r["fn"]))
        pct_ok(m.group(4), r["recall"], what + " share caught")


def check_plain(text, r, what, n):
    """The plain words of a snapshot."""
    per = re.search(r"Out of every ([\d,]+) cases, about ([\d,]+) (?:is|are) positive\.\n"
                    r"At this threshold the model flags (?:none of the [\d,]+|([\d,]+) of the [\d,]+: ([\d,]+) (?:is|are) "
                    r"positive and ([\d,]+) (?:is|are) negative \(false alarms\))\.\n"
                    r"It misses ([\d,]+) of the ([\d,]+) positive cases\.", text)
    if not per:
        fail("%s: no natural frequencies: %r" % (what, text[:300]))
        return
    base = num(per.group(1))
    said = {"positive": num(per.group(2)), "missed": num(per.group(6))}
    if per.group(3):
        said["caught"] = num(per.group(4))
        said["false"] = num(per.group(5))
    truth = {"positive": r["tp"] + r["fn"], "missed": r["fn"], "caught": r["tp"], "false": r["fp"]}
    for k, v in said.items():
        want = truth[k] * base / n
        if abs(v - want) > 1.01:
            fail("%s: %s %g of %g, the report gives %.3f" % (what, k, v, base, want))
        if 0 < v < 8 and base < n and truth[k] > 0:
            fail("%s: %s is %g of %g: too few to say (the base should grow)" % (what, k, v, base))
    m = re.search(r"In all ([\d,]+) cases of the data: it catches ([\d,]+) of the ([\d,]+) positive cases and misses "
                  r"([\d,]+); (?:([\d,]+) of its ([\d,]+) alarms? (?:is|are) false|it raises no alarms)", text)
    if not m:
        fail("%s: no 'In all' sentence" % what)
    elif (num(m.group(1)), num(m.group(2)), num(m.group(3)), num(m.group(4))) != (n, r["tp"], r["tp"] + r["fn"], r["fn"]):
        fail("%s: 'In all' counts %s" % (what, m.groups()))
    elif m.group(5) and (num(m.group(5)), num(m.group(6))) != (r["fp"], r["tp"] + r["fp"]):
        fail("%s: 'In all' alarms %s" % (what, m.groups()))
    m = re.search(r"anywhere between ([\d.]+)% and ([\d.]+)% \((\d+)% interval\)", text)
    if m and r.get("recall_ci"):
        lo, hi = r["recall_ci"]
        pct_ok(m.group(1), lo, what + " interval low")
        pct_ok(m.group(2), hi, what + " interval high")
        if m.group(1) == m.group(2) and lo != hi:
            fail("%s: an interval with equal ends %s%% for %g-%g" % (what, m.group(1), lo, hi))
    m = re.search(r"Flagging the top ([\d.]+)% of cases reaches ([\d.]+)% of the positive ones", text)
    if m:
        pct_ok(m.group(1), r["predicted_positive_rate"], what + " flagged share")
        pct_ok(m.group(2), r["recall"], what + " reached share")


def check_drift(text, ref, cur, what):
    m = re.search(r"Since the reference, precision (?:stayed at ([\d.]+)%|(?:rose|fell) from ([\d.]+)% to ([\d.]+)%)"
                  r"(?:: (?:(\d+) in (\d+) alarms? (?:is|are) now false|([\d.]+)% of the alarms are now false))?", text)
    if not m:
        fail("%s: no drift sentence: %r" % (what, text[-300:]))
        return
    if m.group(1):
        pct_ok(m.group(1), ref["precision"], what + " precision (same)")
        pct_ok(m.group(1), cur["precision"], what + " precision (same)")
    else:
        pct_ok(m.group(2), ref["precision"], what + " reference precision")
        pct_ok(m.group(3), cur["precision"], what + " current precision")
        if m.group(2) == m.group(3):
            fail("%s: 'from %s%% to %s%%'" % (what, m.group(2), m.group(3)))
    false = 1 - cur["precision"]
    if m.group(4):
        share = int(m.group(4)) / int(m.group(5))
        if abs(share - false) > 0.03 * false + 1e-12:
            fail("%s: '%s in %s alarms' for %.4f false" % (what, m.group(4), m.group(5), false))
    if m.group(6):
        pct_ok(m.group(6), false, what + " false share")


def main():
    tmp = tempfile.mkdtemp(prefix="cutoff-sentences.")
    checked = 0
    for i, prev in enumerate((0.001, 0.015, 0.3, 0.9)):
        data = os.path.join(tmp, "p%d.csv" % i)
        ref = os.path.join(tmp, "r%d.csv" % i)
        make(data, prev, 100 + i)
        make(ref, min(0.95, prev * 1.7), 200 + i)
        for t in ("0.3", "0.5", "0.7", "0.85", "0.97"):
            what = "prevalence %g, threshold %s" % (prev, t)
            rep = json.loads(run(["--report", "--format", "json", "-t", t, data]))
            check_summary(run(["--report", "-t", t, data]), rep, what + " (text report)")
            snap = run(["--batch", data], ("threshold %s\nexplain\nexport txt\n" % t).encode())
            check_plain(snap, rep, what + " (plain words)", 20000)
            refrep = json.loads(run(["--report", "--format", "json", "-t", t, ref]))
            both = run(["--report", "-t", t, "--against", ref, data])
            if rep["precision"] is not None and refrep["precision"] is not None:
                check_drift(both, refrep, rep, what + " (--against)")
            checked += 1
    subprocess.run(["rm", "-rf", tmp])
    print("sentences (%s): %d cases, %d failures" % (BIN, checked, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
