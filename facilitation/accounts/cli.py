import click
from flask.cli import AppGroup

from ..errors import Refused
from ..extensions import db
from .operations import change_password, create_organiser, find_organiser

user_cli = AppGroup("user", help="Organiser accounts.")


@user_cli.command("create")
@click.option("--email", prompt=True, help="Login e-mail address.")
@click.option("--name", default="", help="Name shown in the console.")
@click.password_option(help="At least 10 characters; asked twice when left out.")
def create_user(email, name, password):
    """Make an organiser account (the password is stored hashed)."""
    try:
        organiser = create_organiser(email, password, name)
    except Refused as refused:
        raise click.ClickException(str(refused.message)) from None
    db.session.commit()
    click.echo(f"Organiser {organiser.email} created.")


@user_cli.command("password")
@click.option("--email", prompt=True, help="Login e-mail address.")
@click.password_option(help="At least 10 characters; asked twice when left out.")
def reset_password(email, password):
    """Give an organiser a new password; every session signed in before ends."""
    organiser = find_organiser(email)
    if organiser is None:
        raise click.ClickException(f"No organiser with e-mail address {email}.")
    try:
        change_password(organiser, password)
    except Refused as refused:
        raise click.ClickException(str(refused.message)) from None
    db.session.commit()
    click.echo(f"New password set for {organiser.email}; earlier sessions are signed out.")
