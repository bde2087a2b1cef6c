"""The market (vraag & aanbod): offers and needs, the connections between guests (a match once both said
yes), contact details shared by consent per match, and per event whether the market is open and its rubrics

Revision ID: f4abf221cc8f
Revises: af07b5dabe02
Create Date: 2026-12-05 18:29:28.710866

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4abf221cc8f'
down_revision = 'af07b5dabe02'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('market_posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('offer', 'need', name='postkind', native_enum=False, length=8), nullable=False),
    sa.Column('rubric', sa.String(length=40), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('organisation', sa.String(length=80), server_default='', nullable=False),
    sa.Column('stems', sa.Text(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('highlighted_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('review', sa.Enum('visible', 'held', 'hidden', name='review', native_enum=False, length=16), server_default='visible', nullable=False),
    sa.Column('hold_reason', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('market_posts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_market_posts_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_posts_participant_id'), ['participant_id'], unique=False)

    op.create_table('market_connections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=True),
    sa.Column('need_id', sa.Integer(), nullable=True),
    sa.Column('dream_id', sa.Integer(), nullable=True),
    sa.Column('helper_id', sa.Integer(), nullable=False),
    sa.Column('asker_id', sa.Integer(), nullable=False),
    sa.Column('helper_yes_at', sa.DateTime(), nullable=True),
    sa.Column('asker_yes_at', sa.DateTime(), nullable=True),
    sa.Column('proposed_by_facilitator', sa.Boolean(), nullable=False),
    sa.Column('helper_named', sa.Boolean(), nullable=False),
    sa.Column('asker_named', sa.Boolean(), nullable=False),
    sa.Column('agreement', sa.String(length=200), nullable=False),
    sa.Column('sealed_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['asker_id'], ['participants.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['dream_id'], ['dreams.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['helper_id'], ['participants.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['need_id'], ['market_posts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['offer_id'], ['market_posts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dream_id', 'helper_id', name='uq_connection_dream_helper'),
    sa.UniqueConstraint('offer_id', 'need_id', name='uq_connection_posts')
    )
    with op.batch_alter_table('market_connections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_market_connections_asker_id'), ['asker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_connections_dream_id'), ['dream_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_connections_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_connections_helper_id'), ['helper_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_connections_need_id'), ['need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_connections_offer_id'), ['offer_id'], unique=False)

    op.create_table('market_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('contact', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['market_connections.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('connection_id', 'participant_id', name='uq_contact_once')
    )
    with op.batch_alter_table('market_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_market_contacts_connection_id'), ['connection_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('market_open', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('market_rubrics', sa.JSON(), nullable=True))



def downgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('market_rubrics')
        batch_op.drop_column('market_open')

    with op.batch_alter_table('market_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_market_contacts_connection_id'))

    op.drop_table('market_contacts')
    with op.batch_alter_table('market_connections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_market_connections_offer_id'))
        batch_op.drop_index(batch_op.f('ix_market_connections_need_id'))
        batch_op.drop_index(batch_op.f('ix_market_connections_helper_id'))
        batch_op.drop_index(batch_op.f('ix_market_connections_event_id'))
        batch_op.drop_index(batch_op.f('ix_market_connections_dream_id'))
        batch_op.drop_index(batch_op.f('ix_market_connections_asker_id'))

    op.drop_table('market_connections')
    with op.batch_alter_table('market_posts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_market_posts_participant_id'))
        batch_op.drop_index(batch_op.f('ix_market_posts_event_id'))

    op.drop_table('market_posts')
