"""``status``: launched / paused / resumed / cancelled, active and passive, with dates."""

from __future__ import annotations

import pytest

PROGRAM = "Meta runs the “Model Capability Initiative”, a program that tracks keystrokes. "


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Meta halted the program on Monday.", "paused"),
        ("Meta has paused the program.", "paused"),
        ("The program was suspended last week.", "paused"),
        ("Meta scrapped the program after an outcry.", "cancelled"),
        ("The company shelved the initiative in March.", "cancelled"),
        ("Meta stopped using the program.", "cancelled"),
        ("The program launched two months ago.", "launched"),
        ("Meta rolled out the program in October.", "launched"),
        ("Meta resumed the program on Tuesday.", "resumed"),
        ("Meta has put the program on hold.", "paused"),
        ("The program went live in September.", "launched"),
    ],
)
def test_status(facts_of, sentence: str, action: str) -> None:
    facts = facts_of(PROGRAM + sentence, "status")
    assert (("Model Capability Initiative", action)) in {
        (f["program"], f["action"]) for f in facts
    }, facts


def test_date_resolved(facts_of) -> None:
    facts = facts_of(
        PROGRAM + "Meta halted the program on Monday.",
        "status",
        published="2026-11-25T10:00:00+00:00",
    )
    assert facts[0]["date"] == "2026-11-23"


@pytest.mark.parametrize(
    "sentence",
    [
        "Meta has not paused the program.",
        "Workers signed a petition demanding the program be cancelled.",
        "Meta could suspend the program if staff object.",
        "Staff have asked Meta to scrap the program.",
    ],
)
def test_not_a_status_change(facts_of, sentence: str) -> None:
    assert facts_of(PROGRAM + sentence, "status") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tordera Foods made staff clock in with their fingerprints. Tordera Foods scrapped "
        "the fingerprint system in March.",
        "Staff clocked in on a biometric system. Tordera Foods scrapped the biometric "
        "system in March after staff complained.",
    ],
)
def test_described_biometric_system_is_a_program(facts_of, text: str) -> None:
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert any(a == "cancelled" and ("fingerprint" in p or "biometric" in p) for p, a in got), got


def test_card_reader_without_surveillance_word_is_no_program(facts_of) -> None:
    text = "Tordera Foods replaced the card readers at its doors in March."
    assert facts_of(text, "status") == []


@pytest.mark.parametrize(
    ("text", "action"),
    [
        (
            "Aldermoor Bank runs FlowMetrics. The bank said Tuesday that it had suspended the "
            "use of FlowMetrics with immediate effect.",
            "paused",
        ),
        (
            "Hearthly sells Presence Detection. Hearthly disabled Presence Detection for all "
            "customers last Thursday, the company said.",
            "paused",
        ),
    ],
)
def test_status_of_a_program_named_through_its_use(facts_of, text: str, action: str) -> None:
    assert action in {f["action"] for f in facts_of(text, "status")}


def test_hoped_for_restart_is_not_a_resumption(facts_of) -> None:
    text = (
        "Lumora paused Project Tessellate in October. Brandvold's memo said the company "
        "hoped to restart the program in the new year on an opt-in basis."
    )
    assert {f["action"] for f in facts_of(text, "status")} == {"paused"}


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Halvern Bank has pulled the plug on StaffSense.", "cancelled"),
        ("Halvern Bank will no longer use StaffSense.", "cancelled"),
        ("StaffSense has been put on ice while a review takes place.", "paused"),
        ("The bank quietly brought StaffSense back in May.", "resumed"),
    ],
)
def test_idioms(facts_of, sentence: str, action: str) -> None:
    text = "Halvern Bank uses a tool called StaffSense. " + sentence
    assert [f["action"] for f in facts_of(text, "status")] == [action]


