"""Debris among a brief's entities and outlets: counts to compare before and after a change.

In: a brief in the JSON contract (a file, or a folder to brief with `recoupe brief --format
json`).
Out: printed counts, with up to `--show` examples each:
  - agency_not_org: entities named as a news agency (lang/agencies.py) not typed ORG;
  - credit_entity: entities (PER/MISC/LOC) whose one-word name is a credit of one of their
    articles ("Newsnet" of "(ats/Newsnet)");
  - glued_credit: entities whose spellings glue an agency in capitals to other words
    ("AFP Deuxième");
  - institution_loc: entities typed LOC named as a seat of power or headed by an institution
    noun (lang/fr/institutions.py);
  - person_not_per: entities typed ORG/MISC whose name opens with a given name (lang/fr/
    given_names.py) and goes on with no ordinary word, as crosscheck.canon judges it;
  - outlet_from_credit: articles whose outlet is a wire's or a photographer's credit of
    theirs ("AFP", "JEAN DUPONT / AFP");
  - outlet_unknown: articles that name no outlet (a count, not an error);
  - debris_in_text: articles whose text still holds a paywall formula, "Lire aussi", or a
    credit in parentheses closing it.
The tables used are the project's own: the counts measure what they cover, not more.

usage: python benchmarks/entity_debris.py BRIEF.json|FOLDER [--show 5]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

from recoupe.clean import tables as clean_tables
from recoupe.crosscheck import canon, gazetteer
from recoupe.lang import agencies
from recoupe.lang.fr import institutions
from recoupe.text import fold

_AGENCY_KEYS = {fold(a) for a in agencies.CREDIT_NAMES}
_AGENCY_CAPS = {a.upper() for a in agencies.CREDIT_NAMES if " " not in a and len(a) >= 2}
_SPLIT = re.compile(r"\s*(?:/|,|;|\bet\b|\bavec\b)\s*")


def load(path: str) -> dict:
    if Path(path).is_dir():
        out = subprocess.run([str(Path(sys.executable).parent / "recoupe"), "brief", path,
                              "--format", "json"], capture_output=True, text=True, check=False)
        return json.loads(out.stdout)
    return json.loads(Path(path).read_text(encoding="utf-8"))


def count(brief: dict) -> dict[str, list[str]]:
    arts = {a["id"]: a for a in brief["articles"]}
    found: dict[str, list[str]] = {k: [] for k in (
        "agency_not_org", "credit_entity", "glued_credit", "institution_loc", "person_not_per",
        "outlet_from_credit", "outlet_unknown", "debris_in_text")}
    seen = set()
    for story in brief["stories"]:
        for e in story["entities"]:
            key = (e["name"], e["type"], tuple(e["articles"]))
            if key in seen:
                continue
            seen.add(key)
            name, kind = e["name"], e["type"]
            forms = {fold(v) for v in [name, *e["variants"]]}
            label = f"{name} ({kind})"
            if forms & _AGENCY_KEYS and kind != "ORG":
                found["agency_not_org"].append(label)
            credits = {fold(p) for aid in e["articles"] for c in arts.get(aid, {}).get(
                "credits", []) for p in _SPLIT.split(c) if p.strip()}
            if kind != "ORG" and len(name.split()) == 1 and fold(name) in credits:
                found["credit_entity"].append(label)
            if any(len(v.split()) > 1 and (v.split()[0] in _AGENCY_CAPS
                                           or v.split()[-1] in _AGENCY_CAPS)
                   and fold(v) not in _AGENCY_KEYS for v in e["variants"]):
                found["glued_credit"].append(label)
            if kind == "LOC" and not gazetteer.country_code(name) and fold(
                    name) not in institutions.FORMER_STATES and (
                    fold(name) in institutions.SEATS or name.split()[0].lower() in
                    institutions.INSTITUTION_HEADS | institutions.MEDIA_HEADS):
                found["institution_loc"].append(label)
            if kind in ("ORG", "MISC") and canon._person_name(name, "fr", institutions):
                found["person_not_per"].append(label)
    t = clean_tables.load("fr")
    for a in brief["articles"]:
        # A wire's or a photographer's credit ("X / AFP"); a medium signing the text
        # ("AVEC RADIO NORD") is its publisher by convention.
        credits = {fold(c) for c in a.get("credits", []) if "/" in c
                   or fold(c) in _AGENCY_KEYS}
        if a.get("outlet") and fold(a["outlet"]) in credits:
            found["outlet_from_credit"].append(f"{a['id']}: {a['outlet']}")
        if not a.get("outlet"):
            found["outlet_unknown"].append(a["id"])
        text = a.get("text", "")
        if (any(m[0][0].isupper() for m in t.inline_prompt.finditer(text))
                or any(m[0][0].isupper() for m in t.related_inline.finditer(text))
                or re.search(r"[.!?»]\s*\([^()]{2,40}\)\s*$", text)):
            found["debris_in_text"].append(a["id"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("brief")
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    for name, items in count(load(args.brief)).items():
        print(f"{name:20} {len(items):5}  {'; '.join(items[:args.show])}")


if __name__ == "__main__":
    main()
