"""Rules of the market. Each function flushes; the caller commits once, then tells the room."""
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..dreams.models import Dream
from ..enums import ParticipantSource
from ..errors import Refused
from ..extensions import db
from ..limits import LIMITS
from ..review import Review, screen
from ..text import clean_text
from ..util import utcnow
from .matching import event_words, stems_of
from .models import Connection, ContactShare, MarketPost, PostKind
from .rubrics import rubric_tag, rubrics

CLOSED = _l("The market is closed right now. Your text is kept here; you can send it when the market opens.")
GONE = _l("The other person took this back. Nothing else changed.")
ENDED = _l("This conversation was declined or ended. Nothing else changed.")


def _open(event) -> None:
    if not event.market_open:
        raise Refused(CLOSED, status=409)


def _mine(event, participant) -> None:
    if participant is None or participant.event_id != event.id:
        raise Refused(_l("You have not joined this event."), status=403)


def post(event, participant, kind: str, rubric: str, text: str, organisation: str = "") -> MarketPost:
    """An offer ("ik kan…") or a need ("ik zoek…"), checked like every text a guest writes."""
    _mine(event, participant)
    _open(event)
    try:
        kind = PostKind(kind)
    except ValueError:
        raise Refused(_l("Choose whether you offer something or look for something.")) from None
    if rubric not in rubrics(event):
        raise Refused(_l("Choose one of the rubrics in the list."))
    text = clean_text(text, LIMITS.market_post)
    if not text:
        raise Refused(_l("Write in one sentence what you offer or look for."))
    organisation = clean_text(organisation, LIMITS.market_organisation)
    made = MarketPost(event_id=event.id, participant_id=participant.id, kind=kind, rubric=rubric, text=text,
                      organisation=organisation, stems=" ".join(stems_of(text, event.language, event_words(event))))
    screen(made, f"{text} {organisation}".strip(), event)
    db.session.add(made)
    db.session.flush()
    return made


def withdraw_post(event, participant, market_post: MarketPost) -> None:
    """A guest takes a post back; its connections that are not a match yet end with it."""
    _mine(event, participant)
    if market_post is None or market_post.participant_id != participant.id:
        raise Refused(_l("That post is no longer there. Reload the page."), status=409)
    market_post.withdrawn = True
    now = utcnow()
    for connection in db.session.scalars(db.select(Connection).where(
            (Connection.offer_id == market_post.id) | (Connection.need_id == market_post.id),
            Connection.withdrawn_at.is_(None))):
        if not connection.matched:
            connection.withdrawn_at = now
    db.session.flush()


def _pair(mine: MarketPost, theirs: MarketPost) -> tuple[MarketPost, MarketPost]:
    return (mine, theirs) if mine.kind is PostKind.offer else (theirs, mine)


def talk(event, participant, mine: MarketPost, theirs: MarketPost) -> Connection:
    """"Let's talk" on a proposal: this guest's yes. When the other already said yes, it is a match."""
    _mine(event, participant)
    _open(event)
    if mine is None or theirs is None or mine.event_id != event.id or theirs.event_id != event.id:
        raise Refused(_l("That post is no longer there. Reload the page."), status=409)
    if mine.participant_id != participant.id:
        raise Refused(_l("Choose one of your own posts."), status=403)
    if mine.withdrawn or mine.review is not Review.visible:
        # a post that waits for the facilitator, was hidden or taken back reaches no one: edit or withdraw it
        raise Refused(_l("Your post is not on the market (it waits for the facilitator, was hidden or taken "
                         "back), so it cannot start a conversation. Nothing was sent."), status=409)
    if theirs.participant_id == participant.id:
        raise Refused(_l("That is your own post: talk to someone else."), status=409)
    if theirs.withdrawn or theirs.review is not Review.visible:
        raise Refused(GONE, status=409)
    if mine.kind is theirs.kind:
        raise Refused(_l("An offer meets a need, not another offer or need."), status=409)
    offer, need = _pair(mine, theirs)
    connection = db.session.scalar(db.select(Connection).filter_by(offer_id=offer.id, need_id=need.id))
    if connection is None:
        connection = Connection(event_id=event.id, offer_id=offer.id, need_id=need.id,
                                helper_id=offer.participant_id, asker_id=need.participant_id)
        try:
            with db.session.begin_nested():
                db.session.add(connection)
        except IntegrityError:  # the other side tapped at the same moment: one connection, both yeses
            connection = db.session.scalar(db.select(Connection).filter_by(offer_id=offer.id, need_id=need.id))
    return say_yes(event, participant, connection)


