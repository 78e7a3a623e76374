"""``quote``: quoted speech with its speaker, attribution before, after or inside."""

from __future__ import annotations

import pytest


def _quotes(facts_of, text: str) -> list[tuple[str, str]]:
    return [(f["speaker"], f["text"]) for f in facts_of(text, "quote")]


def test_attribution_after(facts_of) -> None:
    text = "“This case documents a severe disregard of employee data protection,” said Johannes Caspar, the Hamburg commissioner."
    assert _quotes(facts_of, text) == [
        ("Johannes Caspar", "This case documents a severe disregard of employee data protection")
    ]


def test_attribution_before_with_colon(facts_of) -> None:
    text = 'A Barclays spokesperson said: "We always intended to listen to colleague feedback as part of this limited pilot."'
    assert _quotes(facts_of, text)[0][0] == "Barclays spokesperson"


def test_interrupted_quote_is_two_quotes_and_pronoun_resolved(facts_of) -> None:
    text = (
        "Silkie Carlo, director of the campaign group Big Brother Watch, called the system creepy. "
        '"Managers would never get away with logging toilet breaks," she said. '
        '"The availability of technology does not make it any more acceptable."'
    )
    quotes = _quotes(facts_of, text)
    assert [s for s, _ in quotes] == ["Silkie Carlo", "Silkie Carlo"]
    assert quotes[0][1].startswith("Managers would never") and not quotes[0][1].endswith(",")


def test_surname_resolved_to_full_name(facts_of) -> None:
    text = (
        "Diane Greene, chief executive of Google Cloud, spoke to staff. "
        "“And there will be no follow-on to the contract,” Ms Greene told employees."
    )
    assert _quotes(facts_of, text)[0][0] == "Diane Greene"


def test_company_said_resolves_to_company(facts_of) -> None:
    text = (
        "Amazon France Logistique rejected the findings. "
        '"We strongly disagree with the conclusions, which are factually incorrect," the company said in a statement.'
    )
    assert _quotes(facts_of, text)[0][0] == "Amazon France Logistique"


def test_role_described_speaker(facts_of) -> None:
    text = 'One current employee told the BBC: "I have never seen morale here so bad."'
    assert _quotes(facts_of, text)[0][0] == "current employee"


def test_scare_quotes_are_not_quotes(facts_of) -> None:
    text = 'Bosworth called the reorganization "atrocious" and said it was "just an attempt at damage control."'
    assert facts_of(text, "quote") == []


def test_quoted_title_is_not_a_quote(facts_of) -> None:
    text = 'Team leaders held so-called "Welcome Back Talks" with staff returning from leave.'
    assert facts_of(text, "quote") == []


def test_spokesperson_for_organization(facts_of) -> None:
    text = (
        "A spokesperson for Telepoint said the company would appeal. "
        '"We introduced the tool to protect customer data, not to spy on colleagues," the spokesperson said.'
    )
    assert _quotes(facts_of, text)[0][0] == "Telepoint spokesperson"


def test_title_then_name_speaker(facts_of) -> None:
    text = 'Its director, Sarah Bell, said: "Scanning the faces of children at a pool is unlawful."'
    assert _quotes(facts_of, text)[0][0] == "Sarah Bell"


def test_honorific_surname_resolves_when_ner_calls_it_an_org(facts_of) -> None:
    text = (
        "Siobhán Keane, an organiser with the Care Workers' Alliance, spoke on Monday.\n\n"
        '"This is not the only company doing this," Ms Keane said.'
    )
    speakers = {f["speaker"] for f in facts_of(text, "quote")}
    assert speakers == {"Siobhán Keane"}, speakers


