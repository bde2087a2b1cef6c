"""event brand: an event's own accent colour and logo (re-encoded image bytes), one row per event

Revision ID: ed82e3f83dce
Revises: f7661356ecba
Create Date: 2026-12-05 15:27:39.827161

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ed82e3f83dce'
down_revision = 'f7661356ecba'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('event_brands',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('accent', sa.String(length=7), nullable=True),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_type', sa.String(length=16), nullable=True),
    sa.Column('logo_width', sa.Integer(), nullable=True),
    sa.Column('logo_height', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name='fk_event_brands_event', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', name='pk_event_brands')
    )


def downgrade():
    op.drop_table('event_brands')
