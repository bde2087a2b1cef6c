"""Pitched dreams and the account of the evening: a dream on the wall may be a speaker's pitch (dreams.speaker_id),
and the organiser's edited account of the evening in prose (report_texts.account; empty means the draft)

Revision ID: af07b5dabe02
Revises: ed82e3f83dce
Create Date: 2026-12-05 17:47:35.356472

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'af07b5dabe02'
down_revision = 'ed82e3f83dce'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('dreams', schema=None) as batch_op:
        batch_op.add_column(sa.Column('speaker_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_dreams_speaker', 'speakers', ['speaker_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('report_texts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account', sa.Text(), server_default='', nullable=False))



def downgrade():
    with op.batch_alter_table('report_texts', schema=None) as batch_op:
        batch_op.drop_column('account')

    with op.batch_alter_table('dreams', schema=None) as batch_op:
        batch_op.drop_constraint('fk_dreams_speaker', type_='foreignkey')
        batch_op.drop_column('speaker_id')

