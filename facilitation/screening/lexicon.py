"""The words the harm screening reasons with, Dutch first, English beside it (lower case, no accents).

Written for this project from general knowledge of Dutch and English abuse, not taken from any test
suite. A word alone decides little: most lists below only hold a post together with a target (a group of
people, or "you") in the same sentence, and never in counter-speech, negation or a reclaimed
self-description (see harm.py).
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: groups protected from hate: origin, colour, religion, sex, gender, sexuality, disability (plural and
#: singular forms; the tokeniser drops apostrophes, so "homo's" is "homos")
GROUPS = _words("""
    vrouwen vrouw meiden meisjes moeders
    homos homo homoseksuelen homoseksueel homofielen lesbiennes lesbienne lesbies bis biseksuelen biseksueel
    queers queer lhbti lhbtiers lhbtqers lhbtiq lhbt holebis holebi
    transgenders transgender transpersonen transvrouwen transmannen transen trans non-binaire
    zwarten
    moslims moslim islamieten islamiet moslima moslimas joden jood christenen christen hindoes hindoe
    boeddhisten sikhs
    vluchtelingen vluchteling asielzoekers asielzoeker immigranten immigrant migranten migrant
    arbeidsmigranten statushouders statushouder nieuwkomers gelukszoekers buitenlanders buitenlander
    allochtonen allochtoon expats
    marokkanen marokkaan turken turk polen surinamers surinamer antillianen antilliaan
    afrikanen afrikaan aziaten aziaat chinezen syriers syrier eritreeers eritreeer somaliers
    somalier afghanen afghaan oekrainers oekrainer roemenen roemeen bulgaren bulgaar romas roma sinti
    zigeuners zigeuner arabieren arabier koerden koerd
    gehandicapten gehandicapte invaliden autisten autist blinden doven rolstoelers
    women woman girls gays gay lesbians lesbian bisexuals transgender trans queers
    blacks muslims muslim jews jew christians hindus immigrants immigrant migrants migrant refugees
    refugee foreigners asylum-seekers mexicans africans asians arabs disabled
""")
#: "zwarte mensen", "mensen met een beperking": an adjective before, or a phrase after, a word for people
GROUP_ADJECTIVES = _words("""
    zwarte donkere joodse islamitische moslimse christelijke homoseksuele lesbische biseksuele
    transgender trans homo marokkaanse turkse poolse surinaamse antilliaanse afrikaanse aziatische
    chinese syrische eritrese somalische afghaanse arabische roemeense bulgaarse buitenlandse
    allochtone gehandicapte autistische blinde dove
    black jewish muslim gay lesbian bisexual transgender trans disabled immigrant foreign
""")
PEOPLE = _words("""
    mensen personen vrouwen mannen jongeren kinderen buren families gezinnen collegas leerlingen jongen
    jongens meisje meisjes man vrouw kind levens leven gasten
    people persons women men kids children folks lives life guys
""")
GROUP_PHRASES = (
    ("mensen", "met", "een", "beperking"), ("mensen", "met", "een", "handicap"),
    ("mensen", "met", "een", "migratieachtergrond"), ("mensen", "van", "kleur"),
    ("people", "of", "colour"), ("people", "of", "color"), ("people", "with", "disabilities"),
)

#: slurs that are no ordinary word: held wherever they stand, unless quoted to object or reclaimed
SLURS = _words("""
    nikker nikkers neger negers negerin bosneger bosnegers zandneger zandnegers roetmop roetmoppen
    zwartjoekel zwartjoekels spleetoog spleetogen geitenneuker geitenneukers kameelneuker kameelneukers
    theedoek theedoeken kutmarokkaan kutmarokkanen kutturk kutturken tyfusmarokkaan
    tyfusmarokkanen kankermarokkaan kankermarokkanen kankerturk kankerturken kankerjood kankerjoden
    tyfusjood tyfusjoden kankerneger kankernegers makak makakken bruinjoekel tatta tattas kakkerlakken
    flikker flikkers flikkertje mietje mietjes sodemieter sodomiet sodomieten kontneuker
    kontneukers lesbo lesbos manwijf manwijven transjes travo travos
    mongool mongolen mongooltje spast spasten spasticus spastici kankermongool
    nigger niggers nigga niggas faggot faggots kike kikes spic spics chink chinks tranny trannies
    paki pakis wetback wetbacks raghead ragheads towelhead towelheads sandnigger sandniggers
    kopvod kopvodden smous smousen polak polakken bamikut bamikutten pindas pinda
