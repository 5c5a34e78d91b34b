#!/usr/bin/env python3
"""Writes the DEFLATE streams the inflater is tested on, made by zlib (raw DEFLATE, no header):
plain.txt compressed as a stored block, with the fixed codes, and with dynamic codes; and 1 MiB of zeros at
level 9 (bomb.deflate), which must stop at the reader's limit; and the seed evaluations of examples/wuhan-2023/
(varied.txt: many distinct codes and long distances) at levels 1 and 9.    python3 make.py"""
import os, zlib
here = os.path.dirname(os.path.abspath(__file__))
text = ("项目支出绩效自评表，窗口收件办结率（%）（1分）100 100 1\n" * 40).encode()
open(os.path.join(here, "plain.txt"), "wb").write(text)
def raw(data, level, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()
for name, data in [("stored", raw(text, 0)), ("fixed", raw(text, 6, zlib.Z_FIXED)), ("dynamic", raw(text, 9)),
                   ("bomb", raw(b"\0" * (1 << 20), 9))]:
    open(os.path.join(here, name + ".deflate"), "wb").write(data)
import glob
varied = b"".join(open(p, "rb").read() for p in sorted(glob.glob(os.path.join(here, "../../../../examples/wuhan-2023/*.json"))))
open(os.path.join(here, "varied.txt"), "wb").write(varied)
for name, data in [("varied-1", raw(varied, 1)), ("varied-9", raw(varied, 9))]:
    open(os.path.join(here, name + ".deflate"), "wb").write(data)
