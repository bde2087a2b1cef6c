"""Every `flask --app app ...` command, registered in one place (`register`).

`event create|demo|purge` is the stable command-line interface for automation and `make run`.
"""
import json
import secrets
from datetime import date

import click
from flask.cli import AppGroup

from .accounts.operations import create_organiser, find_organiser
from .dreams.operations import post_dream
from .accounts.cli import user_cli
from .backup import backup_command
from .followup.cli import followup_cli
from .config import LANGUAGES
from .errors import Refused
from .extensions import db
from .tables.queries import count_tables
from .organiser.setup import set_up_event
from .util import public_url
from .events.models import Event
from .events.operations import delete_event, events_due_for_purge, join_event
from .events.links import event_links

event_cli = AppGroup("event", help="Create events and the demo event.")


def register(app) -> None:
    for command in (user_cli, event_cli, backup_command, followup_cli):
        app.cli.add_command(command)

DEMO_ORGANISER = "demo@facilitation.local"
DEMO_TITLE = "Van dromen naar daden (demo)"
DEMO_DREAMS = [
    ("inwoner", "Mensen zien zoals ze zijn, dat verrast altijd."),
    ("vrijwilliger", "Een klein steentje bijdragen met een groot hart."),
    ("medewerker", "Samen ontmoeten in de buurt en een zinvolle daginvulling voor iedereen."),
    ("partner", "Onze zakelijke partners koppelen aan mensen met een afstand tot de arbeidsmarkt."),
    ("bestuurder", "Samenleven begint bij onderwijs: voorlichting op elke basisschool."),
    ("inwoner", "Samen zijn we sterker."),
]


def _print(data: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    width = max(len(key) for key in data)
    for key, value in data.items():
        click.echo(f"  {key.ljust(width)}  {value}")


@event_cli.command("create")
@click.option("--title", required=True, help="The event's title, shown on every screen.")
@click.option("--tables", default=0, type=click.IntRange(0, 200), show_default=True, help="Round tables to make.")
@click.option("--lang", "language", default="nl", type=click.Choice(LANGUAGES), show_default=True)
@click.option("--organiser", "organiser_email", default=None, help="E-mail of the organiser who owns it.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def create(title, tables, language, organiser_email, as_json):
    """Create an event and print its join, facilitator and projector links."""
    organiser = None
    if organiser_email:
        organiser = find_organiser(organiser_email)
        if organiser is None:
            raise click.ClickException(f"No organiser with e-mail {organiser_email}.")
    try:
        event = set_up_event(title, language=language, tables=tables, organiser=organiser)
    except Refused as refused:
        raise click.ClickException(str(refused.message)) from None
    db.session.commit()
    _print(_describe(event), as_json)


@event_cli.command("demo")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def demo(as_json):
    """Make (or reuse) the demo event with a few dreams, and a demo organiser with a fresh password."""
    password = secrets.token_urlsafe(9)
    organiser = find_organiser(DEMO_ORGANISER)
    if organiser is None:
        organiser = create_organiser(DEMO_ORGANISER, password, "Demo")
    else:
        organiser.set_password(password)
    event = db.session.scalar(db.select(Event).filter_by(organiser_id=organiser.id, title=DEMO_TITLE))
    if event is None:
        event = set_up_event(DEMO_TITLE, organiser=organiser, tables=8, venue="Schouwburg Cuijk")
        for role, text in DEMO_DREAMS:
            participant, _ = join_event(event, role_tag=role)
            post_dream(event, participant, text)
    db.session.commit()
    data = _describe(event)
    data.update(organiser_url=public_url("accounts.login"), organiser_email=DEMO_ORGANISER,
                organiser_password=password)
    _print(data, as_json)


def _describe(event) -> dict:
    return {**event_links(event), "title": event.title, "language": event.language, "tables": count_tables(event)}


@event_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Only list the events whose purge date has come.")
def purge(dry_run):
    """Delete every event whose purge date has come, with all its data (run it daily)."""
    due = events_due_for_purge(date.today())
    for event in due:
        click.echo(f"  {event.purge_date.isoformat()}  {event.title}")
        if not dry_run:
            delete_event(event)
    db.session.commit()
    verb = "Would delete" if dry_run else "Deleted"
    click.echo(f"{verb} {len(due)} event(s).")
