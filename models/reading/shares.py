"""How teams write a share of cases done right or wrong: "71%", "0.82", "4 out of 5", "half".

`models/reading/quantities.py` turns these into `score` quantities; a share told as errors
("gets segments wrong ~30% of the time", "a 12% error rate") is read as its complement.
"""

from __future__ import annotations

import re

from models.reading.numbers import NUMBER

IC = re.IGNORECASE
PERCENT = re.compile(rf"(?P<num>{NUMBER})\s?(?:%|percent\b|per ?cent\b)", IC)
DECIMAL = re.compile(r"(?<![\w.,/$])(?P<num>0?\.\d{1,3})(?![\d.]|\s?(?:ms|s|sec|[kmgt]b)\b)", IC)
# "4 out of 5" counts whole cases: "0.88 of 120" is a score measured on 120, not 0.88 / 120.
# "one of seven policy labels" picks an item from a set; it is not a score.
ONE_OF_SET = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:labels|classes|categories|codes|levels|tiers|"
                        r"bands|queues|buckets|grades|options|types|intents|reasons|groups|"
                        r"teams|departments|values|statuses|outcomes)\b", IC)
OUT_OF = re.compile(rf"(?<![\d.])(?P<a>(?!\d*\.\d){NUMBER})\s+(?:times?\s+)?(?:out\s+)?of\s+"
                    rf"(?:the\s+|every\s+)?(?P<b>{NUMBER})\b", IC)
FRACTION = re.compile(r"\b(?P<f>(?:about |roughly |around |nearly )?(?:half|a third|one third|two "
                      r"thirds|a quarter|three quarters))\b(?! (?:a|an) )(?!-)"
                      r"(?! (?:of )?(?:his|her|their|my|our|your) (?:time|week|days?|hours))", IC)
FRACTIONS = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
             "a quarter": 0.25, "three quarters": 0.75}
# An error share told before the number: "fails on 25%", "gets segments wrong ~30%".
MISSES = re.compile(r"\b(?:miss(?:es|ed)?|fails?(?: on)?|(?:gets?|is|are) (?:\w+\s+){0,2}?wrong|"
                    r"wrong (?:on|in)|errors? on|error rate(?: is| of| at)?)\s+"
                    r"(?:\w+\s+){0,2}[~≈]?$", IC)
# An error share told after the number: "70% of outputs are wrong", "a 12% error rate".
WRONG_AFTER = re.compile(r"\s*(?:of (?:the )?(?:time|cases|outputs|answers|replies|them)\s+"
                         r"(?:are\s+)?)?(?:error rate|errors?\b|wrong\b|incorrect\b|fail)", IC)