def offer_help(event, participant, dream: Dream) -> Connection:
    """"I can help with this" on a dream of the wall: a yes to its author, who may say yes back."""
    _mine(event, participant)
    _open(event)
    if dream is None or dream.event_id != event.id or not dream.visible:
        raise Refused(_l("That dream is no longer on the wall."), status=409)
    if dream.participant_id == participant.id:
        raise Refused(_l("That is your own dream: offer your help to someone else."), status=409)
    if dream.speaker_id is not None or dream.participant.source is ParticipantSource.paper:
        raise Refused(_l("This dream was not written on a phone: tell the facilitator you can help."), status=409)
    connection = db.session.scalar(db.select(Connection).filter_by(dream_id=dream.id, helper_id=participant.id))
    if connection is None:
        connection = Connection(event_id=event.id, dream_id=dream.id, helper_id=participant.id,
                                asker_id=dream.participant_id)
        db.session.add(connection)
        db.session.flush()
    return say_yes(event, participant, connection)


def say_yes(event, participant, connection: Connection) -> Connection:
    """One side's yes; twice, or after the other took it back, is a clear refusal that changes nothing."""
    _mine(event, participant)
    side = connection.side(participant.id) if connection is not None else None
    if connection is None or connection.event_id != event.id or side is None:
        raise Refused(_l("That proposal is no longer there. Reload the page."), status=409)
    if connection.withdrawn_at is not None:
        raise Refused(ENDED, status=409)
    if getattr(connection, f"{side}_yes_at") is not None:
        raise Refused(_l("You already said yes. Now the other person can say yes too."), status=409)
    setattr(connection, f"{side}_yes_at", utcnow())
    db.session.flush()
    return connection


def withdraw_connection(event, participant, connection: Connection) -> None:
    """Either side ends a proposal or a match at any time; shared contact details go with it."""
    _mine(event, participant)
    if connection is None or connection.event_id != event.id or connection.side(participant.id) is None:
        raise Refused(_l("That proposal is no longer there. Reload the page."), status=409)
    if connection.withdrawn_at is None:
        connection.withdrawn_at = utcnow()
    db.session.execute(db.delete(ContactShare).where(ContactShare.connection_id == connection.id))
    db.session.flush()


def _matched(event, participant, connection: Connection) -> str:
    _mine(event, participant)
    side = connection.side(participant.id) if connection is not None and connection.event_id == event.id else None
    if side is None:
        raise Refused(_l("That match is no longer there. Reload the page."), status=409)
    if connection.withdrawn_at is not None:
        raise Refused(ENDED, status=409)
    if not connection.matched:
        raise Refused(_l("This is not a match yet: the other person has to say yes first."), status=409)
    return side


def share_contact(event, participant, connection: Connection, contact: str) -> ContactShare:
    """Leave an e-mail address or phone number for this match only; the other sees it once they shared theirs."""
    _matched(event, participant, connection)
    contact = clean_text(contact, LIMITS.market_contact)
    if not contact:
        raise Refused(_l("Write the e-mail address or phone number you want to share."))
    if "@" not in contact and sum(ch.isdigit() for ch in contact) < 6:
        raise Refused(_l("That is not an e-mail address or a phone number. Write one of those, or leave it empty."))
    share = db.session.scalar(db.select(ContactShare).filter_by(connection_id=connection.id,
                                                                participant_id=participant.id))
    if share is None:
        share = ContactShare(connection_id=connection.id, participant_id=participant.id, contact=contact)
        db.session.add(share)
    share.contact = contact
    db.session.flush()
    return share


