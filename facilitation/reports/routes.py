"""The report: a preview the organiser edits, one-click downloads, and the event's deletion.

Only the event's organiser and its facilitators get here (403 for phones and projectors);
nothing is cached on the way (`no-store`), and a deleted event's addresses give 404.
"""
import io
import re
import unicodedata
from datetime import date

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, send_file,
                   url_for)
from flask_babel import force_locale, gettext
from flask_login import current_user

from ..actions import act
from ..events import access
from ..events.operations import delete_event, set_purge_date
from ..followup.operations import set_checkin_weeks
from ..security import render_error
from . import charts, data, documents, operations, pushes, queries
from .content import gather
from .forms import (AccountForm, DeleteForm, FollowUpWeeksForm, MergeThemesForm, OwnWordsForm, PurgeDateForm,
                    ThemeNameForm)

bp = Blueprint("reports", __name__, url_prefix="/console/<int:event_id>/report")

DOWNLOADS = {
    "report.md": "text/markdown",
    "report.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "report.pdf": "application/pdf",
    "report.html": "text/html",
    "data.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "data.zip": "application/zip",
    "report.json": "application/json",
}


@bp.after_request
def no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _with_report(event, answer):
    """Themes are found the first time anyone looks, and kept from then on (so even a look is an action).

    The report is written in the event's language, whatever language the organiser's screen is in.
    """
    def prepare():
        operations.ensure_themes(event)

    def report_then_answer(_):
        with force_locale(event.language):
            report = gather(event)
        return answer(report)

    return act(prepare, answer=report_then_answer, refused=lambda error: render_error(error.status, error.message))


def _charts(event, report) -> dict:
    """The charts as SVG for the preview and report.html (drawn in the event's language; only those two
    show them, so no other download waits for matplotlib)."""
    with force_locale(event.language):
        return {kind: {"src": charts.data_uri(kind, report), "alt": charts.description(kind, report)}
                for kind in charts.available(report)}


def _page(event, status=200, error=None, texts=None):
    """The preview with its forms; after a refusal the forms hold what was typed (`texts`)."""
    def page(report):
        return render_template(
            "reports/preview.html", event=event, report=report, charts=_charts(event, report), editing=True,
            themes=queries.themes(event), error=error,
            texts={"introduction": report["introduction"], "closing": report["closing"],
                   "account": report["account"]["text"], **(texts or {})},
            theme_sizes={theme["id"]: len(theme["dreams"]) for theme in report["dreams"]["themes"]},
            left_out=queries.left_out_items(event),
            comment_ids=[rating.id for rating in queries.reportable_comments(event)],
            may_delete=may_delete(event), outline=documents,
        ), status
    return _with_report(event, page)


def may_delete(event) -> bool:
    """Deleting everything is the owner's call; an event made on the command line has only facilitators."""
    return access.owns(event) or (event.organiser_id is None and access.can_facilitate(event))


def _back(event, anchor=""):
    return redirect(url_for("reports.preview", event_id=event.id) + anchor)


@bp.get("/report.css")
def stylesheet(event_id):
    """The report's styles for the preview page; report.html carries the same file inside itself."""
    return current_app.response_class(render_template("reports/_report.css"), mimetype="text/css")


@bp.get("/")
@access.of_facilitator
def preview(event):
    return _page(event)


@bp.post("/text")
@access.of_facilitator
def save_text(event):
    form = OwnWordsForm()
    texts = {"introduction": form.introduction.data, "closing": form.closing.data}
    return _edit(event, lambda: operations.save_texts(event, **texts),
                 gettext("Saved. The downloads use your text now."), "#own-words", texts)


@bp.post("/account")
@access.of_facilitator
def save_account(event):
    """Save the organiser's account, or (the second button) throw the edits away for a fresh draft."""
    form = AccountForm()
    if form.draft_again.data:
        return _edit(event, lambda: operations.save_account(event, ""),
                     gettext("The draft is written again from the data."), "#account")
    account = form.account.data
    return _edit(event, lambda: operations.save_account(event, account),
                 gettext("Saved. The downloads use your account of the evening now."), "#account",
                 {"account": account})


def _edit(event, change, message, anchor, texts=None):
    """Run an edit; a refusal comes back as a message on the page (with what was typed), nothing changes."""
    def edited(_):
        flash(message)
        return _back(event, anchor)
    return act(change, answer=edited, refused=lambda error: _page(event, error.status, error.message, texts))


def _themes_edit(event, change, message):
    """An edit of the themes: the big screen's theme view follows it, if it is on."""
    def edit():
        change()
        pushes.themes_changed(event)
    return _edit(event, edit, message, "#themes")


