"""The reference table of Tests/IntervalArithmeticTests against mpmath.

The Swift tests check that the rigorous enclosures Interval.exp and Interval.log contain the 60-digit values of
that table (compared in exact rationals); this test re-derives every value with mpmath at 80 digits, so the
table is not something we wrote by hand.
"""
import pathlib
import re

import mpmath

TABLE = pathlib.Path(__file__).resolve().parents[1] / "IntervalArithmeticTests" / "IntervalArithmeticTests.swift"


def table(name):
    text = TABLE.read_text()
    block = re.search(r"static let " + name + r": \[\(String, String\)\] = \[(.*?)\n    \]", text, re.S).group(1)
    return re.findall(r'\("([^"]+)", "([^"]+)"\)', block)


def test_exp_and_log_tables_match_mpmath():
    count = 0
    with mpmath.workdps(80):
        for name, function in (("exp", mpmath.exp), ("log", mpmath.log)):
            rows = table(name)
            assert len(rows) >= 15
            for x, value in rows:
                exact = function(mpmath.mpf(float(x)))
                assert abs(exact - mpmath.mpf(value)) <= abs(exact) * mpmath.mpf(10) ** -58, (name, x)
                count += 1
    assert count >= 30