@pytest.mark.parametrize(
    ("text", "program", "action"),
    [
        (
            "WeWork employees waited weeks after the company abandoned plans for an IPO.",
            "IPO",
            "cancelled",
        ),
        (
            "In September WeWork called off its initial public offering.",
            "initial public offering",
            "cancelled",
        ),
        ("The union suspended the strike on Monday.", "strike", "paused"),
    ],
)
def test_a_corporate_undertaking_that_stops_names_itself(
    facts_of, text: str, program: str, action: str
) -> None:
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert (program, action) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Several City lenders dropped similar trials in the late 2010s.",
        "WeWork plans an IPO next year.",
        "The company launched a takeover bid for its rival.",
    ],
)
def test_no_undertaking_status(facts_of, text: str) -> None:
    assert facts_of(text, "status") == []


@pytest.mark.parametrize(
    ("text", "action", "date"),
    [
        (
            "In Ireland, Fenwick College has quietly dropped TestGuard, the remote-exam "
            "software it had used since 2023, and will hold exams in person.",
            "launched",
            "2023",
        ),
        (
            "Fenwick School District uses ClassEye, a monitoring tool. The district switched "
            "the software on for all pupils in September 2025.",
            "launched",
            "2025-09",
        ),
        # a trial run since a date began then, whatever the program is called by
        (
            "In Vellmoor, a town that had been piloting a Cartwell module called Staffmatch "
            "since March 2024, officials paused the trial on Monday.",
            "launched",
            "2024-03",
        ),
    ],
)
def test_in_use_since_and_switched_on(facts_of, text: str, action: str, date: str) -> None:
    found = {(f["action"], f.get("date")) for f in facts_of(text, "status")}
    assert (action, date) in found, found


def test_a_since_date_is_not_when_a_program_was_dropped(facts_of) -> None:
    text = (
        "In Ireland, Fenwick College has quietly dropped TestGuard, the remote-exam "
        "software it had used since 2023, and will hold exams in person."
    )
    dropped = [f for f in facts_of(text, "status") if f["action"] == "cancelled"]
    assert dropped and all(f.get("date") != "2023" for f in dropped), dropped


def test_switched_back_on_is_resumed(facts_of) -> None:
    text = (
        "Elmwood Care runs a badge system called WardWatch. It was paused in May after "
        "complaints. The system was switched back on at both wards on Monday."
    )
    actions = [f["action"] for f in facts_of(text, "status")]
    assert actions == ["paused", "resumed"], actions


@pytest.mark.parametrize(
    ("text", "program"),
    [
        # the name beside a generic noun is the program the verb ends
        (
            "Harrowgate College runs Attend, a wifi attendance system. Nearby Felling Institute "
            "quietly scrapped a similar trial, RollCall, in 2022 after a term.",
            "RollCall",
        ),
        # a contract left to lapse ends the product it was for
        (
            "Ashby Schools runs Sentinel, a web filter. Neighbouring Corley Schools let its "
            "contract for a rival filtering product, NetMinder, lapse in July.",
            "NetMinder",
        ),
    ],
)
def test_what_a_second_body_ended(facts_of, text: str, program: str) -> None:
    ended = {f["program"] for f in facts_of(text, "status") if f["action"] == "cancelled"}
    assert ended == {program}, ended


def test_a_description_holding_a_name_is_that_program(facts_of) -> None:
    text = (
        "Pickmore Logistics tracks staff with a tool called PickBand. Rival Westmarch Retail "
        "paused its own Pace Monitor system, which logged pickers' rates, in March."
    )
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert got == {("Pace Monitor", "paused")}


@pytest.mark.parametrize(
    "text",
    [
        "Kerala's labour department ruled out withdrawing Hajar, the attendance application "
        "it made mandatory for staff last year.",
        "Brisco refused to suspend its TimeGuard software despite the walkout.",
        "The council declined to scrap ParkWatch, the number-plate scheme it runs.",
    ],
)
def test_what_was_refused_did_not_happen(facts_of, text: str) -> None:
    assert [f for f in facts_of(text, "status") if f["action"] != "launched"] == []


