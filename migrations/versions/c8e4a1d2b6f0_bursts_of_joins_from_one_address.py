"""bursts of joins from one address

Revision ID: c8e4a1d2b6f0
Revises: b3d51f0c7a2e
Create Date: 2026-12-06 23:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c8e4a1d2b6f0'
down_revision = 'b3d51f0c7a2e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'join_bursts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('last_join_at', sa.DateTime(), nullable=False),
        sa.Column('decision', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('join_bursts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_join_bursts_event_id'), ['event_id'], unique=False)
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expected_guests', sa.Integer(), nullable=True))
    # guests who joined before this were counted, and stay so
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('counted', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('join_burst_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_participants_join_burst', 'join_bursts', ['join_burst_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_index(batch_op.f('ix_participants_counted'), ['counted'], unique=False)


def downgrade():
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_counted'))
        batch_op.drop_constraint('fk_participants_join_burst', type_='foreignkey')
        batch_op.drop_column('join_burst_id')
        batch_op.drop_column('counted')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('expected_guests')
    with op.batch_alter_table('join_bursts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_join_bursts_event_id'))
    op.drop_table('join_bursts')
