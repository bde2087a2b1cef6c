"""A realistic evening to report on: 40 guests, 90 dreams, 4 tables with cards, votes and a harvest."""
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from facilitation.extensions import db

DREAMS_NL = Path(__file__).with_name("dromen_nl.txt")
DREAMS_EN = [
    "That no older person in our town feels lonely any more.",
    "Loneliness talked about openly, at every age, without shame.",
    "A volunteer buddy for everyone who feels lonely after a loss.",
    "Affordable housing for young families in our village.",
    "Social housing close to shops and buses, well insulated.",
    "Housing where young and old live side by side.",
    "Volunteers who feel valued and are not asked too much.",
    "A volunteer desk where you find a small job in five minutes.",
    "Young volunteers next to the retired regulars.",
    "Carers who get a break before they burn out.",
    "Respite care that carers can arrange at the weekend too.",
    "Employers who understand staff who are carers.",
]
#: the four speakers of seed 001 and the dreams they pitched; the first two go on the wall as clouds
SPEAKERS = [
    ("Jeroen", "Begripvol in gesprek: de vraag achter het gedrag zien."),
    ("Huberiet", "Samen ontmoeten in de buurt, een zinvolle daginvulling."),
    ("Ron", "Onze zakelijke partners koppelen aan mensen met een afstand tot de arbeidsmarkt."),
    ("Hoa", "Samenleven begint bij onderwijs: voorlichting op elke basisschool."),
]
PITCHES_ON_THE_WALL = 2
#: the market: a sealed match whose two guests shared these (never in any download)
MARKET_CONTACTS = ("taal.maatje@example.org", "0612 998 877")
AGREEMENT = "Vanaf januari elke dinsdag taalles in het buurthuis."
UNANSWERED_NEED = "Een ruimte voor ons buurtfeest in juni."
#: hostile and awkward text that every format must carry safely
FORMULA_DREAM = "=HYPERLINK(\"http://evil.test\",\"klik\") droom van een veilige stad"
HIDDEN_DREAM = "Bel me op 0612345678, dit is verborgen"


