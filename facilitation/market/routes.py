"""The guest's market page: post what you offer and look for, see who may help, connect by consent.

Plain forms (they work without JavaScript); a change that concerns a guest reaches their phone as a
"market:changed" signal, after which the phone fetches its own part again over HTTP (the socket never
carries a name or a contact detail).
"""
from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext

from .. import pages
from ..actions import act, fragment_or_back
from ..dreams.queries import get_dream
from ..events import access, flood
from . import operations as ops
from . import pushes
from .forms import ContactForm, MarketPostForm, SealForm
from .queries import connection_in, connections_of, my_posts, pairs_of, post_in, waiting_for
from .rubrics import rubrics

bp = Blueprint("market", __name__)


# the dream page and a table page say how many guests wait for this one's answer in the market
pages.register("phone", market_waiting=lambda event, participant: waiting_for(participant))
pages.register("table", market_waiting=lambda event, participant, table: waiting_for(participant))


def _context(event, participant, **extra) -> dict:
    connections = connections_of(event, participant)
    return {"event": event, "participant": participant, "rubrics": rubrics(event),
            "mine": my_posts(event, participant), "connections": connections,
            # pairs already in touch ("see below") or ended (declined, taken back): no second "let's talk"
            "known": pairs_of(event, participant),
            **pages.parts("now", event, participant), "form": {}, "typed": {}, "error": None, **extra}


def _page(event):
    return url_for("market.page", code=event.join_code)


@bp.get("/e/<code>/market")
@access.of_guest
def page(event, participant):
    return render_template("market/phone.html", **_context(event, participant))


@bp.get("/e/<code>/market/live")
@access.of_phone
def live(event, participant):
    """What the market page fetches after a "market:changed" signal or a reconnect."""
    return render_template("market/_live.html", **_context(event, participant))


def _act(event, participant, change, message, anchor="", refused_extra=None):
    """A guest's action: on a refusal the page comes back with the message and what was typed."""
    def operation():
        flood.check("post", f"participant:{participant.id}")
        return change()

    def refused(error):
        return render_template("market/phone.html", **_context(event, participant, error=error.message,
                                                               **(refused_extra or {})))
    return act(operation, answer=lambda _: fragment_or_back(None, _page(event) + anchor, message), refused=refused)


@bp.post("/e/<code>/market/posts")
@access.of_guest
def post(event, participant):
    form = MarketPostForm().typed()

    def change():
        made = ops.post(event, participant, form["kind"], form["rubric"], form["text"], form["organisation"])
        pushes.market_changed(event, made)
        return made
    return _act(event, participant, change, gettext("Posted. Look below for people who may help, or whom you may help."),
                "#mine", {"form": form})


@bp.post("/e/<code>/market/posts/<post_id>/withdraw")
@access.of_guest
def withdraw(event, participant, post_id):
    market_post = post_in(event, post_id)

    def change():
        affected = pushes.people_of(market_post)
        ops.withdraw_post(event, participant, market_post)
        pushes.market_changed(event, market_post, affected)
    return _act(event, participant, change, gettext("Taken back. It no longer shows anywhere."), "#mine")


@bp.post("/e/<code>/market/posts/<post_id>/talk/<other_id>")
@access.of_guest
def talk(event, participant, post_id, other_id):

    def change():
        connection = ops.talk(event, participant, post_in(event, post_id), post_in(event, other_id))
        pushes.connection_changed(event, connection)
        return connection, None
    return _answer(event, participant, change)


@bp.route("/e/<code>/dreams/<int:dream_id>/help", methods=["GET", "POST"])
@access.of_guest
def help_dream(event, participant, dream_id):
    """"I can help with this" on a dream of the wall: a page that asks once more, then a yes to its author."""
    if request.method == "GET":
        dream = get_dream(event, dream_id)
        if dream is None or not dream.visible:
            abort(404)
        return render_template("market/help.html", event=event, dream=dream)

    def change():
        connection = ops.offer_help(event, participant, get_dream(event, dream_id))
        pushes.connection_changed(event, connection)
        return connection, None
    return _answer(event, participant, change)


@bp.post("/e/<code>/market/connections/<connection_id>/<any(yes, withdraw):action>")
@access.of_guest
def answer(event, participant, connection_id, action):
    connection = connection_in(event, connection_id)

    def change():
        if action == "yes":
            ops.say_yes(event, participant, connection)
            said = None
        else:
            # what ending it means depends on how far it was
            said = (gettext("The match has ended.") if connection and connection.matched
                    else gettext("Your yes is taken back.") if connection and connection.side(participant.id)
                    and getattr(connection, f"{connection.side(participant.id)}_yes_at")
                    else gettext("No, thank you: noted. The other person never learns who you are."))
            ops.withdraw_connection(event, participant, connection)
        pushes.connection_changed(event, connection)
        return connection, said
    return _answer(event, participant, change)


def _answer(event, participant, change):
    """A connection action; `change()` returns the connection and what to say, or None for the usual."""
    def message(connection, said=None):
        if said:
            return said
        if connection.matched:
            return gettext("It is a match! You see below who it is and where to meet.")
        return gettext("Sent. When the other person says yes too, you both see who it is.")

    return act(lambda: _flooded(participant, change),
               answer=lambda result: fragment_or_back(None, _page(event) + "#connections", message(*result)),
               refused=lambda error: render_template("market/phone.html", **_context(event, participant,
                                                                                      error=error.message)))


def _flooded(participant, change):
    flood.check("mark", f"participant:{participant.id}")
    return change()


@bp.post("/e/<code>/market/connections/<connection_id>/<any(contact, seal):what>")
@access.of_guest
def match_form(event, participant, connection_id, what):
    """The two forms of a match: share a contact detail, or seal it with one line of agreement."""
    connection = connection_in(event, connection_id)
    field = "contact" if what == "contact" else "agreement"
    form = ContactForm() if what == "contact" else SealForm()
    typed = form[field].data

    def change():
        if what == "contact":
            ops.share_contact(event, participant, connection, typed)
        else:
            ops.seal(event, participant, connection, typed, form.named.data, form.seen.data)

        pushes.connection_changed(event, connection, sealed=what == "seal")
    message = (gettext("Saved for this match only. The other person sees it once they share theirs.")
               if what == "contact" else gettext("Sealed. Good luck with it!"))
    return _act(event, participant, change, message, f"#connection-{connection_id}",
                {"typed": {connection_id: {field: typed}}})