def test_pronoun_after_described_speaker(facts_of) -> None:
    """ "A Tallis spokeswoman said ... "...," she said": the spokeswoman, not a person named
    earlier in the article."""
    text = (
        "Dana Whitmore, a developer, found the folder last week. A Tallis Freight spokeswoman "
        'said access had been removed. "We have found no evidence that the data was copied," '
        "she said."
    )
    speakers = [f["speaker"] for f in facts_of(text, "quote")]
    assert speakers and "spokeswoman" in speakers[0].lower(), speakers


def test_pronoun_after_named_speaker_stays_with_the_name(facts_of) -> None:
    text = (
        "A Tallis Freight spokeswoman declined to comment. Dana Whitmore, a developer, said "
        'she found the folder. "I scrolled for a minute and saw everything," she said.'
    )
    speakers = [f["speaker"] for f in facts_of(text, "quote")]
    assert speakers == ["Dana Whitmore"], speakers


def test_quote_resumed_in_lower_case_after_its_attribution(facts_of) -> None:
    text = (
        "Kirsten Vale, a lecturer in technology law, doubted the checks. "
        '"A platform can\'t outsource its judgment," she said, '
        '"and then shrug when the algorithm is wrong."'
    )
    quotes = _quotes(facts_of, text)
    assert quotes == [
        ("Kirsten Vale", "A platform can't outsource its judgment"),
        ("Kirsten Vale", "and then shrug when the algorithm is wrong."),
    ]


def test_lower_case_fragment_without_a_broken_quote_is_not_a_quote(facts_of) -> None:
    text = 'Kirsten Vale said the checks were "an exercise in outsourcing blame to a machine".'
    assert _quotes(facts_of, text) == []


def test_quote_standing_alone_after_its_speakers_sentence(facts_of) -> None:
    text = (
        "Naomi Achebe runs people operations at Pemberton Hale. Achebe says the lesson "
        'was simple. "If you would be embarrassed to explain a tool at an all-hands, '
        "don't buy it.\""
    )
    assert _quotes(facts_of, text) == [
        (
            "Naomi Achebe",
            "If you would be embarrassed to explain a tool at an all-hands, don't buy it.",
        )
    ]


