#!/usr/bin/env python3
"""A straightforward scorer of the wuhan-2023 rule in Python (json and decimal modules only), the baseline of
scripts/bench. It reads JSON Lines, scores each evaluation, checks every printed figure (rows, budget, categories,
total) within 0.01, and prints the same summary as `perfscore --jsonl --summary`; with `--publish FILE|-` it writes
the evaluations back with the printed figures it computes.

It handles the notation and fields the two bench corpora use (generate.py, generate_tables.py): ≥ ≤ ＜ and bare
figures, percentages, units, thousands separators, 万 / 亿 / 万亿, 是 / 完成, 7x24小时, zero-event phrases, bare
figures under 成本 as ceilings, judgements with the evaluator's score (or the top of the band), the evaluator's own
score, deductions. It is not a second implementation of the whole format: a table outside that is counted as failed.
"""
import json, re, sys
from decimal import Decimal, ROUND_HALF_UP

NUMBER = re.compile(r"^(≥|≤|＜|<|>|＞|=)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万亿|万|亿)?\s*(.*)$")
MAGNITUDE = {None: Decimal(1), "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}
ACHIEVEMENT = {"是", "完成", "通过", "达成", "达标", "满意"}
TIERS = {"达成": Decimal(1), "部分达成": Decimal("0.8"), "未达成": Decimal("0.5")}
CENT = Decimal("0.01")


def cents(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def figure(text):
    match = NUMBER.match(text.strip())
    if not match:
        return None
    comparator, digits, magnitude, unit = match.groups()
    return comparator, Decimal(digits.replace(",", "")) * MAGNITUDE[magnitude], unit


def decimal(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def rule_row(row):
    """What the rule gives a row, before the evaluator's score or a deduction; None when this scorer cannot say."""
    w = decimal(row["weight"])
    if "judgement" in row:
        return decimal(row["score"]) if "score" in row else w * TIERS[row["judgement"]]
    target, actual = str(row["target"]), str(row["actual"])
    if target == actual:
        return w
    t = figure(target)
    if t is None:
        if target.startswith("全年未发生") or target in ("无", "零"):
            t = (None, Decimal(0), None)
        else:
            return w if actual in ACHIEVEMENT else None
    comparator, a, _ = t
    if actual.startswith("全年未发生") or actual in ("无", "零"):
        b = Decimal(0)
    else:
        f = figure(actual)
        if f is None:
            return None
        b = f[1]
    cost = row.get("category") == "成本指标" or "成本" in (row.get("subcategory") or "")
    reverse = comparator in ("≤", "＜", "<") or (comparator is None and (a == 0 or cost))
    if reverse:
        if a == 0:
            return w if b == 0 else Decimal(0)
        if b == 0:
            return w
        return min(w * a / b, w)
    if a == 0:
        return w
    return min(w * b / a, w)


def score_row(row):
    s = rule_row(row)
    if s is None:
        return None
    if "score" in row and "judgement" not in row:
        s = decimal(row["score"])
    if "deduction" in row:
        s = max(Decimal(0), s - decimal(row["deduction"]))
    return s


def budget_score(budget):
    planned, executed = decimal(budget["planned"]), decimal(budget["executed"])
    weight = decimal(budget.get("weight", 20))
    return cents(min(weight * executed / planned, weight)) if planned > 0 else Decimal(0)


def score(evaluation):
    """The total, the funds, and whether a printed figure disagrees; the total is None when a row cannot be scored."""
    budget = evaluation["budget"]
    planned = decimal(budget["planned"])
    budget_points = budget_score(budget)
    total = budget_points
    categories = {}
    disagrees = False
    for row in evaluation["indicators"]:
        s = score_row(row)
        if s is None:
            return None, planned, False
        s = cents(s)
        total += s
        categories[row["category"]] = categories.get(row["category"], Decimal(0)) + s
        if row.get("published") is not None and abs(decimal(row["published"]) - s) > CENT:
            disagrees = True
    printed = evaluation.get("published") or {}
    if printed.get("budget") is not None and abs(decimal(printed["budget"]) - budget_points) > CENT:
        disagrees = True
    for name, value in (printed.get("categories") or {}).items():
        if abs(decimal(value) - categories.get(name, Decimal(0))) > CENT:
            disagrees = True
    if printed.get("total") is not None and abs(decimal(printed["total"]) - total) > CENT:
        disagrees = True
    return total, planned, disagrees


def grade(total):
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


def plain_number(value):
    """For json.dumps: a Decimal marked, so that unquote_numbers writes it as its plain digits."""
    if isinstance(value, Decimal):
        return "@@" + format(value.normalize(), "f") + "@@"
    raise TypeError(value)


def unquote_numbers(text):
    return re.sub(r'"@@(-?[0-9.]+)@@"', r"\1", text)


def publish(path):
    """Writes each evaluation back with the figures a published table prints (row scores, budget, categories,
    total) as this scorer computes them."""
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    for line in source:
        if not line.strip():
            continue
        evaluation = json.loads(line, parse_float=Decimal)
        budget_points = budget_score(evaluation["budget"])
        categories = {}
        for row in evaluation["indicators"]:
            s = score_row(row)
            if s is None:
                break
            row["published"] = cents(s)
            categories[row["category"]] = categories.get(row["category"], Decimal(0)) + cents(s)
        else:
            evaluation["published"] = {"total": budget_points + sum(categories.values()), "budget": budget_points,
                                       "categories": categories}
        print(unquote_numbers(json.dumps(evaluation, ensure_ascii=False, separators=(",", ":"), default=plain_number)))


def main():
    if sys.argv[1] == "--publish":
        publish(sys.argv[2])
        return
    scored = failed = disagreeing = 0
    funds = weighted = Decimal(0)
    grades = {"优": 0, "良": 0, "中": 0, "差": 0}
    with open(sys.argv[1], encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            total, planned, disagrees = score(json.loads(line, parse_float=Decimal))
            if total is None:
                failed += 1
                continue
            scored += 1
            disagreeing += disagrees
            funds += planned
            weighted += planned * total
            grades[grade(total)] += 1
    print(f"scored: {scored}, failed: {failed}, disagreeing with printed figures: {disagreeing}")
    mean = format(cents(weighted / funds).normalize(), "f") if funds else "—"
    print(f"fund-weighted mean total: {mean}")
    print("grades: " + ", ".join(f"{g} {n}" for g, n in grades.items()))


if __name__ == "__main__":
    main()
