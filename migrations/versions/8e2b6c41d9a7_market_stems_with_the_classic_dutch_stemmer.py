"""market posts' stored stems computed again with the classic Dutch stemmer

Snowball 3's "dutch" strips "ge" out of words (gezin → "zin"); matching now stems with "dutch_porter",
so the stems stored with each post are computed again, or older posts would no longer meet newer ones.

Revision ID: 8e2b6c41d9a7
Revises: 3a5d68ab9c39
Create Date: 2026-12-05 23:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import re

import snowballstemmer

# The market's rule for a post's stems as it was on 2026-12-05 (facilitation/market/matching.py), frozen here:
# a migration is a snapshot and imports no application code (a later change of the rule gets its own
# migration). The stop words are the lists of facilitation/dreams/stopwords/ and the market's own of that day.
WORD = re.compile(r"[^\W\d_]{3,}")
STEMMERS = {"nl": "dutch_porter", "en": "english"}
STOP_WORDS = frozenset("""
    a aan able about after al all alle alleen allemaal als also alsof altijd always an and ander andere anders
    any are as at be because been being ben bent beter better bij binnen blijft blijven but by can could daar
    daarom dag dagen dan dat day days de deze did die ding dingen dit do doe doen does doing door dream dreaming
    dreams dromen droom droomt dus each echt een eens eigen elk elkaar elke en er ergens even every everybody
    everyone fijn for from ga gaan gaat geen get gets getting gewoon go goed goede goes going good graag had has
    have having he heb hebben heeft heel hele helemaal hem her here het hier hij him his hoe hoop hoopt hope how
    hun i ieder iedere iedereen iemand iets if ik in into is it its ja jaar jaren je jij jou jouw juist just kan
    keer komen komt krijgen kunnen laat laten let like lot lots maar mag make makes manier many me mee meer men
    mens mensen met mij mijn misschien moet moeten mogen more most much must my na naar new niet niets no nog
    nooit not now nu of om omdat on onder one only ons onze ook op or other our out over own people per person
    place places plek plekken really same she should so some something sommige staan staat steeds still such te
    tegen than that the their them then there these they thing things this those through time times to toch toe
    too tot u uit up us vaak van veel very voor vooral waar waarin wanneer want wants was wat way we week weer
    wel welke well wens wensen werd were what when where which who why wie wij wil will willen wish with without
    worden wordt would year years you your zal ze zeker zelf zich zien ziet zij zijn zo zoals zonder zou zouden
    zullen
""".split())
MARKET_STOP_WORDS = frozenset("""
    aanbod bied bieden biedt can could geef geeft geven give giving graag help helpen helping helpt hulp iemand
    kan kun kunnen look looking mensen need needs nodig offer offering offers people someone vraag vragen want
    wil willen zoek zoeken zoekt
""".split())


def stems_of(text: str, language: str, ignore: frozenset = frozenset()) -> dict:
    tokens = [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS and w not in MARKET_STOP_WORDS]
    found = {}
    for stem, token in zip(snowballstemmer.stemmer(STEMMERS.get(language, STEMMERS["nl"])).stemWords(tokens), tokens):
        if stem not in ignore:
            written = re.search(rf"\b{re.escape(token)}\b", text, re.IGNORECASE)
            found.setdefault(stem, written.group(0) if written else token)
    return found


def event_words(event) -> frozenset:
    return frozenset(stems_of(f"{event.title} {event.venue}", event.language))


# revision identifiers, used by Alembic.
revision = '8e2b6c41d9a7'
down_revision = '3a5d68ab9c39'
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    events = {row.id: row for row in bind.execute(sa.text("SELECT id, title, venue, language FROM events"))}
    ignored = {event_id: event_words(event) for event_id, event in events.items()}
    for post in bind.execute(sa.text("SELECT id, event_id, text FROM market_posts")).all():
        event = events[post.event_id]
        stems = " ".join(stems_of(post.text, event.language, ignored[post.event_id]))
        bind.execute(sa.text("UPDATE market_posts SET stems = :stems WHERE id = :id"), {"stems": stems, "id": post.id})


def downgrade():
    pass  # the old stems matched worse; there is nothing to restore
