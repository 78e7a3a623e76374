"""``petition``: signature counts with qualifiers, signers and demand."""

from __future__ import annotations

import pytest

PROGRAM = "Meta runs the “Model Capability Initiative”, a program that tracks keystrokes. "


@pytest.mark.parametrize(
    ("sentence", "count", "qualifier"),
    [
        (
            "Nearly 2,000 Meta workers signed a petition demanding the program be cancelled.",
            2000,
            "nearly",
        ),
        ("Employees pushed back, with a petition signed by more than 650 staff.", 650, "more than"),
        (
            "Within weeks some 3,100 employees had signed a letter to the chief executive.",
            3100,
            "some",
        ),
        ("By May the number of signatories had climbed to about 4,000.", 4000, "about"),
        (
            "More than 1,200 couriers signed a petition calling for it to be scrapped.",
            1200,
            "more than",
        ),
    ],
)
def test_petition(facts_of, sentence: str, count: int, qualifier: str) -> None:
    facts = facts_of(PROGRAM + sentence, "petition")
    assert [(f["target"], f["signatures"], f.get("qualifier")) for f in facts] == [
        ("Model Capability Initiative", count, qualifier)
    ]


def test_signers_and_demand(facts_of) -> None:
    f = facts_of(
        PROGRAM + "Nearly 2,000 Meta workers signed a petition demanding the program be cancelled.",
        "petition",
    )[0]
    assert f["signers"] == "Meta workers" and "cancelled" in f["demand"]


@pytest.mark.parametrize(
    "sentence",
    [
        "About a dozen employees had resigned in protest.",
        "Meta employs 70,000 people.",
        "The letter was not signed by any of the 500 managers.",
    ],
)
def test_not_a_petition(facts_of, sentence: str) -> None:
    assert facts_of(PROGRAM + sentence, "petition") == []


def test_the_number_of_signatures_wins_over_a_headcount(facts_of) -> None:
    text = (
        "Pemberton Hale ran a webcam tool called Presence. By then an internal petition "
        "calling for it to be scrapped had attracted 870 signatures, roughly a quarter of "
        "the 3,200 people the firm employs."
    )
    assert [f["signatures"] for f in facts_of(text, "petition")] == [870]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (
            "Fenwick School District uses a monitoring tool called ClassEye. More than 900 parents and pupils put their "
            "names to an online petition demanding that the district drop ClassEye.",
            900,
        ),
        (
            "Harlow Freight runs DriveEye. An open letter backed by 312 drivers called on "
            "Harlow to scrap DriveEye.",
            312,
        ),
    ],
)
def test_signing_in_other_words(facts_of, text: str, count: int) -> None:
    assert [f["signatures"] for f in facts_of(text, "petition")] == [count]


def test_a_letter_sent_to_members_is_no_petition(facts_of) -> None:
    text = "Harlow Freight runs DriveEye. The union sent a letter to 5,000 members about DriveEye."
    assert facts_of(text, "petition") == []


@pytest.mark.parametrize(
    ("text", "demand"),
    [
        (
            "A petition circulated by the Ellery Bay Privacy Coalition calling on the council "
            "to end the FlyWatch drone program gathered more than 2,300 signatures.",
            "end the FlyWatch drone program",
        ),
        (
            "Halvern Bank introduced a webcam tool called DeskCam in May. More than 400 staff "
            "signed a letter calling for a ban on the tool.",
            "a ban on the tool",
        ),
    ],
)
def test_the_demand_is_the_clause_asked_for(facts_of, text: str, demand: str) -> None:
    assert [f.get("demand") for f in facts_of(text, "petition")] == [demand]


def test_the_part_who_signed_not_the_whole_they_belong_to(facts_of) -> None:
    text = (
        "Ferry crews want the CrewWatch cameras removed. The petition was signed by 412 of "
        "Waitemata Ferries' roughly 530 deckhands and handed to managers on Friday."
    )
    facts = [(f["signatures"], f.get("signers")) for f in facts_of(text, "petition")]
    assert facts == [(412, "deckhands")], facts


def test_the_people_who_tell_of_a_letter_did_not_sign_it(facts_of) -> None:
    text = (
        "Tarn Cloud launched Project Keys in May. Tarn Cloud is ending Project Keys after more "
        "than 300 engineers signed an open letter objecting to it, according to four people "
        "with knowledge of the decision."
    )
    counts = {f["signatures"] for f in facts_of(text, "petition")}
    assert counts == {300}, counts


def test_a_part_of_them_signed(facts_of) -> None:
    text = (
        "Ardley Health launched TagTrack in May. Nurses did not like it. "
        "Within weeks, nearly 1,900 of them signed a petition demanding that the tags be removed."
    )
    assert {f["signatures"] for f in facts_of(text, "petition")} == {1900}


def test_signed_it_after_a_petition_named_before(facts_of) -> None:
    text = (
        "Orrin Bank launched Lantern in 2025. In March, the bank's union began circulating a "
        "petition calling for Lantern to be scrapped. By the time it was handed over, more than "
        "1,700 employees had signed it."
    )
    assert {f["signatures"] for f in facts_of(text, "petition")} == {1700}


def test_a_memorandum_signed_by_workers_and_a_unions_membership(facts_of) -> None:
    # a memorandum is signed like a letter; how many a union "represents" is its membership
    text = (
        "Lesedi Coal has paused ShiftWatch, a wristband that tracks miners' sleep. "
        "In March the union handed managers a memorandum signed by more than 4,500 workers "
        "against ShiftWatch. Its president said the union represents around 12,000 workers "
        "in the region."
    )
    got = {(f["target"], f["signatures"]) for f in facts_of(text, "petition")}
    assert got == {("ShiftWatch", 4500)}, got
