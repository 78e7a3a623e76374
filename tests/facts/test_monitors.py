"""``monitors``: whom a program watches (one fact per program)."""

from __future__ import annotations

import pytest


def test_possessor_of_data_is_watched(facts_of) -> None:
    text = "Meta has paused its “Model Capability Initiative” — a program that tracked employee keystrokes."
    facts = facts_of(text, "monitors")
    assert [(f["program"], f["subjects"]) for f in facts] == [
        ("Model Capability Initiative", "employees")
    ]


def test_object_of_monitoring_verb(facts_of) -> None:
    text = "Barclays used software called Sapience. Sapience monitored staff and logged desk time."
    assert [f["subjects"] for f in facts_of(text, "monitors")] == ["staff"]


def test_one_fact_per_program(facts_of) -> None:
    text = (
        "Barclays used software called Sapience. Sapience monitored staff and logged desk time. "
        "The tool also tracked employees' breaks."
    )
    assert len(facts_of(text, "monitors")) == 1


def test_no_program_no_monitors(facts_of) -> None:
    assert facts_of("Managers watched the employees closely.", "monitors") == []


def test_watched_group_keeps_its_modifier(facts_of) -> None:
    text = (
        "The City of Tillman Falls uses RouteSight Crew, a phone app. RouteSight Crew logs "
        "the GPS location of sanitation crews every 30 seconds and records idle time. "
        "Sanitation crews say the app follows them home."
    )
    subjects = {f["subjects"] for f in facts_of(text, "monitors")}
    assert subjects and all("crews" in s for s in subjects), subjects


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Elmwood Care installed a system called BedAlert. BedAlert keeps an eye on "
            "patients at night.",
            "patients",
        ),
        (
            "Pellam Couriers uses a tool called RouteMark. RouteMark keeps tabs on couriers all "
            "day.",
            "couriers",
        ),
    ],
)
def test_watching_idioms(facts_of, text: str, who: str) -> None:
    assert [f["subjects"] for f in facts_of(text, "monitors")] == [who]


def test_the_story_s_own_word_for_the_people_watched(facts_of) -> None:
    text = (
        "Zipcart runs an app called TrailLog. TrailLog logs GPS locations and delivery times. "
        "Workers say the app is intrusive. Couriers must keep it on all day, and couriers who "
        "switch it off lose shifts. Workers at rival firms face the same."
    )
    got = {(f["program"], f["subjects"]) for f in facts_of(text, "monitors")}
    assert got == {("TrailLog", "couriers")}


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "Trellis Digital uses the PaceDesk app. PaceDesk logs every ticket content "
            "moderators close and times each break they take.",
            "content moderators",
        ),
        (
            "The ReadStar app recorded children reading aloud and tracked the location of "
            "children using it.",
            "children",
        ),
        (
            "Marlow Council runs the StreetEye system. StreetEye tracks passers-by on the "
            "high street.",
            "passers-by",
        ),
    ],
)
def test_more_people_a_program_watches(facts_of, text: str, subjects: str) -> None:
    facts = facts_of(text, "monitors")
    assert subjects in {f["subjects"] for f in facts}, facts


def test_schools_enrolling_children_watch_nobody(facts_of) -> None:
    text = (
        "Teachers must check in with the Pehchaan app every morning. The department runs "
        "1.3 lakh schools, which enrol about 1.5 crore children."
    )
    facts = facts_of(text, "monitors")
    assert all(f["subjects"] != "children" for f in facts), facts


def test_people_named_by_a_two_word_noun_are_that_noun(facts_of) -> None:
    text = (
        "Skyreach Airways' CrewView tool scanned the crew members' public accounts every "
        "day and logged their posts and photos."
    )
    subjects = {f["subjects"] for f in facts_of(text, "monitors")}
    assert subjects == {"crew members"}, subjects


