"""market posts' stored stems computed again with the classic Dutch stemmer

Snowball 3's "dutch" strips "ge" out of words (gezin → "zin"); matching now stems with "dutch_porter",
so the stems stored with each post are computed again, or older posts would no longer meet newer ones.

Revision ID: 8e2b6c41d9a7
Revises: 3a5d68ab9c39
Create Date: 2026-12-05 23:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

# the rule for a post's stems is the market's own: a copy here would drift from it
from facilitation.market.matching import event_words, stems_of


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