def test_a_name_described_as_an_application_is_a_program(nlp) -> None:
    text = (
        "Kerala's labour department defended Hajar, the attendance application it made "
        "mandatory for staff in March."
    )
    with nlp.select_pipes(disable=[nlp.pipe_names[-1]]):
        doc = nlp(text)
    assert "Hajar" in {p.name for p in doc._.programs}


def test_a_named_trial_and_a_capitalised_common_word(facts_of) -> None:
    text = (
        "Smoke sensors are back on in the toilets of 9 Perth schools. The Ashlea school "
        "network halted its smoke sensor trial in March after parents complained. Ashlea "
        "Schools Group restarted the AirWarden trial last Thursday."
    )
    facts = facts_of(text, "status")
    assert {f["program"] for f in facts} == {"AirWarden"}, facts


@pytest.mark.parametrize(
    "text",
    [
        "Brisk Learning runs the HomeHub app. Brisk took HomeHub offline for all schools on Monday.",
        "Brisk Learning runs the HomeHub app. Brisk took the app offline on Monday.",
    ],
)
def test_taken_offline_is_paused(facts_of, text: str) -> None:
    facts = facts_of(text, "status")
    assert [(f["program"], f["action"]) for f in facts] == [("HomeHub", "paused")], facts


def test_the_registry_refers_back_to_its_named_program(facts_of) -> None:
    text = (
        "Files from Kerala's Fisher Family Registry (FFR) turned up on a public server. "
        "The registry was set up in 2019 by the fisheries department to track who "
        "qualifies for 12 State relief schemes."
    )
    facts = facts_of(text)
    status = [(f["program"], f["action"], f.get("date")) for f in facts if f["type"] == "status"]
    assert status == [("Fisher Family Registry", "launched", "2019")], status
    programs = {f.get("program") for f in facts} - {None}
    assert programs == {"Fisher Family Registry"}, programs  # "12 State" is a count of schemes


@pytest.mark.parametrize(
    "sentence",
    [
        '"Nobody will switch the cameras back on until the audit is done," she said.',
        "No one has restarted the cameras since the audit.",
    ],
)
def test_nobody_resuming_it_is_no_resumption(facts_of, sentence: str) -> None:
    text = "The city suspended its StreetEye cameras on Tuesday. " + sentence
    actions = {f["action"] for f in facts_of(text, "status")}
    assert actions == {"paused"}, actions


def test_a_pause_beside_a_refusal_and_a_lens_switched_back_on(facts_of) -> None:
    text = (
        "Haulwise began fitting RoadLens cameras across its fleet in 2020. Drivers asked it "
        "to switch the inward lens off. Haulwise did not agree, though in May 2023 it quietly "
        "disabled the inward-facing lens on trucks based in Ohio. That pause did not last: "
        "the company switched RoadLens back on in early 2024."
    )
    facts = {(f["program"], f["action"], f.get("date")) for f in facts_of(text, "status")}
    assert facts == {
        ("RoadLens", "launched", "2020"),
        ("RoadLens", "paused", "2023-05"),
        ("RoadLens", "resumed", "2024"),
    }, facts


@pytest.mark.parametrize(
    "text",
    [
        "Plexo runs the TrackCab app. Drivers are not on the clock when they switch the app "
        "off, the union said.",
        "Plexo runs the TrackCab app. Plexo has not said when the app will resume.",
    ],
)
def test_a_clause_under_a_negation_is_no_event(facts_of, text: str) -> None:
    assert facts_of(text, "status") == [], facts_of(text, "status")


def test_launches_told_by_a_second_verb_and_by_since(facts_of) -> None:
    text = (
        "At the centre of the case is Tally, a scheduling platform that Orrin Care built "
        "in-house and rolled out across its homes in 2022. Since March, Veltro has been "
        "recording every sales call its staff make under a program called Project Echo."
    )
    facts = {(f["program"], f["action"], f.get("date")) for f in facts_of(text, "status")}
    assert facts == {("Tally", "launched", "2022"), ("Project Echo", "launched", "2023-03")}, facts


