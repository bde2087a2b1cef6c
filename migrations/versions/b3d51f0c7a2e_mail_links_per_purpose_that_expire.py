"""mail links per purpose that expire

Revision ID: b3d51f0c7a2e
Revises: a7c3e9d2f118
Create Date: 2026-12-06 23:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b3d51f0c7a2e'
down_revision = 'a7c3e9d2f118'
branch_labels = None
depends_on = None


def upgrade():
    # links in mails sent before this carried a readable guest id and never expired: from now on they
    # open the "this link no longer works" page
    op.create_table(
        'mail_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('participant_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.Enum('checkin', 'stop', name='linkpurpose', native_enum=False, length=16),
                  nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('digest'),
    )
    with op.batch_alter_table('mail_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_links_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_links_participant_id'), ['participant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('mail_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_links_participant_id'))
        batch_op.drop_index(batch_op.f('ix_mail_links_event_id'))
    op.drop_table('mail_links')
