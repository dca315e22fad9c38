#!/usr/bin/env python3
"""Runs dateparser (Debian python3-dateparser) on the inputs that
`eval_time --write-inputs DIR` wrote, and writes its expressions as JSON lines
{doc, start, end, type, value} (code point offsets) for
`eval_time --peer dateparser=OUT`.

Usage: run_dateparser.py INPUT_DIR OUT_DIR

Each document goes through dateparser.search.search_dates with RELATIVE_BASE
set to its DCT (noon of the DCT's day for TBAQ; the corpus's "now" for
Duckling, which also gets PREFER_DATES_FROM=future as an assistant reads it).
search_dates returns (substring, datetime) pairs without a granularity, so
each substring is parsed again with DateDataParser (RETURN_TIME_AS_PERIOD) to
learn its period: time -> TIME "YYYY-MM-DDTHH:MM", day -> "YYYY-MM-DD",
week -> ISO week "YYYY-Www", month -> "YYYY-MM", year -> "YYYY". Offsets come
from locating each substring in the text, left to right.
"""
import datetime
import json
import os
import sys
import warnings

warnings.filterwarnings("ignore")

import dateparser  # noqa: E402
from dateparser.date import DateDataParser  # noqa: E402
from dateparser.search import search_dates  # noqa: E402


def ref_time(dct):
    try:
        if "T" in dct:
            return datetime.datetime.fromisoformat(dct)
        d = datetime.date.fromisoformat(dct)
        return datetime.datetime(d.year, d.month, d.day, 12, 0)
    except ValueError:
        return datetime.datetime(2000, 1, 1, 12, 0)


def timex(dt, period):
    if period == "time":
        return "TIME", dt.strftime("%Y-%m-%dT%H:%M")
    if period == "week":
        y, w, _ = dt.isocalendar()
        return "DATE", "%04d-W%02d" % (y, w)
    if period == "month":
        return "DATE", dt.strftime("%Y-%m")
    if period == "year":
        return "DATE", "%04d" % dt.year
    return "DATE", dt.strftime("%Y-%m-%d")


def main():
    if len(sys.argv) != 3:
        print("usage: run_dateparser.py INPUT_DIR OUT_DIR", file=sys.stderr)
        return 2
    in_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    docs = found = 0
    for name in sorted(os.listdir(in_dir)):
        if not name.endswith(".jsonl"):
            continue
        assistant = name.startswith("duckling")
        lines = []
        with open(os.path.join(in_dir, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                doc = json.loads(line)
                docs += 1
                settings = {"RELATIVE_BASE": ref_time(doc["dct"])}
                if assistant:
                    settings["PREFER_DATES_FROM"] = "future"
                try:
                    hits = search_dates(doc["text"], languages=["en"],
                                        settings=settings) or []
                except Exception as e:  # a peer's crash is its own miss
                    print("dateparser failed on %s: %s" % (doc["doc"], e),
                          file=sys.stderr)
                    hits = []
                period_parser = DateDataParser(
                    languages=["en"],
                    settings=dict(settings, RETURN_TIME_AS_PERIOD=True))
                cursor = 0
                text = doc["text"]
                for sub, dt in hits:
                    at = text.find(sub, cursor)
                    if at < 0:
                        at = text.find(sub)
                    if at < 0:
                        continue
                    cursor = at + len(sub)
                    period = "day"
                    try:
                        data = period_parser.get_date_data(sub)
                        if data and data.date_obj is not None:
                            period = data.period or "day"
                    except Exception:
                        pass
                    typ, value = timex(dt, period)
                    lines.append(json.dumps({"doc": doc["doc"], "start": at,
                                             "end": at + len(sub),
                                             "type": typ, "value": value}))
                    found += 1
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write("".join(l + "\n" for l in lines))
    print("dateparser %s: %d documents, %d expressions"
          % (dateparser.__version__, docs, found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