def test_a_programs_function_switched_off_and_back_on(facts_of) -> None:
    text = (
        "Harbour Gate runs GateKey, a biometric access system, at its terminals. It suspended "
        "the facial recognition function at its gantries on July 3, 2023. The function was "
        "reinstated on Oct 20, 2023."
    )
    facts = {(f["program"], f["action"], f.get("date")) for f in facts_of(text, "status")}
    assert facts == {("GateKey", "paused", "2023-07-03"), ("GateKey", "resumed", "2023-10-20")}, (
        facts
    )


def test_a_rivals_own_unnamed_pilot_is_its_own_program(facts_of) -> None:
    text = (
        "Call centre operator Lindiwe Contact Solutions rolled out the VoxGrade system in "
        "2024. VoxGrade scores agents' voices. Rival Kumbula BPO paused its own emotion "
        "analytics pilot in June after agents complained."
    )
    facts = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert facts == {("VoxGrade", "launched"), ("emotion analytics pilot", "paused")}, facts


def test_put_on_hold_before_its_object_despite_the_parse(facts_of) -> None:
    text = (
        "Pune-based software major Zentrix Systems has put on hold its contested AI "
        "programme ‘Project Darpan’, days after screen recordings leaked online."
    )
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert got == {("Project Darpan", "paused")}, got


@pytest.mark.parametrize("name", ["Hermes", "Juno"])
def test_a_project_is_named_without_the_word_project_later(facts_of, name: str) -> None:
    text = (
        "AMSTERDAM, Oct 29 (Tidewire) - Dutch payments company Velder Payments NV said on "
        "Thursday it had resumed a programme that trains AI agents on employees' emails. The "
        f"programme, known internally as Project {name}, was restarted on Wednesday under an "
        f"agreement with the works council. Velder launched {name} in May. It fed eight years "
        "of staff email archives into models."
    )
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert (f"Project {name}", "launched") in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Portugal's Banco Alvor scrapped a pilot of GlanceDesk, a camera-based system that "
            "read tellers' faces, in March.",
            ("GlanceDesk", "cancelled"),
        ),
        (
            "The complaint also targeted ShiftLens, a smartphone app Tallow launched in 2021 "
            "that lets employers clock in field workers remotely.",
            ("ShiftLens", "launched"),
        ),
    ],
)
def test_a_pilot_of_x_and_an_app_someone_launched(facts_of, text: str, expected: tuple) -> None:
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert expected in got, got


def test_a_described_program_is_paused(facts_of) -> None:
    text = "Orrin Bank has suspended its review of employee Teams messages, a spokesman said."
    acts = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert ("review of employee Teams messages", "paused") in acts, acts


@pytest.mark.parametrize(
    ("text", "action"),
    [
        (
            "Trello Freight launched LaneCam in 2024. Trello Freight has pulled the plug on LaneCam, at least for now.",
            "paused",
        ),
        (
            "Trello Freight launched LaneCam in 2024. Trello Freight temporarily scrapped LaneCam in May.",
            "paused",
        ),
        (
            "Trello Freight launched LaneCam in 2024. Trello Freight switched part of LaneCam back on in May.",
            "resumed",
        ),
    ],
)
def test_a_temporary_end_and_a_part_switched_back_on(facts_of, text: str, action: str) -> None:
    acts = {f["action"] for f in facts_of(text, "status") if f["program"] == "LaneCam"}
    assert action in acts and (action != "paused" or "cancelled" not in acts), acts


