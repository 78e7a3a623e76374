"""``exposure``: data leaked, exposed or accessible; negated statements are not exposures."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Meta discovered the collected data had been left potentially accessible to anyone inside the company.",
        "A configuration error at Hennes & Mauritz made the files accessible to everyone in the company.",
        "Hackers stole customer data from Uber's servers in a breach last year.",
    ],
)
def test_exposure(facts_of, text: str) -> None:
    facts = facts_of(text, "exposure")
    assert len(facts) == 1 and facts[0]["description"]


def test_one_exposure_per_organization(facts_of) -> None:
    text = (
        "Meta found the data had been left accessible to anyone inside the company. "
        "When that data was found to be accessible company-wide, staff were angry."
    )
    assert [f["organization"] for f in facts_of(text, "exposure")] == ["Meta"]


@pytest.mark.parametrize(
    "text",
    [
        "Meta said: we have no indication that any data was improperly accessed by employees.",
        "The regulator found that Clearview had breached the UK General Data Protection Regulation.",
        "The company said its systems were secure and no data had been exposed.",
        # figurative exposure; the police who seized stolen data exposed nothing
        "China has balked on terms that would leave it exposed to accusations that it "
        "favours American products.",
        "Authorities at the Baldwin County Sheriff's office seized 39 stolen debit card "
        "numbers with PINs and other personal information.",
        # a flaw that crashes servers exposes no data
        "A vulnerability in Minecraft makes it easy for anyone to crash the server hosting "
        "the game, according to a programmer.",
    ],
)
def test_not_exposure(facts_of, text: str) -> None:
    assert facts_of(text, "exposure") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hearth Homecare said location histories were visible to office staff at all 14 "
        "of its branches.",
        "Clips flagged by the tool were stored in a shared folder that any team leader at "
        "the centre could open, Hearth Homecare said.",
        "Hearth Homecare admitted the reports had been accessible to any manager with a login.",
    ],
)
def test_internal_over_exposure(facts_of, text: str) -> None:
    orgs = {f["organization"] for f in facts_of(text, "exposure")}
    assert orgs == {"Hearth Homecare"}, orgs


def test_access_limited_to_the_worker_is_no_exposure(facts_of) -> None:
    text = "Hearth Homecare said the reports were visible only to the carer who made them."
    assert facts_of(text, "exposure") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Halvern Bank uses a tool called StaffSense. Hackers stole screenshots of staff "
            "computers from StaffSense's servers in March.",
            "Halvern Bank",
        ),
        (
            "Halvern Bank uses a tool called StaffSense. A misconfigured storage bucket "
            "belonging to Sentrial, the vendor, exposed the profiles of 7,900 employees.",
            "Sentrial",
        ),
        (
            "Halvern Bank uses a tool called StaffSense. Halvern Bank said a security flaw had "
            "allowed outsiders to view workers' location histories.",
            "Halvern Bank",
        ),
    ],
)
def test_who_was_exposed(facts_of, text: str, org: str) -> None:
    assert [f["organization"] for f in facts_of(text, "exposure")] == [org]


@pytest.mark.parametrize(
    "text",
    [
        "Harlow Freight runs DriveEye. A spreadsheet of drivers' scores was saved to a shared "
        "drive that about 400 depot staff could open.",
        "Harlow Freight runs DriveEye. Clips of drivers, with names attached, were sent to an "
        "email list that included outside contractors.",
        "Harlow Freight runs DriveEye. A screenshot of the DriveEye leaderboard was posted to a "
        "forum for lorry drivers.",
    ],
)
def test_data_shown_beyond_those_who_should_see_it(facts_of, text: str) -> None:
    assert [f["organization"] for f in facts_of(text, "exposure")] == ["Harlow Freight"]


def test_a_report_posted_on_the_companys_own_site_is_no_exposure(facts_of) -> None:
    text = "Harlow Freight runs DriveEye. Harlow posted its annual safety report on Monday."
    assert facts_of(text, "exposure") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Tarrow Haulage fits its cabs with Dozewatch bands from Kelpie Labs. A researcher "
            "found a Kelpie Labs server, left open to the internet without a password, holding "
            "900,000 readings.",
            "Kelpie Labs",
        ),
        (
            "Merrow Analytics, a Leeds firm that sells screen-capture software, left a storage "
            "bucket open to the internet for a month.",
            "Merrow Analytics",
        ),
        (
            "Tarrow Haulage runs Dozewatch. About 800 clips sat on a server that could be "
            "reached by staff at its partner depots.",
            "Tarrow Haulage",
        ),
    ],
)
def test_left_open(facts_of, text: str, org: str) -> None:
    assert [f["organization"] for f in facts_of(text, "exposure")] == [org]


@pytest.mark.parametrize(
    "text",
    [
        # what a system looks for is no leak
        "Tarrow Haulage runs Dozewatch. The software scans messages for words linked to leaks "
        "of customer information.",
        'Tarrow Haulage runs Dozewatch. Each driver gets a "leak risk" score every week.',
        # a denial
        'Tarrow Haulage runs Dozewatch. Its chief executive said "no names were exposed" when '
        "the files were copied.",
    ],
)
def test_not_an_exposure_event(facts_of, text: str) -> None:
    assert facts_of(text, "exposure") == []


def test_viewable_online_without_a_password(facts_of) -> None:
    text = (
        "Dunmore Borough Council admitted that clips from its parking cameras had been "
        "viewable online without a password for weeks."
    )
    assert [f["organization"] for f in facts_of(text, "exposure")] == ["Dunmore Borough Council"]


def test_a_report_published_online_is_no_exposure(facts_of) -> None:
    text = "Dunmore Borough Council runs cameras. Its annual report is visible online."
    assert facts_of(text, "exposure") == []


def test_a_public_programs_leak_is_its_runners_not_the_vendors(facts_of) -> None:
    text = (
        "Addresses of 40,000 tenants enrolled in the Kerala government's Housing Support "
        "Registry were left open on an unsecured server, a researcher found. Its vendor, "
        "Sutra Infotech Pvt Ltd, which employs 900 people, said it was investigating. Sutra "
        "Infotech said the server was secured."
    )
    assert [f["organization"] for f in facts_of(text, "exposure")] == ["Kerala government"]


def test_breaching_a_law_exposes_no_data(facts_of) -> None:
    text = (
        "In Kenya, where Tallis runs two call centres, the complaint argues that the webcam "
        "snapshots and the break logs breach the Data Protection Act of 2019."
    )
    assert facts_of(text, "exposure") == []
