"""Properties of the market that must hold for any room (issue #16): a proposal is never between one person's
own posts, withdrawn or unseen posts never match, and a match needs the consent of both sides."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitation.errors import Refused
from facilitation.extensions import db
from facilitation.market import operations as ops
from facilitation.market.matching import VAGUE_RUBRICS, proposals, stems_of
from facilitation.market.models import MarketPost, PostKind
from facilitation.review import Review

WORDS = ["taalles", "vrijwilligers", "busje", "verhuizing", "moestuin", "computer", "koken", "ruimte", "fiets",
         "kinderen", "huiswerk", "schilderen"]
RUBRICS = ["kennis", "handen", "anders"]

a_post = st.fixed_dictionaries({
    "participant": st.integers(1, 5),
    "kind": st.sampled_from(list(PostKind)),
    "rubric": st.sampled_from(RUBRICS),
    "words": st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    "withdrawn": st.booleans(),
    "review": st.sampled_from([Review.visible, Review.visible, Review.visible, Review.held, Review.hidden]),
})


def _posts(drawn) -> list[MarketPost]:
    posts = []
    for n, item in enumerate(drawn, start=1):
        text = "Ik zoek " + " en ".join(item["words"])
        posts.append(MarketPost(id=n, event_id=1, participant_id=item["participant"], kind=item["kind"],
                                rubric=item["rubric"], text=text, stems=" ".join(stems_of(text, "nl")),
                                withdrawn=item["withdrawn"], review=item["review"]))
    return posts


@given(st.lists(a_post, min_size=1, max_size=25))
@settings(max_examples=200, deadline=None)
def test_proposals_are_between_other_peoples_visible_posts_of_the_other_kind(drawn):
    posts = _posts(drawn)
    for post in posts:
        found = proposals(post, posts, "nl", limit=50)
        if post.withdrawn or post.review is not Review.visible:
            assert found == []  # a withdrawn or unseen post is proposed to nobody and gets no proposals
        for proposal in found:
            other = proposal.post
            assert other.participant_id != post.participant_id
            assert other.kind is not post.kind
            assert not other.withdrawn and other.review is Review.visible
            # the reason is true: shared words, or the same (specific) rubric
            assert set(proposal.shared) or (other.rubric == post.rubric and post.rubric not in VAGUE_RUBRICS)
            assert all(word.lower() in other.text.lower() for word in proposal.shared)
        assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)


ACTIONS = st.lists(st.sampled_from(["helper yes", "asker yes", "helper withdraws", "asker withdraws",
                                    "outsider yes"]), max_size=6)


@given(ACTIONS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_match_needs_both_yeses_and_nothing_reopens_what_was_taken_back(app, actions):
    from facilitation.events.operations import join_event
    from facilitation.organiser.setup import set_up_event

    with app.app_context():
        event = set_up_event("Beursvloer")
        event.market_open = True
        helper, asker, outsider = (join_event(event, name=name)[0] for name in ("Ann", "Bo", "Cas"))
        offer = ops.post(event, helper, "offer", "kennis", "Ik kan taalles geven")
        need = ops.post(event, asker, "need", "kennis", "Ik zoek taalles")
        connection = ops.propose(event, offer, need)
        people = {"helper": helper, "asker": asker, "outsider": outsider}
        said, withdrawn = set(), False
        for action in actions:
            who, what = action.split(" ")
            # refused: anything by an outsider, a second yes, a yes after it was taken back
            expected_refusal = who == "outsider" or (what == "yes" and (who in said or withdrawn))
            try:
                if what == "yes":
                    ops.say_yes(event, people[who], connection)
                    said.add(who)
                else:
                    ops.withdraw_connection(event, people[who], connection)
                    withdrawn = True
                refused = False
            except Refused:
                refused = True
            assert refused == expected_refusal, (action, said, withdrawn)
            assert connection.matched == ({"helper", "asker"} <= said and not withdrawn)
        # contact details only in a match
        if not connection.matched:
            with pytest.raises(Refused):
                ops.share_contact(event, helper, connection, "ann@example.org")
        db.session.rollback()
