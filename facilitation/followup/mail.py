"""Writing and delivering the follow-up mails: plain text plus simple HTML, in the guest's language.

Delivered with the standard library's SMTP client to MAIL_SERVER; without one (a venue laptop, `make run`),
each mail is written to MAIL_FOLDER as a .eml file that any mail program opens.
"""
import os
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale, gettext

from .links import mail_links


def compose(kind: str, address, event, context: dict) -> EmailMessage:
    """The "summary" or "checkin" mail for one address; `context` holds what the templates show."""
    links = mail_links(address.participant, address.language, kind)
    with force_locale(address.language):
        subject = (gettext("Your evening: %(title)s", title=event.title) if kind == "summary"
                   else gettext("Did you do it? A question from %(title)s", title=event.title))
        values = {"event": event, "links": links, "subject": subject, **context}
        text = render_template(f"followup/mail_{kind}.txt", **values)
        html = render_template(f"followup/mail_{kind}.html", **values)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = address.email
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="facilitation")
    # one click in the mail program stops the mails and deletes the address (RFC 8058)
    message["List-Unsubscribe"] = f"<{links['stop']}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def deliver(message: EmailMessage) -> str:
    """Send it; raises OSError or smtplib.SMTPException when it did not go (the sender tries again later)."""
    config = current_app.config
    if not config["MAIL_SERVER"]:
        return _to_folder(message, Path(config["MAIL_FOLDER"]))
    security = config["MAIL_SECURITY"]
    if security == "ssl":
        client = smtplib.SMTP_SSL(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30,
                                  context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30)
    with client:
        if security == "starttls":
            client.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            client.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        client.send_message(message)
    return f"{config['MAIL_SERVER']}:{config['MAIL_PORT']}"


def _to_folder(message: EmailMessage, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    name = message["Message-ID"].strip("<>").replace("@", "-").replace("/", "-") + ".eml"
    path = folder / name
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)  # an address is personal data
    with os.fdopen(descriptor, "wb") as file:
        file.write(bytes(message))
    return str(path)
