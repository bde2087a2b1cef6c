"""After the evening: "my evening" on the guest's phone, the check-in that a mail links to, and the link that
stops the mails. Plain forms: they work without JavaScript. (The guests' harvest page is the report's:
reports/harvest.py.)"""
from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale, gettext

from .. import pages
from ..actions import act
from ..dreams.queries import own_dreams
from ..events import access, flood
from ..extensions import csrf
from ..market.queries import connections_of
from ..programme.queries import deed_of
from ..tables.queries import seat_of
from . import operations as ops
from .forms import KeepInTouchForm
from .links import link_for
from .models import DeedProgress, LinkPurpose
from .queries import progress_label

bp = Blueprint("followup", __name__)


def _mine(event, participant, **extra) -> dict:
    return {"event": event, "brand_event": event, "participant": participant,
            "dreams": own_dreams(participant),
            "deed": deed_of(participant),
            "matches": [mine for mine in connections_of(event, participant) if mine.connection.matched],
            "seat": seat_of(participant), "address": ops.address_of(participant),
            "summary_due": ops.summary_due(event), "checkin_due": ops.checkin_due(event),
            **pages.parts("now", event, participant),
            "typed": "", "error": None, **extra}


def _my_page(event) -> str:
    return url_for("followup.my_evening", code=event.join_code)


@bp.get("/e/<code>/me")
@access.of_guest
def my_evening(event, participant):
    return render_template("followup/my_evening.html", **_mine(event, participant))


@bp.post("/e/<code>/me/mail")
@access.of_guest
def keep_in_touch(event, participant):
    """The explicit opt-in: an address and a ticked box, for the summary and the one check-in."""
    form = KeepInTouchForm()
    email = form.email.data

    def operation():
        flood.check("post", f"participant:{participant.id}")
        return ops.keep_in_touch(event, participant, email, form.consent.data, str(get_locale()))

    def kept(_):
        flash(gettext("Thank you. We will mail you the harvest tomorrow morning, and ask once how it went."))
        return redirect(_my_page(event) + "#keep-in-touch")

    return act(operation, answer=kept, refused=lambda error: render_template(
        "followup/my_evening.html", **_mine(event, participant, typed=email, error=error.message)))


@bp.post("/e/<code>/me/forget")
@access.of_guest
def forget(event, participant):

    def forgotten(_):
        flash(gettext("Your e-mail address is deleted. We will not mail you."))
        return redirect(_my_page(event) + "#keep-in-touch")

    return act(lambda: ops.forget_address(participant), answer=forgotten,
               refused=lambda error: render_template("followup/my_evening.html",
                                                     **_mine(event, participant, error=error.message)))


def _guest_of(token: str, purpose: LinkPurpose):
    """The guest of a mail's link made for this purpose; the page speaks the language of their mails, unless
    this browser chose one."""
    link = link_for(token, purpose)
    if link is None:
        return None
    access.use_event(link.participant.event)
    if link.language in current_app.config["GUEST_LANGUAGES"] and "lang" not in session:
        session["lang"] = link.language
    return link.participant


def _unknown():
    return render_template("followup/unknown_link.html"), 404


def _checkin_context(participant, **extra) -> dict:
    event = participant.event
    deed = deed_of(participant)
    checkin = ops.checkin_of(participant)
    return {"event": event, "brand_event": event, "token": request.view_args["token"],
            "deed": deed, "checkin": checkin, "answers": [(p.value, progress_label(p)) for p in DeedProgress],
            "matches": [mine for mine in connections_of(event, participant) if mine.connection.matched],
            "match_answers": ops.match_answers(participant), "has_address": ops.address_of(participant) is not None,
            "chosen": None, "error": None, **extra}


@bp.get("/checkin/<token>")
def checkin(token):
    """The page a check-in mail links to; `?answer=done` (the mail's one-tap links) sends that answer at once
    in a browser, while a mail scanner that only fetches the link changes nothing."""
    participant = _guest_of(token, LinkPurpose.checkin)
    if participant is None:
        return _unknown()
    chosen = request.args.get("answer")
    return render_template("followup/checkin.html", **_checkin_context(
        participant, chosen=chosen if chosen in {p.value for p in DeedProgress} else None))


@bp.post("/checkin/<token>")
def answer(token):
    participant = _guest_of(token, LinkPurpose.checkin)
    if participant is None:
        return _unknown()
    # read by hand: besides the progress and the line, one field per match of the market ("match-<id>"), as
    # many as the guest made; ops.answer_match checks each id
    form = request.form

    def operation():

        flood.check("post", f"participant:{participant.id}")
        if form.get("progress") or "line" in form:
            ops.answer_checkin(participant, form.get("progress"), form.get("line") if "line" in form else None)
        for key, value in form.items():
            if key.startswith("match-"):
                ops.answer_match(participant, key.removeprefix("match-"), value == "yes")

    return act(operation, answer=lambda _: render_template(
        "followup/checkin.html", **_checkin_context(participant, saved=True)),
        refused=lambda error: render_template("followup/checkin.html",
                                              **_checkin_context(participant, error=error.message)))


@bp.post("/checkin/<token>/forget")
def forget_by_link(token):
    """"Delete my e-mail address" on the check-in page: its own link is the proof, and dies with the address."""
    participant = _guest_of(token, LinkPurpose.checkin)
    if participant is None:
        return _unknown()
    return act(lambda: ops.forget_address(participant),
               answer=lambda _: render_template("followup/stop.html", event=participant.event, done=True),
               refused=lambda error: _unknown())


@bp.route("/stop/<token>", methods=["GET", "POST"])
@csrf.exempt  # a mail program's one-click "unsubscribe" posts without a form (RFC 8058); the token is the proof
def stop(token):
    participant = _guest_of(token, LinkPurpose.stop)
    if participant is None:
        return _unknown()
    if request.method == "GET":
        return render_template("followup/stop.html", event=participant.event, token=token, done=False)
    return act(lambda: ops.forget_address(participant),
               answer=lambda _: render_template("followup/stop.html", event=participant.event, token=token, done=True),
               refused=lambda error: _unknown())

