#!/usr/bin/env python3
"""Writes a deterministic JSON Lines corpus of evaluations shaped like transcribed published tables, for
scripts/bench (the second corpus, beside generate.py's generated shape).

Each line is a 项目支出绩效自评表 as people transcribe one: 10 to 30 rows in the 一级 / 二级 / 三级 layout; the
notations of the seeds (≥, ≤, ＜, bare figures, percentages, 万 / 亿, thousands separators, ㎡, zero-event phrases,
是 / 完成, 7x24小时); a `reason` with quotes, slashes and line breaks on every row that loses points; a `source`
object; the start-of-year budget; qualitative rows with a judgement and the evaluator's score; a few deductions and
evaluator's scores; and printed figures per row, per category, for the budget and the total, all agreeing (they are
what score.py computes). The same seed always gives the same bytes.

    generate_tables.py [COUNT [SEED]]      # 20,000 evaluations by default
"""
import json, random, sys
from decimal import Decimal

sys.path.insert(0, __import__("os").path.dirname(__file__))
import score  # noqa: E402  (the bench's Python scorer computes the printed figures)

LAYOUT = [("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
          ("成本指标", "经济成本指标"), ("效益指标", "社会效益指标"), ("效益指标", "经济效益指标"),
          ("效益指标", "可持续影响指标"), ("满意度指标", "服务对象满意度指标")]
NAMES = ["开展培训", "监管数据准确率", "窗口办结率", "绿化服务面积", "平台运行", "投诉处理时长", "覆盖人数"]
REASONS = ["受疫情影响，\"线下活动\"改为线上/线下结合，仅完成部分",
           "合同有效期为2022年至2023年，\n2022年仅完成3期，剩余1期顺延",
           "部分单位数据报送滞后（见附件/表3），\\已督促整改",
           "采购流程延长，项目于12月底才完成验收；下一年度将提前启动"]


def row(rng, index):
    category, subcategory = rng.choice(LAYOUT)
    r = {"category": category, "subcategory": subcategory, "name": f"指标{index}：{rng.choice(NAMES)}"}
    kind = rng.random()
    if category == "成本指标":
        target = rng.choice([25, 120, 35.5])
        r.update(unit="万元", target=str(target), actual=f"{rng.uniform(10, 40):.2f}")
    elif kind < 0.22:
        target = rng.choice([4, 12, 20, 51, 60, 1800, 2500])
        unit = rng.choice(["个", "次", "份", "家", "期"])
        actual = max(0, int(target * rng.uniform(0.6, 1.5)))
        r.update(unit=unit, target=f"≥{target}{unit}", actual=f"{actual}{unit}")
    elif kind < 0.36:
        target = rng.choice(["80", "90", "95", "98", "99.9", "100"])
        actual = f"{min(100.0, float(target) * rng.uniform(0.85, 1.05)):.2f}"
        r.update(unit="%", target=rng.choice(["≥", ""]) + target + "%", actual=actual + "%")
    elif kind < 0.46:
        target = rng.choice([1, 3, 24, 48, 50])
        unit = rng.choice(["小时", "个工作日", "天"])
        actual = f"{target * rng.uniform(0.2, 1.6):.2f}"
        r.update(unit=unit, target=rng.choice(["≤", "＜"]) + f"{target}{unit}", actual=actual + unit)
    elif kind < 0.54:
        target = rng.choice([4, 6, 20, 51, 100])
        r.update(unit=rng.choice(["期", "个", "家"]), target=str(target), actual=str(max(0, int(target * rng.uniform(0.5, 1.3)))))
    elif kind < 0.60:
        target, actual = rng.choice([("≥80,000㎡", "81,375.24㎡"), ("≥80,000㎡", "79,500㎡"), ("≥808亿条", "810.5亿条"),
                                     ("≥808亿条", "790亿条"), ("≥2万亿", "2.1万亿")])
        r.update(target=target, actual=actual)
    elif kind < 0.66:
        r.update(target=rng.choice(["0", "0起"]), actual=rng.choice(["0", "全年未发生安全事故", "0起"]))
    elif kind < 0.73:
        target = rng.choice(["是", "完成", "通过"])
        r.update(target=target, actual=rng.choice([target, "是", "完成", "达标"]))
    elif kind < 0.76:
        r.update(target="7x24小时", actual="7x24小时")
    else:
        r.update(target=rng.choice(["好", "效果显著", "有效提升", "逐步改善"]),
                 actual=rng.choice(["较好", "效果较好", "有所提升", "基本达到"]),
                 direction="qualitative", judgement=rng.choice(["达成", "达成", "部分达成"]))
    return r


def evaluation(rng, number):
    count = rng.randint(10, 30)
    rows = [row(rng, i) for i in range(count)]
    halves = [160 // count] * count
    for i in range(160 % count):
        halves[i] += 1
    for i, r in enumerate(rows):
        r["weight"] = Decimal(halves[i]) / 2
        if "judgement" in r:
            share = rng.randint(60, 79) if r["judgement"] == "部分达成" else rng.randint(80, 100)
            r["score"] = Decimal(halves[i] * share) / 200
        elif rng.random() < 0.03:
            r["score"] = (Decimal(halves[i]) / 2 * Decimal(rng.randint(50, 90)) / 100).quantize(Decimal("0.01"))
        if rng.random() < 0.04:
            r["deduction"] = Decimal(rng.choice(["0.5", "1", "0.25"]))
        if rng.random() < 0.1:
            r["basis"] = rng.choice(["计划标准", "历史标准", "行业标准"])
    planned = Decimal(rng.randint(10_000, 900_000)) / 100
    executed = planned if rng.random() < 0.6 else (planned * Decimal(rng.randint(70, 100)) / 100).quantize(Decimal("0.01"))
    table = {"format": "perfscore/1", "title": f"项目{number}：{rng.choice(['政务服务能力建设', '城市绿化养护', '数据平台运维'])}",
             "agency": f"单位{number % 23}", "year": 2023, "kind": "project", "rules": "wuhan-2023",
             "budget": {"initial": planned if rng.random() < 0.7 else Decimal(rng.randint(10_000, 900_000)) / 100,
                        "planned": planned, "executed": executed, "weight": 20},
             "indicators": rows}
    # The printed figures: what the rule gives, as a published table prints them, all agreeing.
    budget_score = score.budget_score(table["budget"])
    categories = {}
    for r in rows:
        s = score.cents(score.score_row(r))
        r["published"] = s
        if s < r["weight"] and "reason" not in r:
            r["reason"] = rng.choice(REASONS)
        categories[r["category"]] = categories.get(r["category"], Decimal(0)) + s
    table["published"] = {"total": budget_score + sum(categories.values()), "budget": budget_score, "categories": categories}
    table["source"] = {"document": f"{number % 23}号单位2023年度部门决算公开", "lines": [3400 + number, 3600 + number],
                       "note": "transcribed by hand; \"分值\" as printed"}
    return table


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2024
    rng = random.Random(seed)
    out = sys.stdout
    for number in range(count):
        text = json.dumps(evaluation(rng, number), ensure_ascii=False, separators=(",", ":"), default=score.plain_number)
        out.write(score.unquote_numbers(text) + "\n")


if __name__ == "__main__":
    main()
