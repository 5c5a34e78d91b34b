#!/usr/bin/env python3
"""Fails when a printed report breaks a table row across pages.

    check_rows.py REPORT.pdf EVALUATION.json

A row broken by a page leaves part of its cells' text at the foot of one page and the rest at the head of the next,
so its 三级指标 name (wrapped in its cell or not) is found whole on no page. The text of each page comes from
`pdftotext -raw` (poppler-utils), in the order Chromium drew it, where a cell's lines follow one another; spaces and line breaks are
taken out before the name is looked for. Exit 1 naming each broken row, 0 when every row stands on one page.
"""
import json
import re
import subprocess
import sys


def compact(text):
    return re.sub(r"\s+", "", text)


def main():
    pdf, evaluation = sys.argv[1], sys.argv[2]
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    texts = [compact(subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), pdf, "-"],
                                    capture_output=True, text=True, check=True).stdout) for n in range(1, pages + 1)]
    names = [row["name"] for row in json.load(open(evaluation, encoding="utf-8")).get("indicators", [])]
    broken = [name for name in names if not any(compact(name) in text for text in texts)]
    if broken:
        print(f"check_rows: {pdf}: {len(broken)} row(s) broken across pages (or not printed): {', '.join(broken)}", file=sys.stderr)
        return 1
    print(f"{pdf}: {len(names)} rows, each on one of {pages} page(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