@bp.post("/themes/<theme_id>/rename")
@access.of_facilitator
def rename_theme(event, theme_id):
    label = ThemeNameForm().label.data
    return _themes_edit(event, lambda: operations.rename_theme(queries.theme_of(event, theme_id), label),
                        gettext("The theme has its new name."))


@bp.post("/themes/<theme_id>/merge")
@access.of_facilitator
def merge_theme(event, theme_id):
    into = MergeThemesForm().into.data
    return _themes_edit(event, lambda: operations.merge_themes(queries.theme_of(event, theme_id),
                                                               queries.theme_of(event, into)),
                        gettext("The themes are merged."))


@bp.post("/themes/again")
@access.of_facilitator
def themes_again(event):
    return _themes_edit(event, lambda: operations.find_themes_again(event),
                        gettext("The themes are found again from the dreams."))


@bp.post("/<any(dream, contribution, deed, comment):kind>/<item_id>/<any('leave-out', 'put-back'):action>")
@access.of_facilitator
def leave_out(event, kind, item_id, action):
    change = operations.leave_out if action == "leave-out" else operations.put_back
    message = (gettext("Left out of the report.") if action == "leave-out"
               else gettext("Back in the report."))
    return _edit(event, lambda: change(event, kind, item_id), message, "#left-out")


@bp.post("/purge-date")
@access.of_facilitator
def purge_date(event):
    raw = PurgeDateForm().purge_on.data.strip()
    try:
        day = date.fromisoformat(raw) if raw else None
    except ValueError:
        return _page(event, 422, gettext("Write the day as a date, for example %(example)s.",
                                         example=date.today().isoformat()))
    return _edit(event, lambda: set_purge_date(event, day, date.today()),
                 gettext("The data of this event will be deleted on the day you chose."), "#privacy")


@bp.post("/follow-up")
@access.of_facilitator
def follow_up_weeks(event):
    """How many weeks after the evening the check-in mail goes (the default purge date moves with it)."""
    weeks = FollowUpWeeksForm().weeks.data
    return _edit(event, lambda: set_checkin_weeks(event, weeks),
                 gettext("Saved. The check-in and the day the data is deleted follow it."), "#follow-up",
                 {"weeks": weeks})


@bp.route("/delete", methods=["GET", "POST"])
@access.of_facilitator
def delete(event):
    if not may_delete(event):
        abort(403)
    if request.method == "POST" and DeleteForm().confirm.data:

        title = event.title

        def deleted(_):
            flash(gettext("“%(title)s” and all its data are deleted.", title=title))
            return redirect(url_for("organiser.index") if current_user.is_authenticated else url_for("home.index"))
        return act(lambda: delete_event(event), answer=deleted,
                   refused=lambda error: render_error(error.status, error.message))
    error = gettext("Tick the box to confirm.") if request.method == "POST" else None
    return _with_report(event, lambda report: (render_template(
        "reports/delete.html", event=event, counts=_counts(report), error=error), 422 if error else 200))


def _counts(report) -> dict:
    return {"people": report["attendance"]["total"], "dreams": report["dreams"]["count"],
            "tables": len(report["tables"])}


def download_name(event, name: str) -> str:
    """A file name any computer accepts, in the event's language: the title in plain letters, then what it
    is ("zorg-ontmoet-buurt-verslag.pdf"); the address keeps its stable name (report.pdf)."""
    plain = unicodedata.normalize("NFKD", event.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:60] or "event"
    stem, extension = name.split(".")
    with force_locale(event.language):
        what = gettext("report") if stem == "report" else gettext("data")
    return f"{slug}-{what}.{extension}"


@bp.get("/<any(" + ", ".join(f'"{name}"' for name in DOWNLOADS) + "):name>")
@access.of_facilitator
def download(event, name):
    return _with_report(event, lambda report: send_file(
        io.BytesIO(_document(event, name, report)), mimetype=DOWNLOADS[name], as_attachment=True,
        download_name=download_name(event, name), max_age=0))


def _document(event, name: str, report: dict) -> bytes:
    with force_locale(event.language):
        if name == "report.md":
            return documents.markdown(report).encode()
        if name == "report.docx":
            return documents.docx(report)
        if name == "report.pdf":
            return documents.pdf(report)
        if name == "report.html":
            return render_template("reports/report.html", report=report, charts=_charts(event, report), editing=False,
                                   outline=documents).encode()
        if name == "data.xlsx":
            return data.xlsx(event)
        if name == "data.zip":
            return data.csv_zip(event)
        return data.report_json(report)