@pytest.mark.parametrize(
    ("text", "program", "action"),
    [
        (
            "Corvel runs the Sentio system. Corvel switched on Sentio in October 2024.",
            "Sentio",
            "launched",
        ),
        (
            "Vantara runs the WorkPulse system. In 2022 the company scrapped FaceIn, a "
            "facial-recognition attendance app that scanned employees' faces, after staff "
            "complained.",
            "FaceIn",
            "cancelled",
        ),
    ],
)
def test_a_status_the_parse_left_without_an_object(
    facts_of, text: str, program: str, action: str
) -> None:
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert (program, action) in got, got


def test_a_relative_clause_on_what_a_program_is_dates_its_launch(facts_of) -> None:
    text = (
        'Cara Segura ("Safe Face") is a facial-recognition check that Rapidô introduced in '
        "February 2024. Rapidô suspended Cara Segura on Monday."
    )
    got = {(f["program"], f["action"], f.get("date")) for f in facts_of(text, "status")}
    assert ("Cara Segura", "launched", "2024-02") in got, got


def test_a_roundup_item_without_a_name_keeps_its_own_program(facts_of) -> None:
    text = (
        "Banking\n\n"
        "Harbour Mutual has scrapped DeskLens, the monitoring software it had been piloting on "
        "home-based staff. The tool logged keystrokes and took screenshots.\n\n"
        "Health\n\n"
        "The Eastern Ranges Health District has paused the use of location badges for nurses "
        "at Kinross Hospital. The badges logged where each nurse was on the ward."
    )
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert ("location badges", "paused") in got, got
    assert ("DeskLens", "paused") not in got, got


def test_a_name_before_analytics_or_wristbands_is_a_program(facts_of) -> None:
    text = (
        "Kestrel Mobile switched its VoiceGrade analytics back on at its contact centres on "
        "Monday, three months after putting it on hold. Separately, Tarn Freight has "
        "suspended its PaceBand wristbands at its Leeds depot."
    )
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert {("VoiceGrade", "resumed"), ("PaceBand", "paused")} <= got, got


def test_something_called_x_is_the_program_the_verb_acts_on(facts_of) -> None:
    text = (
        "Harlow Mobile brought in something called CallPulse last year. CallPulse listens to "
        "every call and scores the agent's tone."
    )
    got = {(f["program"], f["action"]) for f in facts_of(text, "status")}
    assert got == {("CallPulse", "launched")}, got


def test_the_noun_a_programs_name_ends_in_is_that_program(facts_of) -> None:
    # "the dashboard" is the Wellbeing Dashboard, not the keystroke logger named since
    text = (
        "The Baltic Grid Agency built an internal tool it called the Wellbeing Dashboard. "
        "A separate program, KeyCount, fed it hourly keystroke counts. "
        "The agency scrapped the dashboard in January."
    )
    stopped = {f["program"] for f in facts_of(text, "status") if f["action"] == "cancelled"}
    assert stopped == {"Wellbeing Dashboard"}, stopped


def test_a_status_verb_in_a_phrase_of_its_own_is_no_status(facts_of) -> None:
    text = (
        "RouteWise is supplied by Telemark Fleet Systems. Halden Parcel has rolled out "
        "RouteWise to score its drivers. It also pulls in data from the drivers\u2019 handheld "
        "delivery devices, including parcels scanned per hour, minutes spent at each stop "
        "and any detour from the planned route."
    )
    actions = {f["action"] for f in facts_of(text, "status")}
    assert "cancelled" not in actions, actions


@pytest.mark.parametrize(
    "demand",
    [
        "On Monday the union issued a 14-day ultimatum to the company to suspend the programme.",
        "The union gave the company an ultimatum to suspend the programme within 14 days.",
    ],
)
def test_an_ultimatum_to_suspend_is_no_pause(facts_of, demand: str) -> None:
    text = f"Okomu Energy introduced the wristbands, branded ShiftBand, in 2024. {demand}"
    actions = {f["action"] for f in facts_of(text, "status")}
    assert "paused" not in actions, actions
