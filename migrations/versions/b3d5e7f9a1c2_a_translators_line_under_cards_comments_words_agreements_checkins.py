"""a translator's line under an advice card, a rating's comment, a word-cloud answer, a market agreement and a
check-in's line

Revision ID: b3d5e7f9a1c2
Revises: a924e7a7057a
Create Date: 2026-12-07 20:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b3d5e7f9a1c2'
down_revision = 'a924e7a7057a'
branch_labels = None
depends_on = None

#: each table and how long its line may be (the model's translation_limit)
LINES = {'advice_cards': 2000, 'ratings': 500, 'poll_answers': 280, 'market_connections': 280, 'checkins': 280}


def upgrade():
    for table, length in LINES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('translation', sa.String(length=length), nullable=True))


def downgrade():
    for table in reversed(LINES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('translation')
