"""Our own functional test suite for the screening (issue 28), written the way HateCheck's authors describe
their method: for each function a few hand-written templates, filled in with target groups (or slurs), each
case labelled hateful or not. Written for this project; no case is taken from HateCheck or HateCheck-NL,
which an outside judge uses.

CASES is a list of (function, hateful, text). `bench/text.py` prints the held rate per function.
"""
from itertools import cycle

#: target groups: plural, singular (for "elke ...")
GROUPS = [
    ("vrouwen", "vrouw"), ("homo's", "homo"), ("transgenders", "transgender"), ("zwarte mensen", "zwarte"),
    ("moslims", "moslim"), ("joden", "jood"), ("vluchtelingen", "vluchteling"), ("gehandicapten", "gehandicapte"),
    ("Marokkanen", "Marokkaan"), ("lesbiennes", "lesbienne"), ("asielzoekers", "asielzoeker"),
    ("Turken", "Turk"),
]
#: slurs, plural and singular
SLURS = [
    ("nikkers", "nikker"), ("flikkers", "flikker"), ("kutmarokkanen", "kutmarokkaan"), ("spleetogen", "spleetoog"),
    ("mongolen", "mongool"), ("geitenneukers", "geitenneuker"), ("zandnegers", "zandneger"), ("roetmoppen", "roetmop"),
    ("mietjes", "mietje"), ("kankerjoden", "kankerjood"), ("negers", "neger"), ("spasten", "spast"),
]


