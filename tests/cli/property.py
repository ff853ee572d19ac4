#!/usr/bin/env python3
"""Property test over a generated corpus of hostile files (issue 26).

For every report and curve format, with groups, folds, --against, intervals
and odd ids and names: JSON parses with a strict parser (no NaN, no raw
control characters, no duplicate keys), CSV is rectangular, no output holds
a C0 or C1 control, a bidirectional control or invalid UTF-8, and distinct
group values map to distinct names in every output.

Usage: tests/cli/property.py ./cutoff [FILES] [SEED]   (from the project root)
"""
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile

BIN = sys.argv[1] if len(sys.argv) > 1 else "./cutoff"
FILES = int(sys.argv[2]) if len(sys.argv) > 2 else 500
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 26

BIDI = [0x061C, 0x200E, 0x200F] + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))
MISSING = {b"", b"NA", b"N/A", b"null", b"NaN"}

# Pieces of hostile text: controls, bidi controls, escapes that look like
# escapes, invalid UTF-8, formulas, quotes, long shared prefixes.
PIECES = [b"\x1b", b"\\x1b", b"\\", b"\x07", b"\x7f", b"\xc2\x85", b"\xff", b"\xfe", b"\xe2\x80\xae", b"\xe2\x81\xa6",
          b"=HYPERLINK(\"x\")", b"+1", b"-2", b"@SUM(1)", b"\"", b"'", b"|", b"*", b"`", b"#", b"<b>", b"\xc3\xa9",
          b"\xe4\xb8\xad", b"(missing)", b"NA", b"x" * 40, b"\t", b"\r"]


def word(rng):
    """A hostile value: a few pieces and letters."""
    out = b""
    for _ in range(rng.randint(1, 4)):
        out += rng.choice(PIECES) if rng.random() < 0.6 else bytes([rng.randint(97, 122)]) * rng.randint(1, 3)
    return out


def field(v):
    """v as a CSV field: quoted when it holds a delimiter, quote or line break."""
    if any(c in v for c in (b",", b'"', b"\n", b"\r")) or v != v.strip():
        return b'"' + v.replace(b'"', b'""') + b'"'
    return v


def make(rng, path):
    """A file: label, group, fold and one to three scores; returns the
    distinct group values (as cutoff groups them) and the score names."""
    n_scores = rng.randint(1, 3)
    names = []
    while len(names) < n_scores:
        w = word(rng).replace(b"\n", b"").replace(b"\r", b"").strip()
        if w and w not in names and w not in (b"label", b"g", b"f") and b"\x00" not in w and b"," not in w:
            names.append(w)
    groups = [word(rng) for _ in range(rng.randint(2, 6))]
    if rng.random() < 0.3:
        long = b"y" * 70
        groups += [long + b"A" + long, long + b"B" + long]
    if rng.random() < 0.3:
        groups += [b"a\x00b", b"a\x00c"]
    groups += rng.sample([b"", b"NA", b"(missing)", b"dup\x1b", b"dup\\x1b"], 2)
    folds = rng.sample([b"-", b"007", b"0", b"-0", b"12345678901234567890123", b"1", b"2", b"-3"], 3)
    rows = [b"label,g,f," + b",".join(field(n) for n in names)]
    seen = set()
    for i in range(rng.randint(24, 80)):
        lab = i % 2 if i < 2 else rng.randint(0, 1)
        g = groups[i % len(groups)]
        f = folds[i % len(folds)]
        sc = [b"%.4f" % min(1.0, max(0.0, rng.random() * 0.8 + (0.2 if lab else 0.0))) for _ in names]
        rows.append(b",".join([b"%d" % lab, field(g), field(f)] + sc))
        seen.add(g.strip(b" \t"))
    with open(path, "wb") as out:
        out.write(b"\n".join(rows) + b"\n")
    distinct = {b"" if v in MISSING else v for v in seen}
    return distinct, names


