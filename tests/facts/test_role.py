"""``role``: a person's title at an organization."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Silkie Carlo, director of the campaign group Big Brother Watch, called it creepy.",
            "Silkie Carlo",
            "Big Brother Watch",
        ),
        (
            "Hoan Ton-That, Clearview's chief executive, said he was disappointed.",
            "Hoan Ton-That",
            "Clearview",
        ),
        (
            "Lee Wolosky, a partner at the law firm Jenner & Block, said the decision was wrong.",
            "Lee Wolosky",
            "Jenner & Block",
        ),
        (
            "Wolfie Christl, a researcher at the Vienna-based institute Cracked Labs, said so on Twitter.",
            "Wolfie Christl",
            "Cracked Labs",
        ),
        (
            "The decision was disclosed by Diane Greene, chief executive of Google Cloud, on Friday.",
            "Diane Greene",
            "Google Cloud",
        ),
    ],
)
def test_appositive_role(facts_of, text: str, person: str, org: str) -> None:
    roles = {(f["person"], f["organization"]) for f in facts_of(text, "role")}
    assert (person, org) in roles, roles


def test_title_before_name(facts_of) -> None:
    text = "Meta has struggled for months. CTO Andrew Bosworth called the reorganization atrocious."
    roles = facts_of(text, "role")
    assert [(f["person"], f["organization"], f["role"]) for f in roles] == [
        ("Andrew Bosworth", "Meta", "CTO")
    ]


def test_commissioner_belongs_to_the_office_named_after_the_title(facts_of) -> None:
    text = (
        "The Information Commissioner's Office (ICO) fined the company. "
        '"That is unacceptable," said John Edwards, the UK Information Commissioner.'
    )
    roles = {(f["person"], f["organization"]) for f in facts_of(text, "role")}
    assert ("John Edwards", "Information Commissioner's Office") in roles


@pytest.mark.parametrize(
    "text",
    [
        "Opposition Leader Bill Shorten said the plan went too far.",
        "John Smith, 45, said the plan went too far.",
        "The director said nothing about it.",
    ],
)
def test_no_role_without_organization_or_person(facts_of, text: str) -> None:
    assert facts_of(text, "role") == []


def test_title_then_comma_name(facts_of) -> None:
    text = (
        "The inquiry asks whether WeWork's founder and former CEO, Adam Neumann, enriched himself."
    )
    roles = {(f["person"], f["organization"]) for f in facts_of(text, "role")}
    assert ("Adam Neumann", "WeWork") in roles


def test_its_points_to_the_group_named_before(facts_of) -> None:
    text = "Privacy group Liberty Watch had threatened legal action. Its director, Sarah Bell, said the plan was unlawful."
    roles = {(f["person"], f["organization"]) for f in facts_of(text, "role")}
    assert ("Sarah Bell", "Liberty Watch") in roles
