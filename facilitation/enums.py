"""The fixed choices of the product, each with the label people read. Templates compare with these,
never with loose strings (they are str enums, so a stored "open" equals ModerationMode.open)."""
import enum

from flask_babel import lazy_gettext as _l
from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class LabelledEnum(enum.StrEnum):
    @property
    def label(self) -> str:
        return str(self._labels()[self])

    @classmethod
    def _labels(cls) -> dict:
        raise NotImplementedError


class ModerationMode(LabelledEnum):
    open = "open"
    premoderated = "premoderated"

    @classmethod
    def _labels(cls):
        return {cls.open: _l("Open: posts show at once."),
                cls.premoderated: _l("Pre-moderated: every post waits for you.")}


class ProjectorView(LabelledEnum):
    join = "join"
    wall = "wall"
    wordcloud = "wordcloud"
    tables = "tables"
    harvest = "harvest"
    timer = "timer"
    pause = "pause"
    market = "market"
    #: at the end: the QR code of the harvest page the guests take home
    takeaway = "takeaway"
    #: the quick poll in view, its results live (or hidden until revealed)
    poll = "poll"
    #: where the guests stand on the dilemmas, before and after the round
    stances = "stances"
    #: the guests' questions for the speaker, most votes first
    questions = "questions"
    #: the dreams grouped under their themes, growing as dreams arrive
    themes = "themes"

    @classmethod
    def _labels(cls):
        return {cls.join: _l("Join screen"), cls.wall: _l("Dream wall"), cls.wordcloud: _l("Word cloud"),
                cls.tables: _l("Tables overview"), cls.harvest: _l("Harvest"), cls.timer: _l("Timer only"),
                cls.pause: _l("Pause screen"), cls.market: _l("Market: offers and needs"),
                cls.takeaway: _l("Harvest page for guests (QR code)"), cls.poll: _l("Quick poll"),
                cls.stances: _l("Stances on the dilemmas"), cls.questions: _l("Questions for the speaker"),
                cls.themes: _l("Dreams by theme")}


class ParticipantSource(LabelledEnum):
    phone = "phone"
    neighbour = "neighbour"
    paper = "paper"

    @classmethod
    def _labels(cls):
        return {cls.phone: _l("own phone"), cls.neighbour: _l("written by a neighbour"),
                cls.paper: _l("paper card")}


class HoldReason(LabelledEnum):
    premoderation = "premoderation"
    email = "email"
    phone = "phone"
    iban = "iban"
    address = "address"
    bsn = "bsn"
    abuse = "abuse"
    threat = "threat"
    hate = "hate"
    slur = "slur"
    #: written in a language the screening cannot read (only Dutch and English are screened)
    unchecked_language = "unchecked_language"

    @classmethod
    def _labels(cls):
        return {
            cls.premoderation: _l("pre-moderation: every post waits"),
            cls.email: _l("contains an e-mail address"),
            cls.phone: _l("contains a phone number"),
            cls.iban: _l("contains a bank account number"),
            cls.address: _l("contains a street address"),
            cls.bsn: _l("contains a citizen service number"),
            cls.abuse: _l("insults or swears at someone"),
            cls.threat: _l("threatens someone with violence"),
            cls.hate: _l("speaks of a group of people with hatred or contempt"),
            cls.slur: _l("contains a slur"),
            cls.unchecked_language: _l("language not checked"),
        }


class ModerationActionKind(LabelledEnum):
    approve = "approve"
    hide = "hide"
    restore = "restore"
    edit = "edit"

    @classmethod
    def _labels(cls):
        return {cls.approve: _l("approved"), cls.hide: _l("hid"), cls.restore: _l("restored"),
                cls.edit: _l("edited")}


class PostKind(LabelledEnum):
    """Every kind of text a guest writes; each goes through the same moderation."""

    dream = "dream"
    contribution = "contribution"
    card = "card"
    deed = "deed"
    comment = "comment"
    name = "name"
    market = "market"
    checkin = "checkin"
    question = "question"
    poll = "poll"
    agreement = "agreement"

    @classmethod
    def _labels(cls):
        return {cls.dream: _l("dream"), cls.contribution: _l("contribution"), cls.card: _l("advice card"),
                cls.deed: _l("deed"), cls.comment: _l("comment"), cls.name: _l("name"),
                cls.market: _l("offer or need"), cls.checkin: _l("line with a check-in"),
                cls.question: _l("question for a speaker"), cls.poll: _l("words in a quick poll"),
                cls.agreement: _l("agreement of a match")}


class EnumText(TypeDecorator):
    """A str enum stored as its plain value in a VARCHAR column (the schema stays as it was)."""

    impl = String
    cache_ok = True

    def __init__(self, enum_class, length: int):
        super().__init__(length)
        self.enum_class = enum_class

    def process_bind_param(self, value, dialect):
        return None if value is None else self.enum_class(value).value

    def process_result_value(self, value, dialect):
        return None if value is None else self.enum_class(value)


ALL = (ModerationMode, ProjectorView, ParticipantSource, HoldReason, ModerationActionKind, PostKind)
