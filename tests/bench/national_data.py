#!/usr/bin/env python3
"""Data for issue 18's benchmark (tests/bench/national.sh). Standard library only.

  national_data.py subset DATA_DIR OUT_DIR LA...
      The raw DfE/Ofsted files of DATA_DIR cut down to the schools of the
      given LA codes, in the same layout (the small-scale run CI makes).
  national_data.py replicate DATA_DIR OUT_DIR N
      The raw files with every school N times: copy k > 0 of a school gets
      URN + k * 1,000,000 (a real URN has six digits), national rows once.
  national_data.py trust EXAMPLE_CSV URN_FILE SEED PERIOD
      Generated SYNTHETIC self-assessments or KPIs for every URN in URN_FILE,
      in the shape of one of examples/*/ (a ratings or a long evidence CSV):
      each (period, subject or indicator) the example holds, with a level
      the example uses for it or a value within the example's range, drawn
      from a fixed seed so that two runs write the same file. Only the
      example's rows for PERIOD are followed.
"""
import csv
import random
import sys
from pathlib import Path

FILES = ["dfe-2017-18/england_spine.csv", "dfe-2017-18/ks2_perf_2018.csv", "dfe-2017-18/ofsted_ratings_2018.csv",
         "dfe-2018-19/england_census.csv", "dfe-2018-19/england_abs.csv", "dfe-2018-19/england_ks4provisional.csv"]


def copy_rows(data, out, keep):
    """Writes each file of FILES through `keep(name, header, row)`, which yields the rows to write."""
    for name in FILES:
        src, dst = Path(data, name), Path(out, name)
        dst.parent.mkdir(parents=True, exist_ok=True)
        raw = src.read_bytes()
        encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "latin-1"
        text = raw.decode(encoding)
        rows = list(csv.reader(text.splitlines()))
        with open(dst, "w", newline="", encoding=encoding) as f:
            w = csv.writer(f, lineterminator="\r\n" if "\r\n" in text[:4096] else "\n")
            w.writerow(rows[0])
            for row in rows[1:]:
                for r in keep(name, rows[0], row):
                    w.writerow(r)


def subset(data, out, las):
    las = set(las)
    urns = set()
    with open(Path(data, FILES[0]), encoding="latin-1", newline="") as f:
        for r in csv.DictReader(f):
            if r["LA"] in las:
                urns.add(r["URN"])

    def keep(name, header, row):
        cell = dict(zip(header, row))
        if cell.get("LA") == "NAT" or cell.get("RECTYPE") in ("5", "7") or cell.get("URN", "") in urns:
            yield row
    copy_rows(data, out, keep)


def replicate(data, out, n):
    def keep(name, header, row):
        cell = dict(zip(header, row))
        if not cell.get("URN", "").isdigit():
            yield row  # a national or LA row: once
            return
        for k in range(n):
            copy = list(row)
            copy[header.index("URN")] = str(int(cell["URN"]) + k * 1_000_000)
            yield copy
    copy_rows(data, out, keep)


def trust(example, urn_file, seed, period):
    rng = random.Random(seed)
    with open(example, newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    key = "subject" if "subject" in header else "indicator"
    shapes = {}  # (period, subject or indicator) -> the levels or values the example holds
    for r in rows:
        if r["period"] != period:
            continue
        shapes.setdefault((r["period"], r[key]), []).append(r["level" if "level" in header else "value"])
    urns = [u.strip() for u in open(urn_file) if u.strip()]
    w = csv.DictWriter(sys.stdout, fieldnames=header, lineterminator="\n")
    w.writeheader()
    for urn in urns:
        for (period, subject), seen in shapes.items():
            r = dict(rows[0], urn=urn, period=period)
            r[key] = subject
            if "level" in header:
                r["level"] = rng.choice(sorted(set(seen)))
                r["by"], r["rationale"] = "Headteacher (SYNTHETIC)", "SYNTHETIC benchmark self-assessment"
            else:
                numbers = [float(v) for v in seen if v.replace(".", "", 1).lstrip("-").isdigit()]
                if numbers:
                    low, high = min(numbers), max(numbers)
                    r["value"] = f"{rng.uniform(low, high):.1f}" if low != high else seen[0]
                    r["note"] = "SYNTHETIC benchmark return"
                else:  # a text value carries no note
                    r["value"], r["note"] = rng.choice(sorted(set(seen))), ""
            w.writerow(r)


if __name__ == "__main__":
    verb = sys.argv[1]
    if verb == "subset":
        subset(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif verb == "replicate":
        replicate(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif verb == "trust":
        trust(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    else:
        sys.exit("usage: national_data.py subset|replicate|trust ...")
