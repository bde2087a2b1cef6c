"""How long each text may be: one number per kind of text, used by the models, the operations and the
forms (`maxlength`, through the `limits` template global)."""
from types import SimpleNamespace

LIMITS = SimpleNamespace(
    dream=280,
    name=40,
    role=40,
    event_title=120,
    venue=120,
    announcement=200,
    speaker_name=80,
    speaker_dream=280,
    deed=280,
    rating_comment=500,
    contribution=500,
    card_field=2000,
    table_name=80,
    table_theme=120,
    dilemma=500,
    table_context=1000,
    phase_title=120,
    phase_description=500,
    report_text=5000,
    #: the account of the evening in prose: a conference with 50 tables says more than an evening
    report_account=30000,
    theme_label=80,
    market_post=200,
    market_organisation=80,
    market_contact=120,
    market_agreement=200,
    checkin_line=280,
    email=254,
    series_name=120,
    pole=80,
    poll_question=200,
    poll_option=80,
    poll_words=40,
    speaker_question=200,
    search=100,
)

#: a group of guests smaller than this is merged with others in every report (a role, an answer), so no one
#: can be singled out
ANONYMITY_THRESHOLD = 3
