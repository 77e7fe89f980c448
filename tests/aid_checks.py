"""Checks and data the aids' tests share: the family description asked the same way as in the
analysis aid, the safety part of a family without known danger, and rules named by their id
(which rules hold, and where their items land) instead of by their wording."""

from __future__ import annotations

import re

import aids


def assert_same_family(aid) -> None:
    """The family description other aids take over is asked exactly as in the analysis aid."""
    analyse = aids.load("analyse")
    assert aid.shared == ("leden", "rol", "label")
    assert aid.steps[0].questions[:2] == analyse.steps[0].questions[:2]
    assert aid.questions["rol"].per == "leden"


# The shared safety and legal-frame part (aids/content/data/kader.toml) of a family where no
# danger is known: voluntary help, both parents hold authority, no Veilig Thuis, no safety plan.
SOUND = {"maatregel": "vrijwillig", "gezag": "ouders", "gevaren": ["geen"], "veilig_thuis": "nee",
         "veiligheidsplan": "nee"}


def own_gaps(aid) -> list:
    """The aid's own gaps, without those of the shared parts it asks."""
    from aids.definition import shared_part

    shared = [gap for name in aid.parts for gap in shared_part(name).gaps]
    return [gap for gap in aid.gaps if gap not in shared]


# Rules by id -----------------------------------------------------------------------------------
# Tests name a rule by its id ("kader.eind_maatregel"), not by its wording, so a rule can be
# reworded without touching a test. Every id a test names is checked against the aid's rules
# (its own, the shared parts' and the rights part's) first: a typo fails, it never passes quietly.

def rule_ids(aid_id: str) -> set[str]:
    """The ids of every rule of the aid, including the shared parts' (kader.*, rechten.*)."""
    return {rule.id for rule in aids.load(aid_id).rules}


def assert_known(aid_id: str, *ids: str) -> None:
    """Each id names a rule of the aid."""
    assert ids, "name at least one rule"
    unknown = sorted(set(ids) - rule_ids(aid_id))
    assert not unknown, f"no such rule in {aid_id}: {unknown}"


def rule_of(aid_id: str, rule_id: str):
    """The rule itself, as the content defines it (its label, its `watch`), once its id is
    checked: for output that shows a rule's words without its id."""
    assert_known(aid_id, rule_id)
    return next(rule for rule in aids.load(aid_id).rules if rule.id == rule_id)


def fired(aid_id: str, answers: dict) -> set[str]:
    """The ids of the rules that hold for valid answers (invalid answers fail the test)."""
    output = aids.run(aid_id, answers)
    assert output["valid"], output["errors"]
    return set(output["rules"])


def assert_fires(aid_id: str, answers: dict, *ids: str) -> set[str]:
    """Each named rule holds for the answers; returns every rule that holds."""
    assert_known(aid_id, *ids)
    holding = fired(aid_id, answers)
    missing = sorted(set(ids) - holding)
    assert not missing, f"{aid_id}: {missing} do not hold; these do: {sorted(holding)}"
    return holding


def assert_silent(aid_id: str, answers: dict, *ids: str) -> set[str]:
    """None of the named rules holds for the answers; returns every rule that holds."""
    assert_known(aid_id, *ids)
    holding = fired(aid_id, answers)
    speaking = sorted(set(ids) & holding)
    assert not speaking, f"{aid_id}: {speaking} hold"
    return holding


# Where a rule's item lands: a section of one reader's version. A version is a Voice of
# aids.result (engine.evaluate(...).result.parents) or one version of aids.run's output
# (output["parents"]); a section is named by its id (Voice only) or its heading.

def _sections(voice) -> list[tuple[str, str, list[str]]]:
    if isinstance(voice, dict):
        return [("", s["heading"], [i.get("rule", "") for i in s["items"]])
                for s in voice["sections"]]
    return [(s.id, s.heading, [i.rule for i in s.items]) for s in voice.sections]


def rules_in(voice, section: str | None = None) -> list[str]:
    """The ids of the rules whose items a version holds, in order: in one section, or in all."""
    assert section is None or any(section in (sid, heading) for sid, heading, _ in
                                  _sections(voice)), f"no section {section!r}"
    return [rule for sid, heading, rules in _sections(voice)
            if section is None or section in (sid, heading) for rule in rules if rule]


def is_placed(aid_id: str, voice, section: str, rule_id: str) -> bool:
    """Whether the rule has its item in that section of the version (for `... is expected`)."""
    assert_known(aid_id, rule_id)
    return any(section in (sid, heading) and rule_id in rules
               for sid, heading, rules in _sections(voice))


def assert_placed(aid_id: str, voice, section: str, *ids: str) -> None:
    """Each named rule has its item in that section of the version."""
    assert_known(aid_id, *ids)
    found = rules_in(voice, section)
    missing = sorted(set(ids) - set(found))
    assert not missing, f"{missing} not in {section!r}, which holds {found}"


def rule_item(aid_id: str, voice, rule_id: str):
    """The one item the rule made in a version: to check what a builder or the answers filled
    in, or that a source is named, without quoting the rule's own words."""
    assert_known(aid_id, rule_id)
    if isinstance(voice, dict):
        items = [i for s in voice["sections"] for i in s["items"] if i.get("rule") == rule_id]
    else:
        items = [i for s in voice.sections for i in s.items if i.rule == rule_id]
    assert len(items) == 1, f"{rule_id} made {len(items)} items in this version"
    return items[0]


# Where only a rule's words are left: the points still open (plain texts), an HTML document.

def assert_gap(aid_id: str, gaps, rule_id: str, reader: str = "pro") -> None:
    """The rule's point still open is among the gaps of a version: its text for the reader,
    with whatever filled its {placeholders}."""
    template = rule_of(aid_id, rule_id).text_for(reader)
    assert template, f"{rule_id} has no text for {reader}"
    pattern = re.compile(".+?".join(re.escape(part) for part in re.split(r"\{[^{}]*\}", template))
                         + r"\Z", re.DOTALL)
    assert any(pattern.match(gap) for gap in gaps), f"{rule_id} not among the gaps {list(gaps)}"


def rule_label(aid_id: str, rule_id: str, reader: str = "pro") -> str:
    """A rule's label for a reader, from the content, to find its item by. The label must name
    no other rule of the aid, so finding it is finding this rule."""
    label = rule_of(aid_id, rule_id).label_for(reader)
    assert "{" not in label, f"{rule_id}'s label is filled in: {label!r}"
    others = sorted(rule.id for rule in aids.load(aid_id).rules
                    if rule.id != rule_id and rule.label_for(reader) == label)
    assert not others, f"{rule_id}'s label {label!r} also names {others}"
    return label
