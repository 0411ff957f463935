"""The Portuguese documents stay in step with the English ones."""

from __future__ import annotations

import collections
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def numbers(text: str, lang: str) -> collections.Counter:
    """Every number in ``text``, written the English way (``1,600`` -> ``1600``;
    Portuguese ``0,11`` -> ``0.11`` and ``1.600`` -> ``1600``)."""
    found = []
    for token in re.findall(r"\d[\d.,]*\d|\d", text):
        if lang == "pt" and (re.search(r",\d", token) or re.fullmatch(r"\d{1,3}(\.\d{3})+", token)):
            token = token.replace(".", "").replace(",", ".")
        elif lang == "en" and re.fullmatch(r"\d{1,3}(,\d{3})+", token):
            token = token.replace(",", "")
        found.append(token.rstrip(".,"))
    return collections.Counter(found)


def test_the_portuguese_model_guide_has_the_numbers_of_the_english_one():
    """docs/modelo.md translates docs/model.md: the same numbers, as often (Portuguese
    writes "IC 95%" where English says "95% interval" once more)."""
    en = numbers((ROOT / "docs" / "model.md").read_text(encoding="utf-8"), "en")
    pt = numbers((ROOT / "docs" / "modelo.md").read_text(encoding="utf-8"), "pt")
    assert en - pt == collections.Counter(), "numbers missing in modelo.md"
    assert set(pt - en) <= {"95"}, "numbers in modelo.md that model.md does not have"


def test_both_readmes_give_the_same_two_quick_start_commands():
    def commands(name: str) -> list[str]:
        text = (ROOT / name).read_text(encoding="utf-8")
        return re.findall(r"^    (python3 -m .*)$", text, flags=re.M)[:2]

    english = commands("README.md")
    assert len(english) == 2 and commands("README.pt-BR.md") == english