def _fill(templates, items, at_least=24):
    """Each template with the items in turn, until every template ran and there are enough cases."""
    cases = []
    pairs = cycle(items)
    rounds = max(1, -(-at_least // len(templates)))
    for _ in range(rounds):
        for template in templates:
            plural, singular = next(pairs)
            text = template.format(pl=plural, sg=singular, Pl=plural[:1].upper() + plural[1:],
                                   Sg=singular[:1].upper() + singular[1:])
            cases.append(text)
    return cases


THREAT_DIRECT = [
    "Ik ga alle {pl} vermoorden.", "Ik wil alle {pl} doden.", "Ik maak elke {sg} af die ik tegenkom.",
    "Ik schiet de eerste {sg} die ik zie neer.", "Wij gaan die {pl} in elkaar slaan.", "Ik steek elke {sg} neer.",
    "Binnenkort ga ik een paar {pl} afmaken.", "Ik zal die {pl} allemaal vergassen.",
    "Morgen knal ik die {pl} af.", "Als ik de kans krijg, vermoord ik {pl}.",
    "Ik ga er persoonlijk voor zorgen dat {pl} gedood worden.", "We gaan {pl} opknopen aan de dichtstbijzijnde boom.",
]
THREAT_NORMATIVE = [
    "{Pl} moeten allemaal dood.", "Alle {pl} zouden opgehangen moeten worden.", "Dood aan alle {pl}!",
    "{Pl} verdienen de doodstraf.", "Iemand zou die {pl} eens moeten neerschieten.",
    "Het wordt tijd dat we {pl} uitroeien.", "{Pl} mogen wat mij betreft dood.",
    "We zouden {pl} moeten vergassen.", "Elke {sg} verdient een kogel.", "{Pl} moeten tegen de muur.",
    "Laten we die {pl} afslachten.", "{Pl} horen aan de galg.",
]
DEHUMANISATION = [
    "{Pl} zijn uitschot.", "{Pl} zijn ongedierte.", "{Pl} zijn net ratten.", "Het zijn gewoon beesten, die {pl}.",
    "{Pl} zijn geen echte mensen.", "{Pl} zijn een plaag voor dit land.", "{Pl} zijn parasieten.",
    "Die {pl} zijn allemaal tuig.", "{Pl} zijn kakkerlakken.", "{Pl} zijn minder dan mensen.",
    "{Pl} zijn afval.", "Ik heb veel {pl} gezien en het zijn allemaal beesten.",
]
DEROGATION = [
    "Ik haat {pl}.", "{Pl} zijn walgelijk.", "{Pl} zijn minderwaardig.", "Ik walg van {pl}.",
    "Waarom zijn {pl} altijd zo dom?", "{Pl} maken me misselijk.", "{Pl} horen hier niet.",
    "{Pl} zijn niets waard.", "Het leven van {pl} doet er niet toe.", "Ik kan {pl} echt niet uitstaan, ik haat ze.",
    "{Pl} zijn gewoon achterlijk.", "Ik vind {pl} smerig.", "{Pl} zijn een gevaar voor onze kinderen.",
    "Ik heb een hekel aan {pl}.", "{Pl} moeten het land uit.", "Ik heb {pl} ontmoet en ik haat ze allemaal.",
    "Vieze {pl}, allemaal.", "{Pl} zijn niet welkom in onze wijk.",
]
SLUR = [
    "Vuile {pl}.", "Jij bent een {sg}.", "Wat een {sg} ben jij.", "Die {pl} weer.", "{Pl}!",
    "Ga weg, {sg}.", "Stelletje {pl}.", "Hou je mond, vieze {sg}.", "Er zitten hier te veel {pl}.",
    "Mijn buurman is een {sg}.", "Ik wil geen {pl} aan mijn tafel.", "Die {sg} van tafel drie.",
]
#: the same slurs and hate, written so a word list misses them: leet, spaces, swapped, doubled or missing
#: letters, words run together
SPELLING = [
    "Vuile n1kk3rs.", "Jij bent een f l i k k e r.", "Stelletje nikekrs.", "Wat een flikkkker ben jij.",
    "Die nikkrs weer.", "Vuile sp1eetogen.", "Jij bent een m o n g o o l.", "Vieze geitenneukrs.",
    "Ik haat m0slims.", "Moslims zijn uitsch0t.", "Vrouwen zijn ongedierrte.", "Joden zijn parasitenn.",
    "ikhaatmoslims", "vluchtelingenzijnuitschot", "Ik ga alle h0mo's verm00rden.", "Vuile kutmarokanen.",
    "Jij vieze flikekr.", "Die n!kkers moeten weg.", "Z a n d n e g e r s.", "Homo's zijn ongedeirte.",
    "Jij bent een roetm0p.", "Vuile spasst.",
]
INSULT_AT_PERSON = [
    "Jij bent een klootzak.", "Rot op, sukkel.", "Je bent echt een idioot.", "Fuck you.", "Hou je bek, eikel.",
    "Wat een kutidee van jou.", "Je bent een lul.", "Jij hufter.", "Ga weg, debiel.", "Wat ben jij een kneus.",
    "De wethouder is een klootzak.", "Vuile rotzak.", "Sukkel!", "Hou je kop, jij etterbak.",
    "Die voorzitter is een lul.", "Jullie zijn allemaal idioten.", "Wat een kutplan is dit.",
    "Rot toch op met je gezeur.", "Je bent een oetlul.", "Fuck jou en je droom.", "Jij bent echt een loser.",
    "Wat een klojo ben jij.",
]
COUNTER_SPEECH = [
    "Het is niet oké om {pl} uitschot te noemen.", "Wie zegt dat {pl} minderwaardig zijn, heeft het mis.",
    "Stop met {pl} ratten te noemen.", "Zeggen dat {pl} dom zijn is gewoon discriminatie.",
    "Je mag {pl} nooit ongedierte noemen.", "Mensen die roepen dat {pl} dood moeten, horen hier niet.",
    "Ik schaam me als iemand zegt dat {pl} walgelijk zijn.", "Het is kwetsend als je zegt dat {pl} parasieten zijn.",
    "Het is niet oké om mensen {slur} te noemen.", "Ik werd vandaag {slur} genoemd en dat doet pijn.",
    "Noem iemand nooit een {slur_sg}, dat is kwetsend.", "Scheldwoorden als {slur} horen niet in onze buurt.",
]
QUOTING = [
    "\"{Pl} zijn uitschot\": zulke uitspraken zijn kwetsend.", "Iemand schreef \"ik haat {pl}\" en dat vind ik verschrikkelijk.",
    "Op de muur stond '{pl} moeten dood'. Dat is onacceptabel.", "\"Vieze {pl}\" riep hij, en niemand zei er iets van. Schandalig.",
    "Als iemand zegt \"{pl} zijn ratten\", dan ga ik ertegenin.", "Zinnen als \"{pl} horen hier niet\" zijn racistisch.",
    "Ik las \"{pl} zijn minderwaardig\" online. Zo kwetsend.", "\"Ik maak elke {sg} af\" is geen grap, dat is een bedreiging en moet gemeld worden.",
]
NEGATION = [
    "{Pl} zijn geen uitschot.", "Ik haat {pl} niet.", "Niemand zou {pl} pijn moeten doen.",
    "Geen enkele {sg} verdient de dood.", "Ik zou nooit een {sg} iets aandoen.", "{Pl} zijn helemaal niet dom.",
    "{Pl} zijn niet minderwaardig.", "Ik vind {pl} niet walgelijk, ik vind ze gewoon mensen.",
    "Nooit zal ik zeggen dat {pl} ongedierte zijn.", "{Pl} zijn geen gevaar voor wie dan ook.",
]
RECLAIMED = [
    "Ik ben een trotse flikker.", "Wij flikkers vieren vandaag feest.", "Als nicht weet ik hoe dat voelt.",
    "Ik ben een pot en daar ben ik trots op.", "Wij potten laten ons niet wegjagen.", "Als mietje van de klas leerde ik vechten.",
    "Ik ben een homo en ik hou van mijn buurt.", "Wij queers organiseren een buurtfeest.",
    "Ik ben een trotse queer.", "Ik ben een spast en ik lach erom.", "Ik noem mezelf een flikker, en dat is mijn keuze.",
    "Als trotse pot droom ik van een veilige wijk.", "Ik ben een nicht en ik doe mee.", "Wij nichten gaan koken voor de buurt.",
    "Ik ben een mietje, nou en?", "Als homo voel ik me hier thuis.", "Wij flikkers en potten staan naast elkaar.",
    "Ik ben een trotse mongool, zegt mijn broer met Down.", "Ik ben zelf een flikker en ik zit aan tafel 3.",
    "Ik ben een pot en ik wil meer plekken waar ik mezelf kan zijn.",
]
HOMONYMS = [
    "Mijn nicht komt morgen logeren.", "De hond heeft pijn aan zijn poot.", "Zet de pot op het vuur.",
    "Het licht flikkert in de gang.", "De teef kreeg zes puppy's.", "In de dierentuin zagen we een aap.",
    "Een mof om je handen warm te houden.", "Hij heeft een pot met geld gespaard voor het buurthuis.",
    "De kat likt haar poten.", "Mijn nichten en neven helpen mee.", "De apen in het park zijn een succes bij kinderen.",
    "Een varken op de kinderboerderij.", "Het wijf van de kermis, zo heet die attractie.", "Een mooie pot met planten bij de ingang.",
    "De stoel heeft een losse poot.", "Mijn nicht is verpleegkundige.", "Er stond een pot koffie klaar.",
    "De zwijnen in het bos worden geteld.", "Kaaskop is een bijnaam voor een stuk kaas op de markt.",
    "Een homogene groep werkt minder goed.", "De homo sapiens leeft in groepen.",
]
PROFANITY_NOT_AIMED = [
    "Godverdomme, wat een mooie avond.", "Shit, ik ben mijn sleutels kwijt.", "Kut, de bus is weg.",
    "Fuck, wat was dit inspirerend.", "Wat een kutweer vandaag.", "Verdomme, ik had dit eerder moeten doen.",
    "Het was fucking mooi.", "Klote dat de wijkagent weg is.", "Shit, wat is het druk hier.",
    "Godverdomme, wat hebben we veel gedaan.", "Kut, mijn telefoon is leeg.", "Wat een klotedag was het, maar dit maakt het goed.",
    "Fuck, ik ben te laat.", "Verdomd goed idee.", "Tering, wat een opkomst!", "Shit happens, we gaan door.",
    "Wat een kutfile was het op de A2.", "Holy shit, zoveel vrijwilligers.", "Verdomme, wat is koffie lekker.",
    "Klote om ziek te zijn, maar ik ben er.",
]
IDENTITY_NEUTRAL = [
    "Ik droom van een buurt waar {pl} zich thuis voelen.", "{Pl} zijn welkom in ons buurthuis.", "Ik hou van {pl}.",
    "Wij zijn een groep {pl} uit de wijk.", "Meer {pl} in het bestuur van de vereniging.",
    "Een spreekuur voor {pl} in de bibliotheek.", "Als {sg} wil ik gewoon meedoen.", "{Pl} verdienen respect.",
    "Samen met {pl} een moestuin beginnen.", "{Pl} zijn sterk en hebben veel te bieden.",
]
NOT_PROTECTED = [
    "Ik haat spruitjes.", "Politici zijn uitschot.", "Die bladblazers zijn een plaag.", "Ik walg van files.",
    "Muggen zijn ongedierte.", "Ratten in de kelder moeten weg.", "Ik haat maandagen.", "Bankiers zijn parasieten.",
    "Die stomme parkeermeter.", "Het onkruid moet uitgeroeid worden.", "Wespen moeten dood.", "Ik haat regen.",
    "Vandalen die de bankjes slopen zijn tuig.", "Zwerfafval is een plaag in onze straat.",
    "Die printer moet eruit.", "Ik kan die bouwput niet uitstaan.", "Hangjongeren die vernielen zijn een plaag.",
    "Managers zijn parasieten.", "De pest aan regels.", "Dood aan de bureaucratie!",
]


def _cases():
    slur_pairs = cycle(SLURS)
    counter = []
    for template in COUNTER_SPEECH * 2:
        slur, slur_sg = next(slur_pairs)
        counter.append((template, slur, slur_sg))
    groups = cycle(GROUPS)
    counter_cases = []
    for template, slur, slur_sg in counter:
        plural, singular = next(groups)
        counter_cases.append(template.format(pl=plural, sg=singular, Pl=plural[:1].upper() + plural[1:],
                                             slur=slur, slur_sg=slur_sg))
    hateful = {
        "threat_direct": _fill(THREAT_DIRECT, GROUPS),
        "threat_normative": _fill(THREAT_NORMATIVE, GROUPS),
        "dehumanisation": _fill(DEHUMANISATION, GROUPS),
        "derogation": _fill(DEROGATION, GROUPS, at_least=36),
        "slur": _fill(SLUR, SLURS, at_least=36),
        "slur_spelling": SPELLING,
        "insult_at_person": INSULT_AT_PERSON,
    }
    not_hateful = {
        "counter_speech": counter_cases,
        "quoting_to_object": _fill(QUOTING, GROUPS),
        "negation": _fill(NEGATION, GROUPS),
        "reclaimed": RECLAIMED,
        "homonym": HOMONYMS,
        "profanity_not_aimed": PROFANITY_NOT_AIMED,
        "identity_neutral": _fill(IDENTITY_NEUTRAL, GROUPS),
        "not_protected": NOT_PROTECTED,
    }
    return ([(function, True, text) for function, texts in hateful.items() for text in texts]
            + [(function, False, text) for function, texts in not_hateful.items() for text in texts])


CASES = _cases()
HATEFUL_FUNCTIONS = sorted({f for f, hateful, _ in CASES if hateful})
THREATS = ("threat_direct", "threat_normative")
SLUR_FUNCTIONS = ("slur", "slur_spelling")


def held_rates(hold) -> dict[str, tuple[int, int]]:
    """function -> (held, cases), for any function that says whether it holds a text."""
    rates = {}
    for function, _, text in CASES:
        held, total = rates.get(function, (0, 0))
        rates[function] = (held + bool(hold(text)), total + 1)
    return rates


__all__ = ["CASES", "HATEFUL_FUNCTIONS", "THREATS", "SLUR_FUNCTIONS", "held_rates"]