""") - {"mongolen", "pindas", "pinda"}
#: slurs that are also ordinary words (a niece, a pot, a paw, a dog): only a slur when thrown at someone
HOMONYM_SLURS = _words("""
    nicht nichten pot potten poot poten mof moffen teef teven aap apen homo homos trut trutten wijf mongolen
    wijven kaaskop kaaskoppen zwijn zwijnen varken varkens hoer hoeren slet sletten del dellen
    fag fags dyke dykes retard retards coon coons queer
""")
#: a word for a person that insults them: held when aimed at someone ("je bent een ...", "vuile ...")
INSULTS = _words("""
    klootzak klootzakken lul lullen eikel eikels hufter hufters sukkel sukkels idioot idioten debiel
    debielen zak zakken rotzak rotzakken etterbak etterbakken schoft schoften klojo klojos oetlul
    oetlullen kneus kneuzen loser losers mafkees stommeling sukkels imbeciel imbecielen randdebiel
    randdebielen achterlijke gladjanus kutkop kuttekop kutwijf kutwijven kutjoch kutvent kutkind
    kankerlijer kankerlijers teringlijer teringlijers tyfuslijer tyfuslijers klerelijer kolerelijer
    pleurislijer takkewijf kankerhoer tyfushoer teringhoer kankerhond stuk vreten
    idiot idiots moron morons asshole assholes bastard bastards bitch bitches cunt cunts dick dicks
    jerk jerks whore whores slut sluts dickhead dickheads twat twats wanker wankers prick pricks kloot
    kloten trut
""") - {"stuk", "vreten"}
#: insults that hold a post wherever they stand (no ordinary second meaning, never said kindly)
STRONG_INSULTS = _words("""
    klootzak klootzakken hufter hufters rotzak rotzakken etterbak etterbakken klojo oetlul oetlullen
    kutwijf kutwijven kankerlijer kankerlijers teringlijer teringlijers tyfuslijer tyfuslijers klerelijer
    kolerelijer pleurislijer takkewijf kankerhoer tyfushoer teringhoer kankerhond randdebiel randdebielen
    asshole assholes cunt cunts dickhead dickheads motherfucker motherfuckers
""")
#: adjectives and curses that turn a word into something thrown at someone ("vuile ...", "kut...")
INSULTING_ADJECTIVES = _words("""
    vuile vieze smerige stomme domme achterlijke gore kut kutte klote kanker kankere tering teringe
    tyfus tiefus kolere klere pleuris takke godvergeten vuil vies smerig stom dom achterlijk
    dirty filthy stupid fucking damn
""")
#: first words of compounds that insult whatever follows ("kutidee", "kankerzooi", "kutmarokkaan")
INSULTING_PREFIXES = ("kut", "kanker", "tering", "tyfus", "tiefus", "klere", "kolere", "pleuris", "takke", "klote")
#: what a "kut..." compound may be about and still be no insult at anyone (the weather, a day, a thing)
PLAIN_AFTER_PREFIX = _words("""
    weer dag dagje week maandag ochtend bui regen wind trein bus fiets auto file wekker telefoon printer
    computer laptop wifi internet ding dingen muziek spel wedstrijd uitslag nieuws gevoel
    zin buik hoofd rug knie griep verkoudheid jaar vakantie situatie
