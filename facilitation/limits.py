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
    #: a translator's line under a post in another language (translation/)
    translation_line=280,
    speaker_question=200,
    search=100,
)

# --- how much of other things: one place for every limit a person can run into ----------------------------

#: tables per event
MAX_TABLES = 200
#: answers to choose from in a quick poll
MAX_OPTIONS = 8
#: endorsements each guest may give in the harvest
ENDORSEMENT_BUDGET = 3
#: words of its own per event (the screening's held and allowed words), each at most 40 characters
MAX_EVENT_WORDS = 100
#: the longest timer
MAX_TIMER_SECONDS = 4 * 3600
#: the largest logo an organiser may upload
MAX_UPLOAD = 1024 * 1024
#: a larger upload up to this size is still read, so the answer can keep the rest of the form
BRAND_BODY = 16 * 1024 * 1024
#: the largest image, counted before it is decoded: a small file can unpack into a huge one
MAX_PIXELS = 25_000_000
#: the longest side of a logo we keep: sharp on a 4K projector's corner and a printed poster
MAX_SIDE = 1200

#: a group of guests smaller than this is merged with others in every report (a role, an answer), so no one
#: can be singled out
ANONYMITY_THRESHOLD = 3
