"""The account of the evening in prose (the draft verslag), written from the gathered report.

Every sentence is made from the report's own data: the counts, names and texts as stored, in the
event's language, nothing invented and nothing fetched from elsewhere. The organiser edits the
draft before downloading; until then every format carries the draft as the data gives it now.
Call it inside `force_locale(event.language)`.
"""
import re

from babel.lists import format_list
from flask_babel import format_decimal, get_locale, gettext, ngettext

from .documents import day, dreams_and_hearts, matches_line, ways

#: how many themes the account names, and how many dreams it quotes from each
THEMES_NAMED = 3
DREAMS_QUOTED = 3
#: a long advice is quoted up to here, then "…"
QUOTE_LENGTH = 240


def draft(report: dict) -> str:
    """Paragraphs separated by a blank line: who came, the programme, the pitches, the dreams, the tables,
    the deeds and the rating."""
    paragraphs = [_who_came(report), _programme(report), _pitches(report), _dreams(report), *_tables(report),
                  _market(report), _closing(report)]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def quote(text: str, length: int = QUOTE_LENGTH) -> str:
    """A text as stored, between quotes; a long one cut at a word with "…", a closing full stop left to the
    sentence around it."""
    if len(text) > length:
        text = text[:length].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
    return gettext("“%(text)s”", text=text.removesuffix("."))


#: "…?”." reads "…?”": a quote that ends in a question or exclamation mark ends the sentence
DOUBLE_END = re.compile(r"([?!…])([’”»\"'])\.")


def _sentences(*sentences: str) -> str:
    return DOUBLE_END.sub(r"\1\2", " ".join(sentence for sentence in sentences if sentence))


def _list(items: list[str]) -> str:
    return format_list(items, locale=get_locale()) if items else ""


def _lower_first(label: str) -> str:
    """"Inwoner" reads "inwoner" in a sentence; an abbreviation such as "GGZ" stays as it is."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _who_came(report) -> str:
    attendance, event = report["attendance"], report["event"]
    sentence = ngettext("%(num)s person took part in %(title)s", "%(num)s people took part in %(title)s",
                        attendance["total"], title=quote(event["title"]))
    if event["date"]:
        sentence += gettext(" on %(day)s", day=day(event["date"]))
    if event["venue"]:
        sentence += gettext(" at %(venue)s", venue=event["venue"])
    sentences = [sentence + "."]
    roles = [gettext("%(role)s (%(count)s)", role=_lower_first(row["role"]), count=row["count"])
             for row in attendance["by_role"]]
    if roles:
        sentences.append(gettext("By role: %(roles)s.", roles=_list(roles)))
    if ways(attendance):
        sentences.append(ways(attendance))
    return _sentences(*sentences)


def _programme(report) -> str:
    ran = [part for part in report["programme"] if part["started_at"]]
    if ran:
        parts = [gettext("%(title)s (%(minutes)s min)", title=part["title"], minutes=part["minutes"])
                 if part["minutes"] is not None else part["title"] for part in ran]
        return gettext("The programme as it ran: %(parts)s.", parts=_list(parts))
    if report["programme"]:
        parts = [gettext("%(title)s (%(minutes)s min)", title=part["title"], minutes=part["planned_minutes"])
                 for part in report["programme"]]
        return gettext("The programme as planned: %(parts)s.", parts=_list(parts))
    return ""


def _pitches(report) -> str:
    pitches = report["pitches"]
    if not pitches:
        return ""
    sentences = [ngettext("%(num)s speaker pitched a dream.", "%(num)s speakers pitched their dream.",
                          report["counts"]["pitches"])]
    for pitch in pitches:
        if not pitch["dream"]:
            sentences.append(gettext("%(name)s pitched a dream too.", name=pitch["speaker"]))
        elif pitch["hearts"]:
            sentences.append(ngettext("The dream of %(name)s: %(dream)s (%(num)s heart on the wall).",
                                      "The dream of %(name)s: %(dream)s (%(num)s hearts on the wall).",
                                      pitch["hearts"], name=pitch["speaker"], dream=quote(pitch["dream"])))
        else:
            sentences.append(gettext("The dream of %(name)s: %(dream)s.", name=pitch["speaker"],
                                     dream=quote(pitch["dream"])))
    return _sentences(*sentences)


def _dreams(report) -> str:
    dreams = report["dreams"]
    if not dreams["count"]:
        return gettext("No dreams were put on the wall.")
    sentences = [dreams_and_hearts(dreams)]
    themes = sorted((theme for theme in dreams["themes"] if theme["id"] is not None),
                    key=lambda theme: -theme["count"])[:THEMES_NAMED]
    if themes:
        named = [ngettext("%(label)s (%(num)s dream)", "%(label)s (%(num)s dreams)", theme["count"],
                          label=theme["label"]) for theme in themes]
        sentences.append(gettext("The biggest themes: %(themes)s.", themes=_list(named)))
        for theme in themes:
            quotes = [quote(dream["text"]) for dream in theme["dreams"][:DREAMS_QUOTED]]
            sentences.append(gettext("From %(theme)s: %(dreams)s.", theme=theme["label"], dreams=_list(quotes)))
    return _sentences(*sentences)


def _tables(report) -> list[str]:
    tables = [table for table in report["tables"] if table["dilemma"] or table["advice_cards"]
              or table["key_contributions"]]
    if not tables:
        return []
    paragraphs = [ngettext("The guests sat at %(num)s round table to advise each other on dilemmas from practice.",
                           "The guests sat at %(num)s round tables to advise each other on dilemmas from practice.",
                           report["counts"]["tables"])]
    for table in tables:
        sentences = [gettext("%(table)s: %(dilemma)s.", table=table["name"], dilemma=quote(table["dilemma"]))
                     if table["dilemma"] else table["name"] + "."]
        cards = [card for card in table["advice_cards"] if card["advice"]]
        for card in cards:
            sentences.append(gettext("The advice: %(advice)s.", advice=quote(card["advice"])))
            if card["next_step"]:
                sentences.append(gettext("The first step: %(step)s.", step=quote(card["next_step"])))
        if not cards and table["key_contributions"]:
            sentences.append(gettext("What the table found most important: %(text)s.",
                                     text=quote(table["key_contributions"][0]["text"])))
        paragraphs.append(_sentences(*sentences))
    return paragraphs


def _market(report) -> str:
    market = report["market"]
    if not (market["offers"] or market["needs"]):
        return ""
    sentences = [gettext("At the market: %(line)s", line=matches_line(market))]
    if market["agreements"]:
        sentences.append(ngettext("The agreement: %(agreement)s.", "One of the agreements: %(agreement)s.",
                                  len(market["agreements"]), agreement=quote(market["agreements"][0]["agreement"])))
    return _sentences(*sentences)


def _closing(report) -> str:
    sentences = []
    deeds, evaluation = report["deeds"], report["evaluation"]
    if deeds:
        sentences.append(ngettext("%(num)s guest wrote down a deed for the coming week, such as %(deed)s.",
                                  "%(num)s guests wrote down a deed for the coming week, such as %(deed)s.",
                                  report["counts"]["deeds"], deed=quote(deeds[0]["text"])))
    if evaluation["count"]:
        sentences.append(ngettext("%(num)s guest rated the evening: on average %(average)s out of 5 stars.",
                                  "%(num)s guests rated the evening: on average %(average)s out of 5 stars.",
                                  evaluation["count"], average=format_decimal(evaluation["average"])))
    return _sentences(*sentences)
