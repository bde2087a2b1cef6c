"""`flask --app app backup PATH`: a consistent copy of the SQLite database while the evening runs."""
import os
import sqlite3

import click
from flask.cli import with_appcontext

from .extensions import db


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def backup_command(path):
    """Copy the database with SQLite's online backup API (never a file copy, which can tear a WAL database)."""
    if db.engine.dialect.name != "sqlite":
        raise click.ClickException("backup copies SQLite databases; use pg_dump for PostgreSQL.")
    source = db.engine.raw_connection()
    try:
        if not os.path.exists(path):  # a copy of the guests' texts: readable by its owner only
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
        target = sqlite3.connect(path)
        with target:
            source.driver_connection.backup(target)
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
        target.close()
    finally:
        source.close()
    if check != "ok":
        raise click.ClickException(f"the copy failed its integrity check: {check}")
    click.echo(f"Backup written to {path} (integrity check: ok).")
