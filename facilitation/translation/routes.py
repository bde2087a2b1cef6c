"""The translator's page: every kind of post a guest wrote in another language, each with a line to add in the
event's."""
from flask import Blueprint, abort, redirect, render_template, url_for

from ..actions import act, fragment_or_back, refusal_or_back
from ..events import access
from .forms import LineForm
from .operations import translate as translate_post
from .queries import ANCHOR, KINDS, post_to_translate, to_translate

bp = Blueprint("translation", __name__, url_prefix="/translate/<int:event_id>")


@bp.get("/<token>")
def link(event_id, token):
    """Opening the translator's link gives this browser the right to add translation lines, nothing more."""
    event = access.open_link(event_id, "translator", token)
    return redirect(url_for("translation.page", event_id=event.id))


@bp.get("/")
@access.of_translator
def page(event):
    return render_template("translation/page.html", event=event, anchor_of=ANCHOR,
                           posts={kind: to_translate(event, kind) for kind in KINDS})


@bp.post("/<kind>/<int:post_id>")
@access.of_translator
def translate(event, kind, post_id):
    post = post_to_translate(event, kind, post_id) if kind in KINDS else None
    if post is None:
        abort(404)
    anchor = f"{ANCHOR[kind]}-{post.id}"
    back = url_for("translation.page", event_id=event.id) + f"#{anchor}"
    form = LineForm()

    def item(error=None):
        return render_template("translation/_post.html", event=event, kind=kind, post=post, anchor_of=ANCHOR,
                               error=error, saved=error is None, typed=form.line.data)
    return act(lambda: translate_post(kind, post, event, form.line.data),
               answer=lambda _: fragment_or_back(item, back), refused=refusal_or_back(item, back))