def seal(event, participant, connection: Connection, agreement: str, named: bool,
         seen: str | None = None) -> Connection:
    """One line of agreement seals the match ("what we will do, by when"); either side may write it again.

    `seen` is the agreement as this phone showed it: when the other side changed it since, nothing is saved
    (a phone left open must not write an old version over a newer one)."""
    side = _matched(event, participant, connection)
    agreement = clean_text(agreement, LIMITS.market_agreement)
    if not agreement:
        raise Refused(_l("Write in one line what you will do, and by when."))
    if seen is not None and seen != connection.agreement and agreement != connection.agreement:
        raise Refused(_l("The other person changed the agreement in the meantime: “%(agreement)s”. Read it, "
                         "then seal again; nothing was saved.", agreement=connection.agreement), status=409)
    connection.agreement = agreement
    screen(connection, agreement, event)  # the room sees the line only once it may (personal data, abuse)
    connection.sealed_at = connection.sealed_at or utcnow()
    setattr(connection, f"{side}_named", bool(named))
    db.session.flush()
    return connection


# --- the facilitator as broker ----------------------------------------------------------------------

def propose(event, offer: MarketPost, need: MarketPost) -> Connection:
    """The facilitator suggests an offer and a need to each other; both still say yes themselves."""
    if (offer is None or need is None or offer.event_id != event.id or need.event_id != event.id
            or offer.kind is not PostKind.offer or need.kind is not PostKind.need):
        raise Refused(_l("That offer or need is no longer there. Reload the page."), status=409)
    if offer.participant_id == need.participant_id:
        raise Refused(_l("That offer and need are from the same guest."), status=409)
    if offer.withdrawn or need.withdrawn:
        raise Refused(GONE, status=409)
    if db.session.scalar(db.select(Connection.id).filter_by(offer_id=offer.id, need_id=need.id)) is not None:
        raise Refused(_l("These two already know of each other."), status=409)
    connection = Connection(event_id=event.id, offer_id=offer.id, need_id=need.id, helper_id=offer.participant_id,
                            asker_id=need.participant_id, proposed_by_facilitator=True)
    db.session.add(connection)
    db.session.flush()
    return connection


def highlight(event, need: MarketPost | None) -> None:
    """Put one need on the big screen ("who can help with this?"), instead of any other."""
    if need is None or need.event_id != event.id or need.kind is not PostKind.need or need.withdrawn:
        raise Refused(_l("That need is no longer there. Reload the page."), status=409)
    clear_highlight(event)
    need.highlighted_at = utcnow()
    db.session.flush()


def clear_highlight(event) -> None:
    db.session.execute(db.update(MarketPost).where(MarketPost.event_id == event.id).values(highlighted_at=None))
    db.session.flush()


def set_market(event, open_: bool) -> None:
    event.market_open = bool(open_)
    db.session.flush()


def set_rubrics(event, typed: str) -> list[str]:
    """The organiser's rubrics, typed with commas; a rubric in use cannot go."""
    tags = list(dict.fromkeys(rubric_tag(clean_text(part, LIMITS.role)) for part in typed.split(",")))
    tags = [tag for tag in tags if tag]
    if not tags:
        raise Refused(_l("Keep at least one rubric."))
    used = set(db.session.scalars(db.select(MarketPost.rubric).filter_by(event_id=event.id).distinct()))
    if missing := sorted(used - set(tags)):
        raise Refused(_l("Guests already posted under %(rubrics)s: keep those.", rubrics=", ".join(missing)))
    event.market_rubrics = tags
    db.session.flush()
    return tags