def bad_text(data):
    """Why data (an output) is unsafe, or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "invalid UTF-8 at byte %d" % e.start
    for ch in text:
        o = ord(ch)
        if (o < 0x20 and ch not in "\n") or o == 0x7F or 0x80 <= o <= 0x9F:
            return "control U+%04X" % o
        if o in BIDI:
            return "bidi control U+%04X" % o
    return None


def strict_json(data):
    def no_constant(c):
        raise ValueError("not JSON: " + c)

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)
    return json.loads(data.decode("utf-8"), parse_constant=no_constant, object_pairs_hook=no_duplicates)


def rectangular(data):
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    return len({len(r) for r in rows}) == 1


def run(args, stdin=None):
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout, p.stderr


def main():
    rng = random.Random(SEED)
    tmp = tempfile.mkdtemp(prefix="cutoff-property.")
    failures = []
    runs = 0

    def fail(what):
        failures.append(what)
        if len(failures) <= 20:
            print("FAIL: " + what)

    prev = None
    for i in range(FILES):
        path = os.path.join(tmp, "f%03d.csv" % i)
        distinct, names = make(rng, path)
        scores = ",".join(n.decode("utf-8", "surrogateescape") for n in names)
        sargs = ["-l", "label", "-s", os.fsdecode(b",".join(names))]
        kind = i % 4
        jobs = []
        if kind in (0, 1):
            col = ["--group", "g"] if kind == 0 else ["--fold", "f"]
            for fmt in ("json", "csv", "text", "markdown"):
                jobs.append((fmt, col + ["--report", "--format", fmt] + sargs + [path]))
            jobs.append(("json", col + ["--optimize", "f1", "--format", "json"] + sargs + [path]))
            # the explorer's snapshots, through --batch
            for fmt in ("json", "txt", "md"):
                jobs.append((fmt, ["--batch"] + col + sargs + [path], b"export " + fmt.encode() + b"\n"))
        elif kind == 2:
            for curve in ("roc", "pr", "calibration"):
                for fmt in ("json", "csv"):
                    jobs.append((fmt, ["--curve", curve, "--format", fmt] + sargs + [path]))
        else:
            ref = prev if prev is not None and prev[1] == names else path
            for fmt in ("json", "text", "markdown"):
                jobs.append((fmt, ["--report", "--format", fmt, "--against", ref[0] if ref is prev else path]
                             + sargs + [path]))
        prev = (path, names)
        for job in jobs:
            fmt, args, stdin = job if len(job) == 3 else job + (None,)
            rc, out, err = run(args, stdin)
            runs += 1
            what = "f%03d %s" % (i, " ".join(a if len(a) < 30 else a[:27] + "..." for a in args[:-1]))
            if rc != 0:
                fail("%s: exit %d: %s" % (what, rc, err[:200]))
                continue
            for name, data in (("stdout", out), ("stderr", err)):
                why = bad_text(data)
                if why:
                    fail("%s: %s in %s" % (what, why, name))
            try:
                if fmt == "json":
                    doc = strict_json(out)
                    for m in doc.get("models", [doc]):
                        if "--group" in args:
                            shown = [g["group"] for g in m["groups"]]
                            if len(set(shown)) != len(distinct) or len(shown) != len(distinct):
                                fail("%s: %d group names for %d distinct values" % (what, len(set(shown)),
                                                                                    len(distinct)))
                        if "--fold" in args:
                            shown = [str(f["fold"]) + type(f["fold"]).__name__ for f in m["folds"]]
                            if len(set(shown)) != len(shown) or len(shown) != 3:
                                fail("%s: fold ids merged: %s" % (what, shown))
                elif fmt == "csv":
                    if not rectangular(out):
                        fail("%s: CSV not rectangular" % what)
                    for row in csv.reader(io.StringIO(out.decode("utf-8"))):
                        for cell in row:
                            if cell[:1] in ("=", "+", "-", "@") and not number(cell):
                                fail("%s: a formula cell %r" % (what, cell[:40]))
                elif fmt == "text" and "--group" in args:
                    block = out.decode("utf-8").split("\nby g at threshold")[1].split("\ngaps")[0].split("\n")[2:]
                    shown = [line.split("  ")[0] for line in block if line]
                    if len(set(shown)) != len(distinct):
                        fail("%s: %d group names in the text table for %d values: %s" % (what, len(set(shown)),
                                                                                         len(distinct), shown))
            except (ValueError, IndexError) as e:
                fail("%s: %s" % (what, e))
    print("property (%s): %d files, %d runs, %d failures" % (BIN, FILES, runs, len(failures)))
    subprocess.run(["rm", "-rf", tmp])
    sys.exit(1 if failures else 0)


def number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


if __name__ == "__main__":
    main()
