"""``spend``: money an organization spends; revenue, profit, raised funds are not spend."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "org", "amount"),
    [
        ("Meta spends $145 billion on AI this year.", "Meta", 145000000000),
        ("Microsoft will invest $10bn in OpenAI.", "Microsoft", 10000000000),
        ("SoftBank agreed to pay $3 billion for the shares.", "SoftBank", 3000000000),
        ("Barclays is spending £50m on new software.", "Barclays", 50000000),
    ],
)
def test_spend(facts_of, text: str, org: str, amount: int) -> None:
    facts = facts_of(text, "spend")
    assert [(f["organization"], f["amount"]) for f in facts] == [(org, amount)]


def test_purpose_and_currency(facts_of) -> None:
    f = facts_of("Meta spends $145bn on AI this year.", "spend")[0]
    assert (
        f["currency"] == "USD" and f["purpose"] == "AI this year" or f["purpose"].startswith("AI")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Alphabet reported revenue of $110.9bn last year.",
        "Barclays reported a pre-tax profit of £4.4bn for 2019.",
        "Clearview raised $30m from investors last year.",
        "The company had sales of €1.135bn in 2021.",
        "Its shares are valued at $45bn.",
        "Meta has not spent $5bn on the project.",
    ],
)
def test_not_spend(facts_of, text: str) -> None:
    assert facts_of(text, "spend") == []


def test_repeated_amount_is_one_fact(facts_of) -> None:
    text = "Meta spends $145 billion on AI this year. The company is spending up to $145bn on AI."
    assert len(facts_of(text, "spend")) == 1


def test_signer_of_a_contract_pays(facts_of) -> None:
    text = "Northfield State University uses the tool. The university had signed a $1.4 million contract for the software in 2024."
    facts = facts_of(text, "spend")
    assert [(f["organization"], f["amount"]) for f in facts] == [
        ("Northfield State University", 1400000)
    ]


def test_regulator_budget_is_not_spend(facts_of) -> None:
    text = (
        "Harlow Freight was fined by the Dutch Data Protection Authority. The Dutch regulator "
        "has long complained that its budget of about 40 million euros a year is too small."
    )
    assert facts_of(text, "spend") == []


@pytest.mark.parametrize(
    "text",
    [
        # the small model tags the invented company GPE; "X said it" shows it is a company
        "Harjit Sandhu drove for Roamly for three years. Mr Sandhu was locked out. "
        "Roamly said it had invested A$6 million in safety features this year.",
        "Dana Whitley works for Orvane. Orvane, a Leeds-based software company, said it "
        "had spent £2.5m on the tool.",
    ],
)
def test_company_found_from_the_text_not_ner(facts_of, text: str) -> None:
    org = "Roamly" if "Roamly" in text else "Orvane"
    assert [f["organization"] for f in facts_of(text, "spend")] == [org]


def test_spend_verb_over_the_amount_outweighs_revenue_nearby(facts_of) -> None:
    text = (
        "Halvern Bank uses a tool called StaffSense. Halvern Bank reported revenue of $4bn "
        "and spent $20m on the system."
    )
    assert [(f["organization"], f["amount"]) for f in facts_of(text, "spend")] == [
        ("Halvern Bank", 20000000)
    ]


def test_agreeing_to_pay_a_settlement_is_not_spend(facts_of) -> None:
    text = (
        "Northgate Bank has agreed to pay $4.6 million to settle a class action by call-center "
        "employees."
    )
    assert facts_of(text, "spend") == []


def test_the_possessor_of_an_acquisition_pays_not_what_it_buys(facts_of) -> None:
    text = (
        "WhatsApp has two billion users. Mark Zuckerberg, Facebook's chief executive, is the "
        "man behind Facebook's $19 billion acquisition of WhatsApp."
    )
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert got == {("Facebook", 19000000000)}


@pytest.mark.parametrize(
    "text",
    [
        # unit prices are not outlays
        "Whole Foods said fishermen are typically paid between $5 and $6 a pound for halibut.",
        "Gannett said it would pay $13 a share for the newspaper group.",
        # a person's purchase is not an organisation's spending
        "Mazher Chishty, a consultant, paid the almost £6,000 price tag for the software. "
        "Tesla refused to refund Mr Chishty.",
    ],
)
def test_prices_and_private_purchases_are_not_spend(facts_of, text: str) -> None:
    assert facts_of(text, "spend") == []


def test_what_something_cost_the_state(facts_of) -> None:
    text = (
        "South Dakota launched an anti-meth campaign. Google said on Monday that it had "
        "removed the advertisements. The campaign cost the state roughly $449,000."
    )
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert got == {("South Dakota", 449000)}


def test_paying_a_vendor_described_in_a_relative_clause(facts_of) -> None:
    text = (
        "Harlow Freight has fitted DriveEye cameras to its lorries. Harlow is paying Optic "
        "Labs, the Leeds startup that makes the cameras, $12 million over three years."
    )
    found = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert ("Harlow", 12000000) in found or ("Harlow Freight", 12000000) in found, found


def test_a_contract_the_story_says_goes_on_is_spending(facts_of) -> None:
    text = (
        "The Fenwick School District paused its monitoring software on Monday. The pause "
        "does not end the district's two-year, $240,000 contract with Optic Labs."
    )
    found = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert ("Fenwick School District", 240000) in found, found


def test_a_contract_never_signed_is_not_spending(facts_of) -> None:
    text = "Fenwick School District never signed the $240,000 contract with Optic Labs."
    assert facts_of(text, "spend") == []


@pytest.mark.parametrize(
    ("text", "org", "amount"),
    [
        (
            "Halden Homes has been owned since 2021 by Marrow Capital, a Dublin investment "
            "firm that paid £80 million for it.",
            "Marrow Capital",
            80_000_000,
        ),
        (
            "Records show that Tessaly Insurance Ltd agreed a two-year contract with Vantix "
            "worth €1.4 million last year.",
            "Tessaly Insurance Ltd",
            1_400_000,
        ),
        (
            "Tessaly Insurance Ltd uses ClaimLens. Tessaly Insurance Ltd says the tool is "
            "fair. Vantix's contract with Tessaly Insurance Ltd, worth about $2 million a "
            "year, remains in place.",
            "Tessaly Insurance Ltd",
            2_000_000,
        ),
    ],
)
def test_who_pays_in_relative_clauses_and_contracts(
    facts_of, text: str, org: str, amount: int
) -> None:
    pairs = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert (org, amount) in pairs, pairs


def test_worth_alone_is_a_valuation(facts_of) -> None:
    assert facts_of("Vantix Ltd is now worth $4bn, its founder said.", "spend") == []


@pytest.mark.parametrize(
    ("text", "org", "amount"),
    [
        # the agent of a passive purchase pays, not its subject nor the story's company
        (
            "Tamsin Freight runs depots in Kent. Tamsin, which was bought by the investment "
            "firm Oakvale Partners for £210m in 2021, employs 3,000 people.",
            "Oakvale Partners",
            210000000,
        ),
        ("Brisk Pay was acquired by Lanthorn for $2.4bn last spring.", "Lanthorn", 2400000000),
        ("In May Corvel completed its $900m takeover of Nettlebed.", "Corvel", 900000000),
    ],
)
def test_who_pays_for_a_takeover(facts_of, text: str, org: str, amount: int) -> None:
    facts = facts_of(text, "spend")
    assert [(f["organization"], f["amount"]) for f in facts] == [(org, amount)]


def test_a_purchase_with_no_buyer_named_is_no_spend(facts_of) -> None:
    text = "Tamsin Freight runs depots in Kent. Its rival Brisk Pay was bought for $40m in 2020."
    assert facts_of(text, "spend") == []


def test_the_company_is_the_subject_before_not_its_owner(facts_of) -> None:
    text = (
        "Tamsin Freight tracks its call centre staff with software called DeskPulse. Tamsin, "
        "which was bought by the investment firm Oakvale Partners in 2021, employs 3,000 "
        "people. The company pays Wexley Soft about £150,000 a year for DeskPulse."
    )
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert got == {("Tamsin Freight", 150000)}


def test_the_firm_a_relative_clause_describes_not_the_town_it_is_based_in(facts_of) -> None:
    text = (
        "Lumora Labs makes the cameras. Vertel Biometria S.A., a company based in Campinas, "
        "which signed a R$ 12 million contract in 2023, supplies the software."
    )
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert got == {("Vertel Biometria S.A", 12000000)}


@pytest.mark.parametrize(
    ("text", "payer"),
    [
        (
            "Fallow County bought cameras for its schools, using a $250,000 school safety "
            "grant from the Pennsylvania Commission on Crime and Delinquency.",
            "Pennsylvania Commission on Crime and Delinquency",
        ),
        (
            "The library paid for the scanners with a £40,000 grant from the Weald Heritage Trust.",
            "Weald Heritage Trust",
        ),
    ],
)
def test_a_grant_is_spent_by_whoever_gives_it(facts_of, text: str, payer: str) -> None:
    facts = facts_of(text, "spend")
    assert [f["organization"] for f in facts] == [payer], facts


def test_the_district_of_a_school_story_is_its_school_district(facts_of) -> None:
    text = (
        "The Brenton Falls School Board voted on Monday to keep the cameras at its two high "
        "schools. The district paid $212,000 for the system, a spokeswoman said."
    )
    facts = facts_of(text, "spend")
    assert [f["organization"] for f in facts] == ["Brenton Falls School District"], facts


def test_the_district_attorney_is_no_school_district(facts_of) -> None:
    text = (
        "The Brenton Falls School Board met on Monday about its schools. The district "
        "attorney's office paid $212,000 for the cameras."
    )
    facts = facts_of(text, "spend")
    assert all(f["organization"] != "Brenton Falls School District" for f in facts), facts


def test_the_buyer_the_next_sentence_names(facts_of) -> None:
    text = (
        "Corvane Inc. reported results on Wednesday. Its shares rose. Analysts were pleased. "
        "The results came with news of an acquisition: Pellory, a Toronto startup that "
        "builds chat tools, in a deal worth about $60m in cash and stock, people familiar "
        "with the terms said. Corvane expects the purchase to close in March."
    )
    facts = facts_of(text, "spend")
    assert [(f["organization"], f["amount"], f["currency"]) for f in facts] == [
        ("Corvane Inc", 60000000, "USD")
    ], facts


def test_a_contract_with_the_supplier_is_paid_by_the_one_that_signed_it(facts_of) -> None:
    text = (
        "The Harbour Transit Agency runs the TrackLine cameras. The agency signed a "
        "$4.2 million contract with Veltro Systems in 2023 to supply, install and maintain "
        "the cameras. Veltro Systems supplies cameras to six cities. Veltro Systems said "
        "it was cooperating."
    )
    facts = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert facts == {("Harbour Transit Agency", 4200000)}, facts


def test_the_payee_never_pays(facts_of) -> None:
    text = (
        "The town of Alder Creek runs the plate readers. It has paid Nortec Vision $418,000 "
        "since signing its contract in 2023."
    )
    assert all(f["organization"] != "Nortec Vision" for f in facts_of(text, "spend"))


def test_money_set_aside_is_spend(facts_of) -> None:
    text = "Pellmark Ltd launched Foundry in May, and the firm has set aside $4.5m to pay the staff who take part."
    amounts = {(f["amount"], f["currency"]) for f in facts_of(text, "spend")}
    assert (4500000, "USD") in amounts, amounts


def test_its_accounts_show_it_spent_is_the_owners_spend(facts_of) -> None:
    text = (
        "Corrib Contact Ltd runs call centres in Galway. Its annual accounts, lodged with the "
        "Companies Registration Office in March, show it spent €800,000 on call analytics "
        "software."
    )
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert got == {("Corrib Contact Ltd", 800000)}, got


def test_its_after_a_run_of_it_is_the_subjects_not_the_last_named(facts_of) -> None:
    text = (
        "Corrib Contact Ltd runs call centres. It employs 900 people and handles calls for "
        "insurers and at least one State agency. Its accounts show it spent €2.4 million on "
        "analytics software in 2024."
    )
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert got == {("Corrib Contact Ltd", 2400000)}, got


def test_what_a_correction_takes_back_is_no_spend(facts_of) -> None:
    text = (
        "Kgotso Platinum has spent R21 million on SafeShift, a fatigue wristband.\n\n"
        "CORRECTION: An earlier version of this article said Kgotso had spent R12 million on "
        "SafeShift. The correct figure is R21 million."
    )
    got = {f["amount"] for f in facts_of(text, "spend")}
    assert got == {21000000}, got


def test_what_a_market_will_spend_is_no_companys_spend(facts_of) -> None:
    text = (
        "Vantara runs WorkPulse. Research firm Carrow Insights estimates that Indian companies "
        "will spend about $310 million on employee-monitoring software this year."
    )
    assert facts_of(text, "spend") == []


def test_a_commitment_of_money_is_spend(facts_of) -> None:
    text = "That was part of a $1.5bn commitment to AI over three years that Ardent Kerr announced."
    got = {(f["organization"], f["amount"]) for f in facts_of(text, "spend")}
    assert got == {("Ardent Kerr", 1500000000)}, got


def test_the_papers_own_masthead_spends_nothing(facts_of) -> None:
    # "The Post understands ..." in the Harbridge Evening Post: the paper reports, it pays nothing
    text = (
        "Harbridge Council has paused its wardens' bodycams after a union letter. "
        "The Post understands the scheme cost £400,000. "
        "Maria Stone, the branch chairman, said wardens were relieved."
    )
    facts = facts_of(text, publisher="Harbridge Evening Post")
    assert not [f for f in facts if f.get("organization") == "Post"], facts


def test_a_ledes_capitals_name_the_force_not_its_supplier(facts_of) -> None:
    # a UK regional lede writes its first word in capitals: still the same force, which
    # outweighs the supplier the story names more often
    text = (
        "TALLIS Valley Constabulary has paused Watchman, an AI system that scored officers' "
        "footage. Watchman was supplied by Orrin Analytics, a Leeds firm, under a contract "
        "worth £900,000. Orrin Analytics said its models were accurate. Orrin declined to say "
        "which other forces use Watchman. An Orrin spokesman said it was supportive. "
        "Tallis Valley Constabulary employs 2,000 officers."
    )
    spend = {f["organization"] for f in facts_of(text, "spend")}
    operates = {f["organization"] for f in facts_of(text, "operates")}
    assert spend == {"Tallis Valley Constabulary"}, spend
    assert operates == {"Tallis Valley Constabulary"}, operates


@pytest.mark.parametrize("company", ["Lesedi Coal", "Thabazimbi Resources"])
def test_a_mining_company_ner_misses_is_named_by_its_last_word(facts_of, company: str) -> None:
    text = (
        f"{company} has made its SleepBand wristband compulsory for miners. "
        "The company is spending R120 million on the roll-out over three years."
    )
    assert {f["organization"] for f in facts_of(text, "spend")} == {company}


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        (
            "Canadian carrier Maplewing Air has budgeted C$9.2 million ($6.6 million) for the "
            "CrewRest app over two years.",
            9200000,
            "CAD",
        ),
        (
            "Transportes Solana spent 88 million pesos (about US $4.7 million) on the DriveEye "
            "cameras last year.",
            88000000,
            "MXN",
        ),
    ],
)
def test_an_amount_restated_in_brackets_is_one_spend(
    facts_of, text: str, amount: int, currency: str
) -> None:
    facts = facts_of(text, "spend")
    assert [(f["amount"], f["currency"]) for f in facts] == [(amount, currency)]


def test_money_set_aside_when_the_parser_calls_aside_an_adverb(facts_of) -> None:
    text = (
        "Norwegian firm Lysfjord Kraft said on Monday it had launched a pilot called "
        "PulseGuard. The company said it had set aside 24 million kroner for the rollout over "
        "three years."
    )
    facts = facts_of(text, "spend")
    assert [(f["organization"], f["amount"], f["currency"]) for f in facts] == [
        ("Lysfjord Kraft", 24000000, "NOK")
    ], facts