""")

#: "je", "jij", "jullie": whom an insult or a threat can be aimed at
YOU = _words("je jij jou jouw jullie u ge gij you ya yall")
#: a possessive before a word for people makes them someone's own ("mijn nichten"), not a group addressed
POSSESSIVES = _words("mijn onze ons zijn haar je jouw uw hun my our his her your their")
#: a group named earlier can be meant by "ze", "die", "zulke mensen" later in the text
THEM = _words("ze zij hen hun hem haar die dat deze zulke zo they them those these their him her")
COPULAS = _words("zijn is bent ben zijt blijven blijft worden wordt waren was lijken lijkt are is am were be being")
#: words that undo what follows them in a clause ("... zijn geen uitschot", "niemand verdient ...")
NEGATORS = _words("""
    niet geen nooit niemand nergens niets niks noch geeneen allerminst
    not no never nobody none nothing neither nor dont doesnt isnt arent wont wouldnt shouldnt cant
    cannot didnt
""")
#: words that end a clause: negation does not reach across them
CLAUSE_BREAKS = _words("en maar want dus omdat terwijl daarom zodat and but because so while")

#: a person or group called a thing, an animal or a disease (dehumanisation)
DEHUMANISING = _words("""
    uitschot ongedierte tuig schorem gespuis gajes crapuul beesten beest dieren dier ratten rat
    kakkerlakken kakkerlak parasieten parasiet maden luizen wormen virus plaag plagen pest afval
    vuilnis vuil stront drek onmensen untermenschen barbaren wilden vee zwijnen varkens apen honden
    ziekte kanker kankergezwel gezwel tumor tumoren straathonden vlooien bloedzuigers bloedzuiger kooi
    nest geldwolven
    scum vermin animals animal rats rat cockroaches parasites parasite filth trash garbage subhuman
    subhumans savages disease plague cancer pigs apes dogs monkeys
""")
#: "zijn geen mensen": dehumanising although it says "geen"
NOT_HUMAN = (("geen", "mensen"), ("geen", "echte", "mensen"), ("minder", "dan", "mensen"),
             ("geen", "mens"), ("not", "human"), ("less", "than", "human"), ("not", "people"))
#: what derogates a group when said of it as a whole
DEROGATORY = _words("""
    walgelijk walgelijke smerig smerige vies vieze dom domme dommer achterlijk achterlijke waardeloos
    waardeloze minderwaardig minderwaardige inferieur inferieure misselijkmakend misselijkmakende
    weerzinwekkend weerzinwekkende gestoord gestoorde primitief primitieve barbaars barbaarse
    onbetrouwbaar onbetrouwbare leugenachtig leugenachtige lui luie crimineel criminelen gevaarlijk
    gevaarlijke terroristen verkrachters pedofielen dieven profiteurs parasitair abnormaal abnormale
    pervers perverse ziekelijk gedegenereerd gedegenereerde nutteloos nutteloze zwakzinnig walgelijkst
    stom stomme idioten debielen lelijk lelijke hypocriet dommeriken achterlijken laagste zuiplappen
    mannenhaters uitvreters profiteurs
    disgusting filthy stupid worthless inferior revolting vile dangerous criminals rapists terrorists
    useless pathetic subhuman repulsive idiots dumb lazy degenerate degenerates evil
""")
#: "een gevaar", "een last": derogatory nouns after "zijn een"
DEROGATORY_NOUNS = _words("gevaar last schande bedreiging probleem plaag menace threat burden disgrace")
#: "ik haat ...", "ik walg van ...": strong feelings against a group
HATRED = _words("""
    haat haten haatte gehaat walg walgen walgde kots kotsen veracht verachten verafschuw verafschuwen
    minacht minachten hekel afkeer gruwel
    hate hated hating despise despises loathe loathes detest detests