def test_the_fuller_name_of_the_watched_group(facts_of) -> None:
    text = (
        "Pellow Pay paused DeskMirror, an AI training scheme, on Monday. The scheme, dubbed "
        "DeskMirror internally, was switched on in February. Pellow Pay employs around 900 "
        "support agents in Manila, and DeskMirror captured the full working day of the "
        "agents: their screens, chats with customers and ticket notes. Some agents said they "
        "felt watched. Other agents quit."
    )
    got = {f["subjects"] for f in facts_of(text, "monitors")}
    assert got == {"support agents"}, got


def test_the_plain_word_the_story_says_most_for_the_people_watched(facts_of) -> None:
    text = (
        "Orrin Bank has shelved Lantern, a programme it ran for staff. "
        "Lantern collected emails and recorded screen activity. "
        "Staff were told in March. Some agents in the contact centre objected. "
        "Staff unions wrote to the bank. Two agents quit."
    )
    subjects = {f["subjects"] for f in facts_of(text, "monitors")}
    assert subjects == {"staff"}, subjects


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Tarn Freight rolled out LaneWatch to all of its drivers in 2023.", "drivers"),
        (
            "Kovil Systems has suspended DeskEye, a webcam tool used on employees working from home, the company said.",
            "employees",
        ),
    ],
)
def test_the_people_a_program_was_put_in_place_for(facts_of, text: str, who: str) -> None:
    assert who in {f["subjects"] for f in facts_of(text, "monitors")}


def test_a_vendors_customers_are_not_watched(facts_of) -> None:
    text = "WorkLens took WorkLens Monitor offline on Monday, and has switched it back on for customers."
    assert "customers" not in {f["subjects"] for f in facts_of(text, "monitors")}


def test_a_quantity_word_is_no_part_of_the_group_watched(facts_of) -> None:
    text = "Tarn Freight launched LaneWatch in May. LaneWatch recorded the location of many drivers and logged their speed."
    assert {f["subjects"] for f in facts_of(text, "monitors")} == {"drivers"}


def test_members_of_staff_and_how_long_staff(facts_of) -> None:
    text = (
        "Orrin Bank introduced Lantern in May. Lantern monitored computer activity and compiled "
        "a daily report on each member of staff. It logged desk time and screen activity, "
        "showing for how long staff were at their desks."
    )
    subjects = {f["subjects"] for f in facts_of(text, "monitors")}
    assert subjects and all(s in ("members of staff", "staff") for s in subjects), subjects


def test_the_people_whose_data_a_list_ends_on_are_watched(facts_of) -> None:
    text = (
        "Orlatech launched Project Mirror in May. Under the programme, Orlatech recorded the "
        "screens, keystrokes and mouse movements of software developers working on client "
        "projects."
    )
    subjects = {f["subjects"] for f in facts_of(text, "monitors")}
    data = {f["data"] for f in facts_of(text, "collects")}
    assert subjects == {"software developers"}, subjects
    assert {"keystrokes", "mouse movements"} <= data and not any("develop" in d for d in data)


def test_a_members_body_described_as_a_network_is_no_program(facts_of) -> None:
    text = (
        "Lingwell runs Echo, a keystroke logger. Last week the Freelance Linguists Collective, "
        "an informal network of independent translators, launched a petition against Echo."
    )
    progs = {f["program"] for f in facts_of(text) if "program" in f}
    assert "Freelance Linguists Collective" not in progs, progs


@pytest.mark.parametrize(
    "text, who",
    [
        (
            "London law firm Ashcombe Lyle LLP dropped a keystroke-logging pilot for its "
            "trainee solicitors last year after complaints.",
            "trainee solicitors",
        ),
        (
            "Calder Freight has paused TrackPal for its drivers after the union objected. "
            "TrackPal logged GPS location.",
            "drivers",
        ),
    ],
)
def test_whom_a_stopped_program_was_for(facts_of, text: str, who: str) -> None:
    got = {f["subjects"] for f in facts_of(text, "monitors")}
    assert got == {who}, got
