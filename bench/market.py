"""The market's matching at the size of a big evening: 500 guests, 1,000 offers and needs (issue #16).

Measured in this process on a real SQLite file (WAL, as `make run`): for each new post, the time to store
it and find its proposals (one query for the posts of the other kind, then a set intersection per post),
and the time a guest's whole market page takes to render. Run by bench/run.py (`make bench`); on its own:
`.venv/bin/python bench/market.py`.
"""
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOPICS = ("taalles nieuwkomers", "busje verhuizing", "moestuin buurt", "computerles ouderen", "koken maaltijden",
          "ruimte buurtfeest", "fietsles vrouwen", "huiswerkbegeleiding kinderen", "klussen woning",
          "boekhouding vereniging", "stageplek jongeren", "vervoer ziekenhuis", "wandelen eenzaam", "website stichting",
          "naaimachine kleding", "gereedschap tuin", "vergaderruimte dinsdag", "muziekles kinderen",
          "vrijwilligers festival", "sollicitatie training")
FILLER = ("op dinsdag", "in het weekend", "voor onze wijk", "samen met anderen", "een paar uur per week",
          "in het buurthuis", "voor de club", "bij mij thuis")


def post_text(rng: random.Random) -> str:
    return f"{rng.choice(('Ik kan', 'Ik zoek', 'Wij bieden', 'Wie helpt met'))} {rng.choice(TOPICS)} " \
           f"{rng.choice(FILLER)}."


def percentile(values, p):
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))], 1) if values else None


def run(guests: int = 500, posts: int = 1000, measured: int = 200) -> dict:
    from facilitation import create_app
    from facilitation.events.operations import join_event
    from facilitation.extensions import db
    from facilitation.market import operations as ops
    from facilitation.market.matching import candidates_for, proposals
    from facilitation.market.rubrics import DEFAULT_RUBRICS
    from facilitation.organiser.setup import set_up_event

    work = Path(tempfile.mkdtemp(prefix="bench-market-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'market.sqlite'}", "SECRET_KEY": "bench",
                      "SOCKETIO_ASYNC_MODE": "threading", "FLOOD_CONTROL": False, "TESTING": True,
                      "WTF_CSRF_ENABLED": False})
    rng = random.Random(16)
    with app.app_context():
        db.create_all()
        event = set_up_event("Beursvloer", tables=0)
        event.market_open = True
        people = [join_event(event, name=f"Gast{n}")[0] for n in range(guests)]
        for n in range(posts):
            ops.post(event, people[n % guests], rng.choice(("offer", "need")), rng.choice(DEFAULT_RUBRICS),
                     post_text(rng))
        db.session.commit()
        code, event_id = event.join_code, event.id
        timings, counts = [], []
        for n in range(measured):
            start = time.perf_counter()
            made = ops.post(event, people[rng.randrange(guests)], rng.choice(("offer", "need")),
                            rng.choice(DEFAULT_RUBRICS), post_text(rng))
            found = proposals(made, candidates_for(made), event.language)
            timings.append((time.perf_counter() - start) * 1000)
            counts.append(len(found))
            db.session.commit()
    # a guest's whole market page (their posts, each with proposals, and their connections), over HTTP
    client = app.test_client()
    client.post(f"/j/{code}", data={"name": "Meter"})  # CSRF is off for this measurement only
    with app.app_context():
        from facilitation.events.models import Event, Participant
        event = db.session.get(Event, event_id)
        me = db.session.scalar(db.select(Participant).filter_by(event_id=event_id, name="Meter"))
        for kind in ("offer", "need", "offer"):
            ops.post(event, me, kind, "kennis", post_text(rng))
        db.session.commit()
    pages = []
    for _ in range(50):
        start = time.perf_counter()
        response = client.get(f"/e/{code}/market")
        pages.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return {"guests": guests, "posts": posts + measured, "measured": measured,
            "proposals_ms": {"p50": percentile(timings, 50), "p95": percentile(timings, 95),
                             "p99": percentile(timings, 99)},
            "proposals_per_post": round(sum(counts) / len(counts), 1),
            "market_page_ms": {"p50": percentile(pages, 50), "p95": percentile(pages, 95)}}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
