"""market agreements are moderated

Revision ID: a7c3e9d2f118
Revises: 8e2b6c41d9a7
Create Date: 2026-12-06 20:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7c3e9d2f118'
down_revision = '8e2b6c41d9a7'
branch_labels = None
depends_on = None


def upgrade():
    # agreements sealed before this were shown unchecked; they stay on view, as they were
    with op.batch_alter_table('market_connections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review', sa.Enum('visible', 'held', 'hidden', name='review', native_enum=False,
                                                        length=16), server_default='visible', nullable=False))
        batch_op.add_column(sa.Column('hold_reason', sa.String(length=32), nullable=True))


def downgrade():
    with op.batch_alter_table('market_connections', schema=None) as batch_op:
        batch_op.drop_column('hold_reason')
        batch_op.drop_column('review')
