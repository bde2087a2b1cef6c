"""`flask --app app followup send`: the follow-up mails that are due, for cron or a systemd timer."""
from datetime import datetime

import click
from flask.cli import AppGroup

from ..util import utcnow
from .sending import send_due

followup_cli = AppGroup("followup", help="The mails to guests after the evening.")


@followup_cli.command("send")
@click.option("--at", "at", default=None, help="Act as if it were this moment (UTC, 2027-01-05T09:00); "
                                               "for catching up and for tests.")
def send(at):
    """Send the summaries and check-ins that are due (run it every few minutes; running it twice is safe)."""
    try:
        now = datetime.fromisoformat(at).replace(tzinfo=None) if at else utcnow()
    except ValueError:
        raise click.BadParameter("use the form 2027-01-05T09:00", param_hint="--at") from None
    run = send_due(now)
    for address_id, kind, where in run.sent:
        click.echo(f"  sent: {kind} to address {address_id} ({where})")
    for address_id, kind, error in run.failed:
        click.echo(f"  not sent: {kind} to address {address_id}: {error} (tried again later)", err=True)
    click.echo(f"Sent {len(run.sent)} mail(s); {len(run.failed)} to try again later.")
