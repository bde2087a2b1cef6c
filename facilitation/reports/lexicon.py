"""Words of the social domain that mean one thing, for the themes:"dakloos"and"woning"are both about
housing,"eenzaam"and"alleen"both about loneliness.

A dream is grouped by the words it wrote; these lists let different words of one subject count as
one word, the way"woning"and"woningen"already do. They are general knowledge of welfare, care and
education evenings, the same for every event (never tuned to one set of dreams), and every word in a
theme's list is still a word its dreams wrote, so"dreams with the word ..."stays true. A word may be
in one group only. Words are matched by their stem, so one form of each is enough.
"""

GROUPS = {
    "nl": [
        # wonen
        "woning huis huizen wonen huur dakloos dakloze daklozen dakloosheid opvang appartement flat verhuizen "
        "huisvesting wachtlijst",
        # eenzaamheid
        "eenzaam eenzaamheid alleen alleenstaand isolement vereenzamen",
        # armoede en geld
        "armoede schulden schuld geld rondkomen inkomen betaalbaar gratis kosten bijstand toeslag",
        # gezondheid en zorg
        "gezondheid gezond ziek ziekte huisarts dokter ziekenhuis zorg verpleging",
        # psychische gezondheid
        "psychisch depressie angst stress burn-out somber zelfmoord suïcide mentaal welzijn",
        # mantelzorg
        "mantelzorg mantelzorger mantelzorgers",
        # vrijwilligers
        "vrijwilliger vrijwilligers",
        # werk
        "werk werken baan banen werkgever werkgevers stage werkloos sollicitatie bijbaan",
        # de school als plek en als stelsel
        "school scholen middelbare onderwijs secundair",
        # wie lesgeeft: een beroep, geen plek
        "leerkracht leerkrachten leraar leraren lerares juf juffen meester meesters docent docenten",
        # leerlingen en hun lessen
        "leerling leerlingen klas klassen les lessen toets toetsen rapport studie studeren",
        # jongeren
        "jongeren jongere tieners tiener pubers puber adolescenten",
        # jeugdwerk: waar jongeren zelf samenkomen
        "jeugdwerk jeugdwerker jeugdwerkers jeugdhuis jeugdhuizen scouts chiro",
        # kinderen
        "kind kinderen peuter peuters kleuter kleuters baby",
        # ouders en gezin
        "ouder ouders gezin gezinnen vader moeder opvoeding opvoeden",
        # taal en nieuwkomers
        "taal nederlands vluchteling vluchtelingen nieuwkomer nieuwkomers inburgering statushouder",
        # groen en natuur
        "groen natuur park parken bomen boom tuin tuinen",
        # digitaal
        "digitaal digitale computer internet online apps laptop",
        # vervoer
        "vervoer bus bussen openbaar fiets fietsen taxi rolstoel",
        # ontmoeten
        "ontmoeten ontmoeting samenkomen koffie",
        # pesten
        "pesten gepest pester pesters",
        # eten
        "eten maaltijd maaltijden voeding ontbijt lunch honger koken",
        # veiligheid
        "veilig veiligheid onveilig geweld politie",
        # sport en spel
        "sport sporten bewegen voetbal zwemmen spelen",
    ],
    "en": [
        # housing
        "home homes house houses housing homeless homelessness rent rented renting flat flats shelter "
        "shelters landlord tenant tenants rough accommodation",
        # loneliness
        "lonely loneliness alone isolated isolation",
        # money
        "poverty poor debt debts money income wages afford affordable free cost costs benefits",
        # health and care
        "health healthy ill illness doctor gp surgery hospital nurse nurses care",
        # mental health
        "mental anxiety depression stress counsellor counselling therapy wellbeing suicide crisis",
        # carers
        "carer carers caring respite",
        # volunteers
        "volunteer volunteers volunteering",
        # work
        "work job jobs employer employers employment unemployed apprenticeship apprenticeships internship "
        "career",
        # school as a place and a system
        "school schools primary secondary education college university",
        # who teaches: a profession, not a place
        "teacher teachers teaching tutor tutors",
        # pupils and their lessons
        "pupil pupils student students classroom classrooms class classes lesson lessons exam exams",
        # young people
        "young youth teenager teenagers teens adolescent adolescents",
        # youth work: where young people meet on their own terms
        "youthworker youthworkers scouts guides",
        # children
        "child children kids toddler toddlers baby babies",
        # families
        "family families parent parents mother mothers father fathers parenting",
        # language and newcomers
        "language english refugee refugees asylum newcomer newcomers migrant migrants",
        # green
        "green nature park parks tree trees garden gardens allotment outdoors walks",
        # digital
        "digital online internet computer computers app apps laptop",
        # transport
        "transport bus buses train trains cycling bike bikes wheelchair",
        # meeting
        "meet meeting community centre club clubs together",
        # food
        "food meal meals hungry hunger breakfast lunch fridge cook cooking",
        # safety
        "safe safety unsafe violence police crime",
        # sport and play
        "sport sports exercise football swimming gym play",
    ],
}