def test_a_pull_quote_is_not_counted_twice(facts_of) -> None:
    text = (
        '"Scanning every message for risk is monitoring, whatever the sales deck calls it."\n\n'
        'Prospect is not persuaded. "Scanning every message for risk is monitoring, whatever '
        'the sales deck calls it," says Jess Ormerod, a national officer at the union.'
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Jess Ormerod"]


def test_a_statement_speaks_for_its_author(facts_of) -> None:
    text = (
        "Conor Tierney, WorkLens's chief executive and co-founder, has issued a statement. "
        '"We got this badly wrong, and I am sorry to every worker whose data was exposed," '
        "it reads."
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Conor Tierney"]


def test_a_petition_reads(facts_of) -> None:
    text = (
        'Halvern Bank uses a tool called StaffSense. "No one consented to this," the '
        'petition reads. "We demand that the data be deleted."'
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["petition", "petition"]


def test_he_is_the_person_named_last_also_by_title_and_surname(facts_of) -> None:
    # NER often misses "Mr Obama"; the pronoun still goes to him, not to the editor
    # named a paragraph earlier, nor to a name inside the quotation
    text = (
        "President Barack Obama gave an interview. The BBC's editor Jon Sopel said the "
        "president did not sound confident.\n\n"
        'However, Mr Obama said race relations had improved. "We can do better, and '
        'Jon Sopel knows it," he said.'
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Barack Obama"]


def test_they_is_the_organisation_not_the_person_named_last(facts_of) -> None:
    text = (
        "Senator Elizabeth Warren criticised the label.\n\n"
        "Big Machine Records, which runs the label, have twice denied doing anything wrong.\n\n"
        '"At no point did we say she could not perform," they said in a statement.\n\n'
        "Now they have put out another statement.\n\n"
        '"We have agreed to grant all licenses for the show," it says.'
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Big Machine Records"] * 2


def test_they_for_a_group_of_people_is_nobody_named(facts_of) -> None:
    text = (
        "Senator Elizabeth Warren and congresswoman Alexandria Ocasio-Cortez criticised the "
        'deal. "This is what monopoly looks like," they said.'
    )
    assert [s for s, _ in _quotes(facts_of, text)] == []


def test_a_block_quotation_speaks_for_whoever_said_something_just_before(facts_of) -> None:
    text = (
        "A key approach is building a long-term relationship, Mark Zuckerberg said at the "
        "trial. These deals take time, he said according to a transcript.\n\n"
        "“I've been building relationships with the founders for years, which made it "
        "possible to move quickly when the time came.”\n\n"
        "The court adjourned until Monday.\n\n"
        "“Often, if a company knows we're offering something, they will offer more.”"
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Mark Zuckerberg"] * 2


def test_a_block_quotation_introduced_by_a_colon_speaks_for_the_document(facts_of) -> None:
    text = (
        "We summarized our case for making this grant in a recently-published write-up:\n\n"
        "“We believe this incubator has the potential to fill a major gap in the nonprofit "
        "world by providing a path for testing promising ideas.”"
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["write-up"]


def test_a_speaker_shared_by_coordinated_verbs(facts_of) -> None:
    text = (
        "Trump called the two board members. Ronna McDaniel is from Michigan and was also "
        "on the call and told the two board members: “If you can go home tonight, do not "
        "sign it.”"
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Ronna McDaniel"]


def test_a_misread_name_is_never_the_speaker(facts_of) -> None:
    # NER reads "While LAION" as a person; "she" is the artist named before
    text = (
        "Karla Ortiz, an artist, sued the company. While LAION has removed the files, the "
        "dataset is still online.\n\n"
        "“It includes the entirety of my work and the work of almost everyone I know,” she said."
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Karla Ortiz"]


def test_an_office_before_a_surname_is_not_part_of_the_speaker(facts_of) -> None:
    text = (
        "South Korean President Yoon Suk Yeol apologised on Saturday.\n\n"
        "“I will not evade the responsibility,” President Yoon said."
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Yoon Suk Yeol"]


def test_a_surname_that_is_a_pronoun_is_no_mention(facts_of) -> None:
    # "He" opening a sentence is not Liu He
    text = (
        "China's chief negotiator, Liu He, led the talks. Mark Evans, a professor at Cornell "
        "University, was doubtful. He said the goals were unrealistic.\n\n"
        "“The president makes the prospects for any deal more uncertain,” he said."
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Mark Evans"]


def test_the_agent_of_a_passive_describes_the_quote(facts_of) -> None:
    text = (
        "The second strike was described by club worker Charlie Mason: “I was on stage "
        "dancing and a customer was recording without consent.”"
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Charlie Mason"]


def test_a_title_in_quotation_marks_is_not_a_quote(facts_of) -> None:
    text = (
        "“It’s all nonsense, of course,” says philosopher Paul Thagard, author of the 1978 "
        "paper “Why Astrology is a Pseudoscience,” after reading his horoscope."
    )
    assert [q for _, q in _quotes(facts_of, text)] == ["It’s all nonsense, of course"]


def test_she_is_not_the_man_named_last(facts_of) -> None:
    text = (
        "Karla Ortiz, an artist, sued the company. Her lawyer, Mark Evans, filed the papers "
        "on Monday. Mr Evans declined to comment.\n\n"
        "“It includes the entirety of my work,” she said."
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Karla Ortiz"]


def test_a_described_speaker_keeps_the_body_it_belongs_to(facts_of) -> None:
    text = (
        "A club worker told me that a member of management told her, “If you have a problem "
        "with a customer, you have to go to a manager.”"
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["member of management"]


def test_a_shared_surname_belongs_to_the_person_named_with_it(facts_of) -> None:
    # "Margie Kim" is not a mention of Stella Kim; "For Delacruz" is Rosa Delacruz
    text = (
        "Rosa Delacruz, a support engineer, filed a complaint. Lumora's chief executive, "
        "Ilse Brandvold, wrote a memo to staff. For Delacruz, that is the part that "
        "matters.\n\n“Pausing it doesn't un-record anything,” she said."
    )
    assert [s for s, _ in _quotes(facts_of, text)] == ["Rosa Delacruz"]


def test_who_was_told_is_not_who_speaks_next(facts_of) -> None:
    text = (
        '"Collisions are down 23 percent since the cameras went in," spokesperson Ruth '
        "Ellery told Dana Whitlock of the Valley Courier.\n\n"
        'She said the firm would keep them: "The cameras detect behaviours, not people."'
    )
    speakers = [f["speaker"] for f in facts_of(text, "quote")]
    assert speakers == ["Ruth Ellery", "Ruth Ellery"], speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'One driver, Tomasz, told the Courier: "The camera beeps every time I reach for '
            'my water bottle."',
            "Tomasz",
        ),
        (
            "Director of Organizing at the Drivers Union Sarah Mitchell, asked about the cameras, "
            'replied: "Nobody agreed to be filmed for eleven hours a day."',
            "Sarah Mitchell",
        ),
    ],
)
def test_the_name_a_described_speaker_is_given(facts_of, text: str, speaker: str) -> None:
    assert [f["speaker"] for f in facts_of(text, "quote")] == [speaker]


def test_a_name_cut_short_by_ner_is_the_full_name(facts_of) -> None:
    text = (
        "President Yoon Suk Yeol declared martial law on Tuesday night.\n\n"
        '"I deeply regret this and apologise to the citizens who were alarmed," Yoon Suk '
        "said on Saturday."
    )
    assert {f["speaker"] for f in facts_of(text, "quote")} == {"Yoon Suk Yeol"}


def test_a_statement_from_a_named_person_is_theirs(facts_of) -> None:
    text = (
        "A statement from the county's chief constable, Helen Marsh, was read out at the "
        'meeting: "These cameras have helped us find stolen cars every week."'
    )
    speakers = {f["speaker"] for f in facts_of(text, "quote")}
    assert speakers == {"Helen Marsh"}, speakers


def test_a_hyphenated_given_name_stays_whole(facts_of) -> None:
    text = 'Warehouse picker Mary-Jo Tennant said: "Every minute counts against you here."'
    speakers = {f["speaker"] for f in facts_of(text, "quote")}
    assert speakers == {"Mary-Jo Tennant"}, speakers


def test_a_pronoun_after_a_described_person_is_that_person(facts_of) -> None:
    text = (
        '"Cameras change everything," said Maria Lentz, who teaches law in Leeds.\n\n'
        "Orla Foods dropped a tool called Stopwatch in 2023.\n\n"
        'For the nurse in Hull, the answer is simple. "I just want to be trusted," she said.'
    )
    speakers = {f["text"]: f["speaker"] for f in facts_of(text, "quote")}
    assert speakers["I just want to be trusted"] == "nurse", speakers


def test_a_described_speaker_before_a_quote_of_several_sentences(facts_of) -> None:
    text = (
        '"The clock never stops," said one driver, who asked not to be named.\n\n'
        "A spokesman for Harlow Freight said the cameras were for safety. "
        '"DriveEye protects our drivers. It has cut crashes by a third since we began," he said.'
    )
    speakers = {f["text"][:16]: f["speaker"] for f in facts_of(text, "quote")}
    assert speakers["DriveEye protect"] == "Harlow Freight spokesman", speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Gregory Tate, the chief executive, spoke on Monday.\n\nBrent Kowalczyk, a partner "
            'at Kowalczyk Reyes LLP who represents the family, called the cameras "an '
            'admission." "They knew their drivers were exhausted," he said.',
            "Brent Kowalczyk",
        ),
        (
            "Gregory Tate runs the firm.\n\nTate, 58, took over the company in 1998 and was "
            "named fleet executive of the year by Heavy Haul Monthly in 2021. Asked about the "
            'crash, he paused.\n\n"I can\'t tell you that," he said.',
            "Gregory Tate",
        ),
    ],
)
def test_he_is_the_person_not_a_firm_or_magazine_named_like_one(
    facts_of, text: str, speaker: str
) -> None:
    assert [f["speaker"] for f in facts_of(text, "quote")][-1] == speaker


def test_a_spokeswoman_named_for_her_employer_keeps_speaking(facts_of) -> None:
    text = (
        "Managing partner Colm Ferris wrote to staff on Monday. A Calder Baines spokeswoman "
        'confirmed the pause. "We are reviewing how the tool was set up and used," she said '
        'in a statement. "No pay decisions were ever based on these scores," she added.'
    )
    speakers = [f["speaker"] for f in facts_of(text, "quote")]
    assert speakers == ["Calder Baines spokeswoman", "Calder Baines spokeswoman"], speakers


def test_a_pronoun_after_a_new_name_is_that_person(facts_of) -> None:
    text = (
        'Councillor Tom Brannigan voted no. "I support the police, not this," he said.\n\n'
        "Mayor Lyle Whitcombe, who backed the plan, said he would ask for rules by autumn. "
        '"We can keep people safe and keep their privacy too," he said.'
    )
    speakers = [f["speaker"] for f in facts_of(text, "quote")]
    assert speakers == ["Tom Brannigan", "Lyle Whitcombe"], speakers


def test_the_agency_that_speaks_is_the_public_body(facts_of) -> None:
    text = (
        "Spain's data protection agency, the AEPD, fined Lumora Urban Systems 240,000 euros. "
        'Lumora Urban Systems built the microphones for the town. "Capturing conversations '
        'in the street needs a legal basis that was never shown," the agency said.'
    )
    speakers = {f["speaker"] for f in facts_of(text, "quote")}
    assert speakers == {"AEPD"}, speakers


def test_a_pronoun_for_who_just_spoke_whatever_the_name_list_guesses(facts_of) -> None:
    text = (
        "The report's author, Maria Costa, said the scheme turned tenants into suspects.\n\n"
        'Jess Arnott, who chairs the Renters Union, said members had been "blindsided".\n\n'
        '"People have been questioned about a photo from a family barbecue," she said.'
    )
    speakers = [f["speaker"] for f in facts_of(text, "quote")]
    assert speakers[-1] == "Jess Arnott", speakers


def test_a_pronoun_still_skips_a_man_the_text_calls_one(facts_of) -> None:
    text = (
        "Maria Costa wrote the report. Mr Arnott, Jess Arnott, said his members were angry.\n\n"
        '"People have been questioned about a photo from a family barbecue," she said.'
    )
    speakers = [f["speaker"] for f in facts_of(text, "quote")]
    assert speakers[-1] == "Maria Costa", speakers


def test_he_is_the_person_not_the_union_ner_called_a_person(facts_of) -> None:
    text = (
        "Thomas Wendling, head of banking at the union Gewerkschaft Finanzdienste (GFD), said "
        'the ruling would resonate. "The decision sends a signal to the entire sector," he said.'
    )
    got = {f["speaker"] for f in facts_of(text, "quote")}
    assert got == {"Thomas Wendling"}, got


def test_she_is_the_person_known_only_by_her_first_name(facts_of) -> None:
    text = (
        "Each shift Marisol spends at the Fresno depot is logged by the scanner on her belt. "
        "(Marisol asked that her family name be withheld.)\n\n"
        '"They said it was about parcels," she says. "It was always about us."'
    )
    speakers = {s for s, _ in _quotes(facts_of, text)}
    assert speakers == {"Marisol"}, _quotes(facts_of, text)


def test_she_is_the_worker_described_just_before(facts_of) -> None:
    text = (
        "For the handler in Tulsa, the change came quickly. "
        "“Every form I fix teaches the machine a little more,” she says."
    )
    assert _quotes(facts_of, text) and _quotes(facts_of, text)[0][0] == "handler", _quotes(
        facts_of, text
    )


def test_a_text_that_reads_is_the_speaker(facts_of) -> None:
    text = 'Pellmark launched Foundry in May. "Think of it as a colleague who never sleeps," the internal FAQ read.'
    assert _quotes(facts_of, text) == [
        ("internal FAQ", "Think of it as a colleague who never sleeps")
    ]


def test_a_surname_with_its_particle_capitalised(facts_of) -> None:
    text = 'Zipp paused the app, said Sanne de Wit, its operations chief. "It will stay off until the audit is done," De Wit said.'
    assert {s for s, _ in _quotes(facts_of, text)} == {"Sanne de Wit"}, _quotes(facts_of, text)


def test_she_is_the_titled_person_ner_called_an_organisation(facts_of) -> None:
    text = (
        '"We will appeal," said Themba Dube, the alliance\'s lawyer.\n\n'
        "Mvelo's finance director, Nomsa Khumalo, said the rollout had cost the firm dearly. "
        '"Each scanner we bought is a clinic we did not fund," she said.'
    )
    assert _quotes(facts_of, text)[-1] == (
        "Nomsa Khumalo",
        "Each scanner we bought is a clinic we did not fund",
    ), _quotes(facts_of, text)


def test_he_is_the_person_not_the_firm_after_of(facts_of) -> None:
    text = (
        "Security analyst Tomas Brandt of Ironvale Cyber said the case was a warning. "
        '"Every log you keep is a log someone can steal," he said.'
    )
    assert {s for s, _ in _quotes(facts_of, text)} == {"Tomas Brandt"}, _quotes(facts_of, text)


def test_she_is_the_described_subject_of_the_sentence_before(facts_of) -> None:
    text = (
        '"Drivers deserve a human review," says Kofi Mensah, the union\'s organiser.\n\n'
        "On Friday a Parcelo spokeswoman defended the app. "
        '"The score keeps roads safer and drivers can appeal," she said.'
    )
    assert _quotes(facts_of, text)[-1][0] == "Parcelo spokeswoman", _quotes(facts_of, text)


def test_a_described_worker_of_a_listed_trade_speaks(facts_of) -> None:
    text = (
        '"Smile, we were told," Park Min-ji, the union\'s head, told reporters.\n\n'
        "A flight attendant who asked not to be named said she had closed her accounts. "
        '"I deleted everything in one evening," she said.'
    )
    assert _quotes(facts_of, text)[-1][0] == "flight attendant", _quotes(facts_of, text)


def test_a_question_ends_the_sentence_before_she_says(facts_of) -> None:
    text = (
        '"We know what the data is for," says Olga Nowak, a dispatcher in Gdansk.\n\n'
        "In Porto, Maria says the mood has soured since the bot arrived. Her team has lost four people. "
        '"Nobody says it, but we all wonder: who will the bot replace next?" she says.'
    )
    assert _quotes(facts_of, text)[-1] == (
        "Maria",
        "Nobody says it, but we all wonder: who will the bot replace next?",
    ), _quotes(facts_of, text)


def test_a_speaker_the_parser_left_without_a_verb(facts_of) -> None:
    text = (
        "Lindqvist Bank will appeal. "
        '"The ruling misreads what the tool does," Chief Risk Officer Dr. Henrik Sundberg '
        "told Finanstidningen."
    )
    assert {s for s, _ in _quotes(facts_of, text)} == {"Henrik Sundberg"}, _quotes(facts_of, text)


@pytest.mark.parametrize(
    "text, answers",
    [
        (  # a printed interview: the outlet's questions carry no name
            "Kim Ha-neul chairs the Seoul Riders Union. The Daily Ledger met Kim on Thursday.\n\n"
            "The Daily Ledger: What does the app collect?\n\n"
            "Kim: It tracks our location every few seconds. Since May it also films us.\n\n"
            "When did this start?\n\n"
            "Kim: The tracking began in 2022. Every year they added something.",
            [
                (
                    "Kim Ha-neul",
                    "It tracks our location every few seconds. Since May it also films us.",
                ),
                ("Kim Ha-neul", "The tracking began in 2022. Every year they added something."),
            ],
        ),
        (  # a transcript's capitalised labels: the guest speaks, the host only asks
            "On this week's show, Ruth Awino talks to Peter Kamau, who chairs the Rift Drivers "
            "Union, about the cab cameras Jabali Freight switched on in March.\n\n"
            "RUTH AWINO: Peter, what do the cameras record?\n\n"
            "PETER KAMAU: Everything. The road, our faces, what we say to each other.\n\n"
            "RUTH AWINO: Did the company ask you first?\n\n"
            "PETER KAMAU: Nobody asked. We found out from a sticker on the dashboard.\n\n"
            "RUTH AWINO: Thank you, Peter.",
            [
                ("Peter Kamau", "Everything. The road, our faces, what we say to each other."),
                ("Peter Kamau", "Nobody asked. We found out from a sticker on the dashboard."),
            ],
        ),
    ],
)
def test_interview_answers_quote_the_named_speaker(
    facts_of, text: str, answers: list[tuple[str, str]]
) -> None:
    got = _quotes(facts_of, text)
    assert got == answers, got


def test_one_name_and_colon_is_no_interview(facts_of) -> None:
    text = "Kim Ha-neul chairs the union.\n\nKim: a leader the riders trust."
    assert _quotes(facts_of, text) == [], _quotes(facts_of, text)


def test_a_speaker_quoted_as_saying_in_a_release(facts_of) -> None:
    text = (
        'Tarvo Telecom will roll out CallCoach to all its call centres. "CallCoach is a '
        "coach, not a controller,\" Ines Roth, Tarvo's chief customer officer, is quoted as "
        "saying in the release."
    )
    got = _quotes(facts_of, text)
    assert got == [("Ines Roth", "CallCoach is a coach, not a controller")], got


def test_a_councillor_written_cr_is_the_councillor_named_before(facts_of) -> None:
    text = (
        "Mirrabrook council voted to switch on FaceCheck cameras. Councillor Ben Achterberg "
        'opposed it. "Nobody in this city voted to have their face scanned," Cr Achterberg '
        "said."
    )
    got = _quotes(facts_of, text)
    assert got == [("Ben Achterberg", "Nobody in this city voted to have their face scanned")], got


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        pytest.param(
            "Dunmore Freight fired a driver after its cameras flagged him as drowsy. "
            "Paul Kearney was dismissed in March.\n\n"
            'A spokesman for Dunmore Freight said it was "reviewing the ruling". '
            "The company has 30 days to appeal.\n\n"
            "He confirmed that the firm had switched the cameras off in April. "
            '"We have stopped using the fatigue alerts while we review them," he said.',
            "fatigue alerts",
            "Dunmore Freight spokesman",
            id="the same pronoun carries a described speaker across a paragraph",
        ),
        pytest.param(
            # NER reads "[Keane Lawyers]" as a person; "Lawyers" ends an organisation's name
            "Declan Moriarty of Moriarty Keane Lawyers, who represented Ms Ryan, said the ruling "
            'mattered. "She was judged by a dashboard," he said.',
            "dashboard",
            "Declan Moriarty",
            id="a law firm NER calls a person is no speaker",
        ),
        pytest.param(
            # "Kim" is a woman's given name in English; in "Kim Jae-hoon" it is the family
            # name the story calls him by ("Kim says his union ..."), so "he said" is his
            '"The logs were our days, minute by minute," said Kim Jae-hoon, chairman of the '
            "Geoje Riggers' Union.\n\n"
            "According to figures compiled by the researcher David Cho, councils discussed "
            "monitoring 312 times last year.\n\n"
            "Back in Geoje, Kim says his union will keep pressing for a seat at the table. "
            '"We are not against helmets, we are against helmets that talk behind our backs," '
            "he said.",
            "helmets",
            "Kim Jae-hoon",
            id="a family name said first is what he carries on",
        ),
        pytest.param(
            "Norvik Shipyard fitted its helmets with tracking beacons last year. "
            '"When I take a break, the control room knows," said a 47-year-old painter '
            "employed by a subcontractor.",
            "control room",
            "painter",
            id="an age is no part of a described speaker",
        ),
        pytest.param(
            # NER may read the surname as an organisation; it still says, so "he said" is his
            "Thiago Cordeiro has been riding for a delivery app in Recife for six years.\n\n"
            "If the photo does not match, the account is blocked until the rider passes a manual "
            "review, which Cordeiro says can take a week. "
            '"For a rider, a week without work is rent you don\'t pay," he said.',
            "rent",
            "Thiago Cordeiro",
            id="a named sayer is nearer than a described worker",
        ),
    ],
)
def test_who_said_it(facts_of, text: str, said: str, speaker: str) -> None:
    speakers = {f["speaker"] for f in facts_of(text, "quote") if said in f["text"]}
    assert speakers == {speaker}, speakers


def test_answers_after_a_printed_interviews_questions(facts_of) -> None:
    # the questions are the interviewer's, unquoted; each quoted answer is the person
    # interviewed, who spoke last
    text = (
        '"The camera decided I was asleep," said Rosa Quintero, who leads the drivers\' union '
        "in Valparaíso.\n\n"
        "The cameras were fitted to 600 buses last year.\n\n"
        "They watch the driver's eyes and beep when they close for two seconds.\n\n"
        "The company says crashes have fallen since then.\n\n"
        "The union disputes the figures.\n\n"
        "In her words\n\n"
        "Would you drive without the cameras?\n\n"
        '"Yes. We drove for twenty years without them and nobody died."\n\n'
        "What do you want from the company?\n\n"
        '"A human being who reads the alerts before anyone is punished."'
    )
    quotes = {(f["speaker"], f["text"][:10]) for f in facts_of(text, "quote")}
    assert quotes == {
        ("Rosa Quintero", "The camera"),
        ("Rosa Quintero", "Yes. We dr"),
        ("Rosa Quintero", "A human be"),
    }, quotes


def test_a_quoted_subheading_is_not_a_quote(facts_of) -> None:
    text = (
        "Lysfjord Kraft said on Monday it would fit its turbine crews with heart-rate sensors."
        " \u201cSafety remains our first priority on every turbine,\u201d said Sindre Holm, a "
        "company spokesman."
        "\n\n\u2018Pulses sent straight to head office\u2019\n\n"
        "The union said the plan went too far."
    )
    quotes = {(f["speaker"], f["text"]) for f in facts_of(text, "quote")}
    assert quotes == {("Sindre Holm", "Safety remains our first priority on every turbine")}, quotes


def test_a_pronoun_inside_the_quote_does_not_hide_the_described_speaker(facts_of) -> None:
    text = (
        "Union leader Obinna Kalu said members were angry. \u201cWe will withdraw our members "
        "from the platforms,\u201d Kalu said.\n\n"
        "A crane operator, who spoke on condition of anonymity, said he was sent home for a "
        "week because his wristband showed high stress. He put his lost pay at about N300,000."
        "\n\n\u201cNobody told me anything. They just said the band said I was not fit,\u201d "
        "he said."
    )
    quotes = {f["text"][:15]: f["speaker"] for f in facts_of(text, "quote")}
    assert quotes["Nobody told me "] == "crane operator", quotes