def dream_texts(language: str) -> list[str]:
    if language == "en":
        return DREAMS_EN
    return [line.split("|", 1)[1].strip() for line in DREAMS_NL.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def build_evening(app, language="nl", title=None, organiser_email=None) -> int:
    """Run a whole evening through the real operations, spread over two and a half hours."""
    from facilitation.dreams.operations import hide_dream, post_dream, toggle_heart
    from facilitation.events.operations import join_event
    from facilitation.organiser.setup import set_up_event
    from facilitation.programme.operations import add_speaker, put_pitch_on_the_wall, rate_evening, step, write_deed
    from facilitation.programme.queries import phases
    from facilitation.tables.operations import (add_table, claim_host, join_table, mark_key, post_contribution, save_card,
                                                toggle_endorsement, toggle_vote)

    from facilitation.accounts.operations import find_organiser
    from facilitation.market import operations as market_ops

    start = datetime(2026, 11, 24, 18, 30)
    with app.app_context():
        organiser = find_organiser(organiser_email) if organiser_email else None
        event = set_up_event(title or ("Van dromen naar daden" if language == "nl" else "From dreams to deeds"),
                             language=language, venue="Schouwburg Cuijk",
                             starts_on=start.date(), organiser=organiser)
        roles = ["inwoner"] * 14 + ["vrijwilliger"] * 10 + ["medewerker"] * 9 + ["partner"] * 4 + \
            ["bestuurder"] * 2 + [None]
        people = [join_event(event, name=f"Gast {n}", role_tag=role)[0] for n, role in enumerate(roles)]
        for n, (name, pitched) in enumerate(SPEAKERS):
            speaker = add_speaker(event, name, pitched)
            if n < PITCHES_ON_THE_WALL:
                cloud = put_pitch_on_the_wall(event, speaker)
                for person in people[: 7 - 2 * n]:
                    toggle_heart(cloud, person)
        dreams = []
        for n, text in enumerate(dream_texts(language) + [FORMULA_DREAM]):
            dream, _ = post_dream(event, people[n % len(people)], text)
            dream.created_at = start + timedelta(minutes=15 + n // 3)
            dreams.append(dream)
        secret, _ = post_dream(event, people[0], HIDDEN_DREAM)
        if secret.visible:
            hide_dream(secret, event)
        for n, dream in enumerate(dreams[:12]):
            for person in [p for p in people if p.id != dream.participant_id][: 12 - n]:
                toggle_heart(dream, person)
        tables = [
            add_table(event, "Tafel 1" if language == "nl" else "Table 1",
                      dilemma="Hoe houden we vrijwilligers vast zonder ze te overvragen?", theme="Vrijwilligers"),
            add_table(event, "Tafel 2" if language == "nl" else "Table 2",
                      dilemma="Delen we persoonsgegevens met partners om eenzaamheid te signaleren?",
                      theme="Eenzaamheid"),
            add_table(event, "Tafel 3" if language == "nl" else "Table 3",
                      dilemma="-1 euro eigen bijdrage of gratis?", theme="Armoede"),
            add_table(event, "Tafel 4" if language == "nl" else "Table 4", dilemma=""),
        ]
        for n, person in enumerate(people[:36]):
            join_table(person, tables[n % 3])
        for _ in range(4):
            step(event, +1)
        event.contributions_open = True
        for t, table in enumerate(tables[:3]):
            claim_host(table, people[t])
        texts = ["Vaste maatjes per vrijwilliger", "+ meer waardering: een jaarlijks feest",
                 "@iedereen: vraag wat mensen zelf willen", "Minder papierwerk", "Wie betaalt de verzekering?"]
        for t, table in enumerate(tables[:3]):
            seated = people[t:36:3]
            for n, text in enumerate(texts):
                contribution, _ = post_contribution(table, seated[n], ["idea", "advice", "question"][n % 3],
                                                    f"{text} ({table.name})")
                contribution.created_at = start + timedelta(minutes=70 + 5 * n + t)
                for voter in seated[: 5 - n]:
                    toggle_vote(contribution, voter)
                if n in (0, 3):
                    mark_key(contribution, seated[0], True)
            save_card(table, seated[0], {"dilemma": table.dilemma, "options": "A of B",
                                         "advice": f"Begin klein ({table.name})", "next_step": "Volgende week bellen"},
                      submit=True)
        for person in people[:10]:
            toggle_endorsement(tables[0], person)
        for person in people[10:14]:
            toggle_endorsement(tables[1], person)
        event.market_open = True  # the market, as a part of the kind "market" would open it
        need = market_ops.post(event, people[2], "need", "kennis", "Ik zoek iemand die taalles geeft aan nieuwkomers.")
        offer = market_ops.post(event, people[3], "offer", "kennis", "Ik kan op dinsdag taalles geven.")
        market_ops.post(event, people[4], "need", "ruimte", UNANSWERED_NEED)
        market_ops.post(event, people[5], "offer", "handen", "Twee handen om te klussen, op zaterdag.")
        match = market_ops.talk(event, people[3], offer, need)
        market_ops.say_yes(event, people[2], match)
        for person, contact in zip((people[2], people[3]), MARKET_CONTACTS):
            market_ops.share_contact(event, person, match, contact)
            market_ops.seal(event, person, match, AGREEMENT, named=True)
        event.market_open = False
        while event.current_phase.kind.value != "closing":
            step(event, +1)
        moment = start
        for phase in phases(event):  # the parts as they ran, a few minutes longer than planned
            phase.started_at, moment = moment, moment + timedelta(minutes=phase.planned_minutes + 3)
            phase.ended_at = moment if phase.kind.value != "closing" else None
        write_deed(event, people[0], "Ik bel morgen mijn buurvrouw.")
        write_deed(event, people[1], "=1+1 is ook een daad")
        for n, person in enumerate(people[:20]):
            rate_evening(event, person, 3 + n % 3, "Inspirerend!" if n % 5 == 0 else "")
        db.session.commit()
        return event.id


@pytest.fixture
def evening(app, lang):
    """A finished evening in the test's language; returns (event_id, language)."""
    return build_evening(app, lang), lang


if __name__ == "__main__":
    # `python -m tests.reports.conftest LANG ORGANISER_EMAIL`: the browser tests fill the server's database
    import sys

    from facilitation import create_app

    print(build_evening(create_app(), sys.argv[1], organiser_email=sys.argv[2]))