""")
#: "... maken me ziek/misselijk", "ik word ziek van ..." (only with a group)
SICKENED = _words("ziek misselijk kotsmisselijk sick")

#: killing and hurting, as threats or as what someone "should" get
VIOLENCE = _words("""
    dood doden doodt gedood doodmaken doodgemaakt vermoord vermoorden vermoordt vermoordde
    afmaken afgemaakt doodschieten doodgeschoten neerschieten neergeschoten afknallen afgeknald
    doodslaan doodgeslagen doodsteken doodgestoken neersteken neergestoken opknopen opgeknoopt ophangen
    opgehangen vergassen vergast uitroeien uitgeroeid uitmoorden uitgemoord afslachten afgeslacht
    slachten geslacht executeren geexecuteerd lynchen gelyncht martelen gemarteld verkrachten verkracht
    opblazen opgeblazen onthoofden onthoofd verbranden verbrand verzuipen verzopen ombrengen omgebracht
    kapotmaken kapotgemaakt kapotslaan afmaakt elimineren geelimineerd liquideren geliquideerd
    doodtrappen doodgetrapt afranselen afgerost neermaaien doodgeschopt doodschoppen sterven
    creperen wurgen gewurgd afmaakt vergiftigen vergiftigd uitroeit uitroeide platbranden platbrandt
    platgebrand verhongeren wegjagen verjagen bungelen doodschiet mes messen knuppel knuppels
    honkbalknuppel koevoet molotov molotovs brandbom bommen geweer pistool kogel strop oven ovens
    gaskamer gaskamers
    executeren geexecuteerd stenigen gestenigd doodknuppelen doodgeknuppeld neerknallen neergeknald
    afschieten afgeschoten kapotschieten vernietigen vernietigd uitschakelen uitgeschakeld verdrinken
    verdronken vermoorde afgemaakte aanslag aanslagen
    kill killed killing murder murdered shoot stab stabbed lynch lynched gassed exterminate exterminated
    slaughter slaughtered eradicate eradicated
