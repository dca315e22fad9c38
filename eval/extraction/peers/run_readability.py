#!/usr/bin/python3
"""Runs readability-lxml (Debian python3-readability) on the extraction sets.

Writes peer outputs that eval_extraction reads with --peers OUT_DIR:

  OUT_DIR/scrapinghub/readability-debian.json
      {"version": V, "output": {page_id: {"articleBody": text}}}
      (the Scrapinghub benchmark's own output format)
  OUT_DIR/trafilatura/readability-debian.json
      {"version": V, "output": {url: {"articleBody": text or null}}}
      (null: readability raised on the page, scored as "returned nothing")

Summary HTML is turned into text with html_text (Debian python3-html-text)
when present, as the Scrapinghub benchmark does for readability, else with a
small lxml fallback that breaks lines at block elements. Pages are read from
the shared folder by path (gzip pages and the trafilatura tarball are read in
memory; nothing is unpacked on disk).

Usage: run_readability.py SHARED_DIR OUT_DIR
Exit codes: 0 done (a set whose data is absent is skipped with a line),
2 usage error, 3 readability-lxml not importable.
"""

import gzip
import json
import os
import sys
import tarfile
import time

try:
    from readability import Document
    import lxml.html
except ImportError as exc:  # the caller prints a skip line
    print(f"skip: readability peer ({exc})", file=sys.stderr)
    sys.exit(3)

try:
    import html_text
except ImportError:
    html_text = None

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "td", "th", "section", "article",
    "header", "footer", "figure", "figcaption", "dd", "dt", "dl",
}


def summary_to_text(summary_html):
    if not summary_html or not summary_html.strip():
        return ""
    if html_text is not None:
        return html_text.extract_text(summary_html)
    root = lxml.html.fromstring(summary_html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


def extract(html):
    return summary_to_text(Document(html).summary(html_partial=True))


def version():
    try:
        from importlib.metadata import version as dist_version
        return "readability-lxml " + dist_version("readability-lxml")
    except Exception:  # metadata missing in some Debian builds
        return "readability-lxml (Debian)"


def decode(raw):
    # The pages are UTF-8 (Scrapinghub) or mostly so; otherwise readability
    # gets the bytes and sniffs the charset itself.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def write(path, payload):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False)


def run_scrapinghub(shared, out_dir):
    base = os.path.join(shared, "data", "article-extraction-scrapinghub")
    html_dir = os.path.join(base, "html")
    if not os.path.isdir(html_dir):
        print(f"skip: readability on Scrapinghub (no {html_dir})")
        return
    output = {}
    t0 = time.monotonic()
    for name in sorted(os.listdir(html_dir)):
        if not name.endswith((".html", ".html.gz")):
            continue
        path = os.path.join(html_dir, name)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as f:
            raw = f.read()
        page_id = name.split(".")[0]
        try:
            output[page_id] = {"articleBody": extract(decode(raw))}
        except Exception:
            output[page_id] = {"articleBody": ""}
    secs = time.monotonic() - t0
    write(os.path.join(out_dir, "scrapinghub", "readability-debian.json"),
          {"version": version(), "output": output})
    print(f"readability on Scrapinghub: {len(output)} pages, {secs:.1f} s, "
          f"{len(output) / secs:.1f} pages/s")


def run_trafilatura(shared, out_dir):
    base = os.path.join(shared, "data", "trafilatura-eval")
    evaldata_path = os.path.join(base, "evaldata.json")
    tar_path = os.path.join(base, "html.tar.xz")
    if not (os.path.isfile(evaldata_path) and os.path.isfile(tar_path)):
        print(f"skip: readability on trafilatura-eval (no {tar_path})")
        return
    with open(evaldata_path, encoding="utf-8") as f:
        evaldata = json.load(f)
    pages = {}
    with tarfile.open(tar_path, "r:xz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            parts = member.name.split("/")
            if len(parts) == 3 and parts[0] == "tests":
                pages[(parts[1], parts[2])] = tar.extractfile(member).read()
    output = {}
    t0 = time.monotonic()
    for url, item in evaldata.items():
        raw = pages.get(("cache", item["file"])) or pages.get(
            ("eval", item["file"]))
        if raw is None:
            continue
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        try:
            output[url] = {"articleBody": extract(decode(raw))}
        except Exception:
            output[url] = {"articleBody": None}
    secs = time.monotonic() - t0
    write(os.path.join(out_dir, "trafilatura", "readability-debian.json"),
          {"version": version(), "output": output})
    print(f"readability on trafilatura-eval: {len(output)} pages, "
          f"{secs:.1f} s, {len(output) / secs:.1f} pages/s")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    run_scrapinghub(argv[1], argv[2])
    run_trafilatura(argv[1], argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
