"""Imports every model, so create_all and migrations see the whole schema."""
from .accounts.models import Organiser  # noqa: F401
from .branding.models import EventBrand  # noqa: F401
from .dreams.models import Dream, Heart  # noqa: F401
from .events.models import Event, Participant  # noqa: F401
from .market.models import Connection, ContactShare, MarketPost  # noqa: F401
from .moderation.models import ModerationAction  # noqa: F401
from .programme.models import Announcement, Deed, Phase, Rating, Speaker  # noqa: F401
from .tables.models import AdviceCard, Contribution, Endorsement, Seat, Table, Vote  # noqa: F401
from .reports.models import LeftOut, ReportText, Theme, ThemeDream  # noqa: F401
from .followup.models import CheckIn, CheckInSent, MailAddress, MatchCheckIn  # noqa: F401
from .events.models import Series  # noqa: F401
from .polls.models import Poll, PollAnswer, QuestionVote, SpeakerQuestion, Stance  # noqa: F401