""")
#: separable Dutch verbs: "ik maak je af", "schiet ze neer" (a target stands between verb and particle)
SEPARABLE = (
    (_words("maak maakt maken maakte maakten"), _words("af dood kapot")),
    (_words("schiet schieten schoot schoten"), _words("neer dood af")),
    (_words("sla slaat slaan sloeg sloegen"), _words("dood neer elkaar in")),
    (_words("steek steekt steken stak staken"), _words("neer dood")),
    (_words("hang hangt hangen hing hingen knoop knopen"), _words("op")),
    (_words("breng brengt brengen bracht"), _words("om")),
    (_words("leg legt leggen legde"), _words("om")),
    (_words("roei roeit roeien"), _words("uit")),
    (_words("trap trapt trappen schop schopt schoppen"), _words("dood elkaar")),
    (_words("knal knalt knallen"), _words("af neer")),
    (_words("moord moorden"), _words("uit")),
    (_words("steek steekt steken stak"), _words("brand")),
)
#: sending people away: exclusion that a threat rests on, said of a group
EXPULSION_PHRASES = (
    ("het", "land", "uit"), ("ons", "land", "uit"), ("terug", "naar", "hun"), ("terug", "naar", "je"),
    ("terug", "naar", "jullie"), ("terug", "naar", "eigen"), ("moeten", "weg"), ("moeten", "verdwijnen"),
    ("moet", "weg"), ("moet", "verdwijnen"), ("weg", "met"), ("eruit", "met"), ("rotten", "op"),
    ("horen", "hier", "niet"), ("hoort", "hier", "niet"), ("niet", "welkom"), ("geen", "plaats", "voor"),
    ("moeten", "opgesloten"), ("moeten", "gedeporteerd"), ("moeten", "uitgezet"), ("moeten", "verboden"),
    ("zouden", "opgesloten"), ("zouden", "gedeporteerd"), ("zouden", "uitgezet"), ("zouden", "verboden"),
    ("in", "een", "kamp"), ("in", "kampen"), ("mogen", "niet", "bestaan"), ("horen", "er", "niet", "bij"),
    ("horen", "niet", "in"), ("horen", "niet", "thuis"), ("horen", "niet", "bij"), ("hoort", "niet", "in"),
    ("ontdoen", "van"), ("uit", "de", "weg", "geruimd"), ("uit", "de", "weg", "ruimen"), ("horen", "in", "een", "kooi"),
    ("horen", "in", "een", "dierentuin"), ("horen", "in", "de", "dierentuin"), ("belong", "in", "a", "zoo"),
    ("minder", "intelligent"), ("minder", "slim"), ("minder", "waard"), ("te", "dom"), ("uit", "te", "roeien"),
    ("uit", "te", "moorden"), ("af", "te", "maken"), ("dood", "te", "maken"), ("neer", "te", "schieten"),
    ("doen", "er", "niet", "toe"), ("doet", "er", "niet", "toe"), ("tellen", "niet", "mee"),
    ("verdienen", "geen"), ("verdient", "geen"), ("hebben", "geen", "rechten"), ("geen", "rechten"),
    ("niets", "waard"), ("niks", "waard"), ("nergens", "goed", "voor"), ("niet", "te", "vertrouwen"),
    ("go", "back", "to"), ("get", "out", "of"), ("dont", "belong"), ("do", "not", "belong"),
    ("should", "be", "deported"), ("should", "be", "banned"), ("should", "be", "locked"),
    ("lives", "dont", "matter"), ("lives", "do", "not", "matter"), ("not", "welcome"), ("get", "rid", "of"),
    ("worth", "nothing"), ("deserve", "no"), ("have", "no", "rights"),
)
#: "... moeten dood", "dood aan ...", "verdienen de dood": a normative threat
DEATH_WISHES = (
    ("moeten", "dood"), ("moet", "dood"), ("mogen", "dood"), ("mag", "dood"), ("dood", "aan"),
    ("dood", "met"), ("verdienen", "de", "dood"), ("verdient", "de", "dood"), ("allemaal", "dood"),
    ("liever", "dood"), ("beter", "dood"), ("de", "doodstraf"), ("moeten", "branden"),
    ("tegen", "de", "muur"), ("aan", "de", "galg"), ("de", "gaskamer"), ("een", "kogel"),
    ("should", "die"), ("should", "all", "die"), ("deserve", "to", "die"), ("deserves", "to", "die"),
    ("death", "to"), ("better", "off", "dead"), ("must", "die"), ("should", "be", "killed"),
    ("should", "be", "shot"), ("should", "be", "hanged"), ("should", "be", "gassed"),
)
#: a threat to one person, whoever they are: "ik weet waar je woont", "kill yourself"
PERSONAL_THREATS = (
    ("weet", "waar", "je", "woont"), ("weet", "waar", "jij", "woont"), ("weten", "waar", "je", "woont"),
    ("pas", "maar", "op"), ("kill", "yourself"), ("kys",), ("i", "know", "where", "you", "live"),
    ("jij", "gaat", "eraan"), ("je", "gaat", "eraan"), ("jullie", "gaan", "eraan"), ("je", "bent", "dood"),
    ("jij", "bent", "dood"), ("jullie", "zijn", "dood"), ("you", "are", "dead"), ("youre", "dead"),
)
#: "rot op", "fuck you": profanity thrown at someone
AT_SOMEONE = (
    ("rot", "op"), ("rot", "toch", "op"), ("flikker", "op"), ("flikker", "toch", "op"), ("donder", "op"),
    ("sodemieter", "op"), ("lazer", "op"), ("oprotten",), ("opflikkeren",), ("opsodemieteren",),
    ("hou", "je", "bek"), ("houd", "je", "bek"), ("hou", "je", "kop"), ("hou", "je", "smoel"),
    ("hou", "je", "muil"), ("kop", "dicht"), ("bek", "dicht"), ("fuck", "you"), ("fuck", "jou"),
    ("fuck", "jullie"), ("fuck", "off"), ("screw", "you"), ("go", "to", "hell"), ("shut", "the", "fuck"),
    ("piss", "off"), ("load", "of", "shit"), ("load", "of", "crap"), ("is", "bullshit"), ("zak", "stront"),
    ("stuk", "stront"), ("stuk", "vreten"), ("je", "moeder"), ("your", "mother"), ("son", "of", "a", "bitch"),
)
#: swear words: no reason to hold on their own ("shit, mijn fiets is weg"), but they aim an insult
PROFANITY = _words("""
    fuck fucking fucked fuckin shit shitty verdomme godverdomme godverdorie kut klote tering kanker
    tyfus kolere crap damn bullshit bloody
