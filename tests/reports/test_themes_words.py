"""Issue #27: the words themes and the word cloud are made of come from well-kept language tools (simplemma's
dictionary forms, wordfreq's commonness, Babel's language names), not from a stemmer's cut: a place never
names a theme, words that only look alike stay apart, a Dutch compound counts for the word it ends in."""
from facilitation.dreams.words import compound_parts, names, top_words
from facilitation.reports.themes import _Words, find_themes


def labels(dreams, language="nl", **kwargs):
    themes, _ = find_themes(list(enumerate(dreams)), language, **kwargs)
    return {theme.label.lower() for theme in themes}


def test_a_street_a_neighbourhood_and_the_venue_never_name_a_theme():
    dreams = ["Plantenbakken in de Spuistraat", "Maak de Spuistraat duurzaam", "Een bankje in de Spuistraat",
              "Speelplein voor kinderen in Uilenburg", "Meer groen in Uilenburg", "Feest in Uilenburg",
              "Meer groen voor de kinderen in Cuijk", "Bomen en groen bij de school", "Een moestuin voor de kinderen"]
    found = labels(dreams, places=("Cuijk",))
    assert not {label for label in found if {"spuistraat", "uilenburg", "cuijk"} & set(label.split(" & "))}, found
    assert "groen" in found and "kinderen" in found


def test_names_are_what_the_texts_write_with_a_capital_inside_a_sentence():
    texts = ["Groen in de Dapperbuurt", "Een feest op het Krugerplein", "Sport voor jong en oud in Oost",
             "Drijvende Tuinen Oostelijke Eilanden",  # a title: its capitals say nothing
             "Kinderen leren Nederlands", "Een tuin voor de buurt"]
    found = names(texts)
    assert {"dapperbuurt", "krugerplein", "oost"} <= found
    assert not {"tuinen", "kinderen", "nederlands", "tuin", "feest"} & found


def test_words_that_only_look_alike_stay_apart():
    """A stemmer cut ouderen (the elderly) and ouders (parents), career and care, hospitality and hospital
    back to one stem."""
    dutch = _Words(list(enumerate(["Aandacht voor ouderen", "Steun voor ouders", "Open huis", "Openbaar vervoer"])),
                   "nl")
    assert dutch.word["oudere"] != dutch.word["ouder"]
    assert dutch.word["open"] != dutch.word["openbaar"]
    english = _Words(list(enumerate(["Care for all", "A career for every young person", "Hospitality jobs",
                                     "A hospital nearby"])), "en")
    assert english.word["care"] != english.word["career"]
    assert english.word["hospital"] != english.word["hospitality"]


def test_a_dutch_compound_counts_for_the_word_it_ends_in():
    assert compound_parts("basisschool", "nl") == ("basis", "school")
    assert compound_parts("sportactiviteit", "nl")[-1] == "activiteit"
    assert compound_parts("onderwijs", "nl") == ()  # a word of its own, not about "wijs"
    dreams = ["Sportactiviteiten voor meiden", "Dagactiviteiten voor ouderen", "Activiteiten op het plein",
              "Een moestuin", "Een bankje"]
    themes, _ = find_themes(list(enumerate(dreams)), "nl")
    assert [sorted(theme.dream_ids) for theme in themes] == [[0, 1, 2]]


def test_a_word_said_of_anything_names_no_theme_alone():
    """"Maak" (make) starts a third of Amsterdam's project titles; it is no subject."""
    dreams = ["Maak het plein groen", "Maak de straat veilig", "Maak muziek met buren", "Maak een moestuin",
              "Groen op het dak", "Muziek in het park", "Groen langs de gracht", "Muziek voor ouderen"]
    found = labels(dreams)
    assert "maak" not in found and "maken" not in found
    assert {"groen", "muziek"} <= found


def test_the_word_cloud_counts_forms_of_one_word_together_and_leaves_places_out():
    cloud = dict(top_words(["Woningen voor jongeren", "Een woning voor iedereen", "Betaalbare woningen",
                            "Groen in de Spuistraat", "Bankjes in de Spuistraat"], language="nl"))
    assert cloud["woningen"] == 3 and "woning" not in cloud
    assert "spuistraat" not in cloud
