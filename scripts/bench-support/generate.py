#!/usr/bin/env python3
"""Writes a deterministic JSON Lines corpus of perfscore/1 evaluations for scripts/bench.

100,000 evaluations of 8 to 24 indicators each by default, with the notation mix of the seeds: ≥, ≤, ＜, bare
numbers, 0, percentages, 是 / 好 / 7x24小时. The same seed always gives the same bytes.
"""
import json, random, sys

def indicator(rng, index):
    kind = rng.random()
    category, subcategory = rng.choice([("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
                                        ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")])
    row = {"category": category, "subcategory": subcategory, "name": f"指标{index}", "weight": 5}
    if kind < 0.30:                       # ≥X with units
        target = rng.choice([4, 12, 60, 100, 1800, 2500]); actual = max(0, int(target * rng.uniform(0.6, 1.4)))
        unit = rng.choice(["个", "次", "份", "家"])
        row.update(target=f"≥{target}{unit}", actual=f"{actual}{unit}")
    elif kind < 0.45:                     # percentages
        target = rng.choice([80, 90, 95, 99.9]); actual = round(min(100, target * rng.uniform(0.9, 1.1)), 2)
        row.update(target=f"≥{target}%", actual=f"{actual}%")
    elif kind < 0.55:                     # ≤X reverse
        target = rng.choice([1, 24, 50]); actual = round(target * rng.uniform(0.2, 1.5), 2)
        row.update(target=f"≤{target}", actual=str(actual), unit="小时")
    elif kind < 0.62:                     # ＜X with comparator on the actual
        target = rng.choice([15, 30, 48]); actual = rng.choice([1, 8, 15, 30, 60])
        row.update(target=f"＜{target}分钟", actual=f"＜{actual}分钟")
    elif kind < 0.77:                     # bare numbers
        target = rng.choice([4, 6, 20, 51, 100]); actual = max(0, int(target * rng.uniform(0.5, 1.5)))
        row.update(target=str(target), actual=str(actual), unit="个")
    elif kind < 0.83:                     # zero targets
        row.update(target=rng.choice(["0", "0%"]), actual=rng.choice(["0", "0%", "全年未发生安全事故", "1"]), unit="%")
    elif kind < 0.90:                     # 是
        row.update(target="是", actual=rng.choice(["是", "完成"]))
    elif kind < 0.95:                     # 好 with a judgement
        row.update(target="好", actual="较好", judgement=rng.choice(["达成", "部分达成"]))
    else:                                 # 7x24小时
        row.update(target="7x24小时", actual="7x24小时")
    return row

def evaluation(rng, number):
    count = rng.randint(8, 24)
    rows = [indicator(rng, i) for i in range(count)]
    # Points add up to 80: whole points spread evenly, the remainder on the first rows.
    for i, row in enumerate(rows):
        row["weight"] = 80 // count + (1 if i < 80 % count else 0)
    planned = round(rng.uniform(10, 10000), 2)
    executed = round(planned * rng.uniform(0.7, 1.0), 2)
    return {"format": "perfscore/1", "title": f"项目{number}", "agency": f"单位{number % 97}", "year": 2023,
            "rules": "wuhan-2023", "budget": {"planned": planned, "executed": executed, "weight": 20},
            "indicators": rows}

def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2023
    rng = random.Random(seed)
    out = sys.stdout
    for number in range(count):
        out.write(json.dumps(evaluation(rng, number), ensure_ascii=False, separators=(",", ":")) + "\n")

if __name__ == "__main__":
    main()