""")
#: what a curse-intensified word says of the meeting when it is bad ("fucking boring")
BAD = _words("""
    saai slecht waardeloos stom dom nutteloos zinloos belachelijk idee plan voorstel droom avond
    bijeenkomst vergadering verhaal praatje mens kind wijf vent joch gast buurman buurvrouw kop tafel
    boring bad awful terrible useless pointless stupid ridiculous waste idea plan
""")

#: saying, calling, quoting: the frame of counter-speech ("zeggen dat ...", "iemand ... noemen")
REPORTING = _words("""
    noem noemt noemen noemde noemden genoemd zeg zegt zeggen zei zeiden gezegd beweer beweert beweren
    beweerde roep roept roepen riep geroepen schrijf schrijft schrijven schreef geschreven post posten
    gepost uitspraak uitspraken opmerking opmerkingen woorden woord term termen scheldwoord
    scheldwoorden schelden uitschelden uitgescholden scheldt grap grappen berichten bericht tweets tweet
    zinnen zin taal leuzen leus spreekt spreken praten denken denkt vinden vindt hoorde hoor gehoord las
    lees gelezen stond bord spandoek tekst sticker graffiti sommigen
    say says saying said call calls calling called claim claims claiming write writes wrote written
    post posts posting tweet tweets comments comment remarks remark words word language slur slurs
    jokes joke statements statement think thinks
""")
#: objecting to what was said: with REPORTING (or quotes) it makes counter-speech
DISAPPROVAL = _words("""
    kwetsend kwetsende kwetst racistisch racistische racisme seksistisch seksistische discriminerend
    discriminerende discriminatie haatdragend haatdragende onacceptabel onaanvaardbaar ontoelaatbaar
    schandalig schandelijk verschrikkelijk vreselijk stuitend triest fout verkeerd onzin gelogen onwaar
    homofoob homofobe homofobie transfoob transfobe islamofoob islamofobie antisemitisch antisemitisme
    vrouwonvriendelijk vrouwenhaat haatzaaien onfatsoenlijk respectloos beledigend grievend kleinerend
    stop stoppen ophouden hou houd tolereren accepteren dulden pijn schaam schamen tegengaan tegenin
    bestrijden veroordelen veroordeel afkeuren melden mis misplaatst ongepast respect beter ertegenin
    daartegenin ertegen daartegen aanspreken aangesproken bedreiging bedreigend gemeld aangifte beschamend
    laf weggehaald verwijderd verdrietig boos geschrokken geschokt politie gebeld
    hurtful offensive racist racism sexist sexism discriminatory hateful unacceptable wrong shameful
    disgraceful homophobic transphobic islamophobic antisemitic bigoted bigotry stop quit tolerate
    accept condemn hurt hurts ashamed shame false untrue lies nonsense inappropriate respect
""")
#: "het is niet oké om ...", "je mag ... niet ... noemen": disapproval by a negated permission
NOT_OK = (("niet", "oke"), ("niet", "ok"), ("niet", "okay"), ("niet", "normaal"), ("niet", "acceptabel"),
          ("niet", "goed"), ("niet", "mogen"), ("mag", "niet"), ("mag", "je", "niet"), ("mogen", "niet"),
          ("mag", "nooit"), ("mag", "je", "nooit"), ("not", "ok"), ("not", "okay"), ("not", "acceptable"),
          ("never", "ok"), ("is", "wrong"), ("horen", "niet"), ("horen", "hier", "niet"), ("hoort", "niet"),
          ("hoort", "hier", "niet"), ("iets", "aan", "doen"), ("nooit", "meer"), ("niet", "waar"),
          ("niet", "eens"))
#: "ik ben een trotse ...", "wij ...": a slur a person uses of themselves
SELF = _words("ik ben wij we ons onze mijzelf mezelf als i am im we us our ourselves myself as")
#: identity words that are only a slur with an insulting word before them ("vuile ..."), never in "is ..."
IDENTITY_HOMONYMS = _words("homo homos queer queers")
#: homonyms that are words for people in the plural: a group when no possessive owns them ("mijn nichten")
HOMONYM_PEOPLE = _words("nichten wijven moffen trutten potten sletten hoeren dellen kaaskoppen mongolen")
