#!/usr/bin/env python3
"""A straightforward scorer of the wuhan-2023 rule in Python (json and decimal modules only), the baseline of
scripts/bench. It reads JSON Lines and prints the same summary as `perfscore --jsonl --summary`; with
`--publish FILE|-` it writes the evaluations back with the printed figures it computes (seeds for scripts/fuzz).

It handles the notation the bench corpus uses (≥ ≤ ＜, bare numbers, percentages, units, 是, 7x24小时, zero-event
phrases, judgements), enough to score that corpus as PerformanceKit does; it is not a second implementation of
the whole format.
"""
import json, re, sys
from decimal import Decimal, ROUND_HALF_UP

NUMBER = re.compile(r"^(≥|≤|＜|<|>|＞|=)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万亿|万|亿)?\s*(.*)$")
MAGNITUDE = {None: Decimal(1), "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}
ACHIEVEMENT = {"是", "完成", "通过", "达成", "达标", "满意"}
TIERS = {"达成": Decimal(1), "部分达成": Decimal("0.8"), "未达成": Decimal("0.5")}

def cents(x):
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

def figure(text):
    match = NUMBER.match(text.strip())
    if not match:
        return None
    comparator, digits, magnitude, unit = match.groups()
    return comparator, Decimal(digits.replace(",", "")) * MAGNITUDE[magnitude], unit

def score_row(row):
    w = Decimal(str(row["weight"]))
    if "judgement" in row:
        return w * TIERS[row["judgement"]]
    target, actual = row["target"], row["actual"]
    if target == actual:
        return w
    t = figure(target)
    if t is None:
        return w if actual in ACHIEVEMENT else None
    comparator, a, _ = t
    if actual.startswith("全年未发生") or actual in ("无", "零"):
        b = Decimal(0)
    else:
        f = figure(actual)
        if f is None:
            return None
        b = f[1]
    reverse = comparator in ("≤", "＜", "<") or (comparator is None and a == 0)
    if reverse:
        if a == 0:
            return w if b == 0 else Decimal(0)
        if b == 0:
            return w
        return min(w * a / b, w)
    if a == 0:
        return w
    return min(w * b / a, w)

def score(evaluation):
    budget = evaluation["budget"]
    planned, executed = Decimal(str(budget["planned"])), Decimal(str(budget["executed"]))
    weight = Decimal(str(budget.get("weight", 20)))
    total = cents(min(weight * executed / planned, weight)) if planned > 0 else Decimal(0)
    for row in evaluation["indicators"]:
        s = score_row(row)
        if s is None:
            return None, planned
        total += cents(s)
    return total, planned

def grade(total):
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"

def publish(path):
    """Writes each evaluation back with the figures a published table prints (row scores, budget, categories,
    total) as this scorer computes them: seeds for the fast lane's fuzzing (scripts/fuzz)."""
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    for line in source:
        if not line.strip():
            continue
        evaluation = json.loads(line, parse_float=Decimal)
        budget = evaluation["budget"]
        planned, executed = Decimal(str(budget["planned"])), Decimal(str(budget["executed"]))
        weight = Decimal(str(budget.get("weight", 20)))
        budget_score = cents(min(weight * executed / planned, weight)) if planned > 0 else Decimal(0)
        categories = {}
        for row in evaluation["indicators"]:
            score = score_row(row)
            if score is None:
                break
            row["published"] = cents(score)
            categories[row["category"]] = categories.get(row["category"], Decimal(0)) + cents(score)
        else:
            evaluation["published"] = {"total": budget_score + sum(categories.values()), "budget": budget_score,
                                       "categories": categories}
        print(json.dumps(evaluation, ensure_ascii=False, separators=(",", ":"), default=lambda d: float(d)))

def main():
    if sys.argv[1] == "--publish":
        publish(sys.argv[2])
        return
    scored = failed = 0
    funds = weighted = Decimal(0)
    grades = {"优": 0, "良": 0, "中": 0, "差": 0}
    with open(sys.argv[1], encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            total, planned = score(json.loads(line, parse_float=Decimal))
            if total is None:
                failed += 1
                continue
            scored += 1
            funds += planned
            weighted += planned * total
            grades[grade(total)] += 1
    print(f"scored: {scored}, failed: {failed}")
    print(f"fund-weighted mean total: {cents(weighted / funds) if funds else '—'}")
    print("grades: " + ", ".join(f"{g} {n}" for g, n in grades.items()))

if __name__ == "__main__":
    main()
