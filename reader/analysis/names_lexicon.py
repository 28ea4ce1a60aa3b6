"""Generic word lists the character finder reasons with.

Only general vocabulary lives here (honorifics, venue and company nouns, prepositions, kinship
nouns, verbs people do, months, nationalities, common English words); never a name from any
article. Each list exists because a grammatical cue needs it: a title before a name makes it a
person, a venue noun after it makes it a place, and so on.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Honorifics and ranks that introduce a person's name ("Sheriff X", "Doña X", "Chef X").
TITLES = _words("""
    Mr Mrs Ms Mx Miss Dr Doctor Prof Professor Sir Dame Lady Lord Madam Madame Mme Monsieur
    Mademoiselle Señor Señora Señorita Don Doña Dona Seu Senhor Senhora Sr Sra Padre Father Mother
    Sister Brother Reverend Rev Pastor Bishop Imam Rabbi Sheikh Cardinal Chief Captain Capt
    Commander Lieutenant Lt Sergeant Sgt Corporal Cpl Major Colonel Col General Gen Admiral Ensign
    Officer Detective Det Inspector Insp Constable Superintendent Supt Sheriff Deputy Marshal Agent
    Judge Justice Prosecutor Lawyer Attorney Counselor Counsellor Director Chef Nurse Coach Mayor
    Governor Senator President Chairman Chairwoman Minister Ambassador King Queen Prince Princess
    Duke Duchess Count Countess Baron Baroness Emperor Empress Grandma Grandpa Granny Grandmother
    Grandfather Nana Auntie Aunty Aunt Uncle Mama Papa Baba Mum Mom Dad Abuela Abuelo Tía Tío Nonna
    Nonno Oma Opa Babcia Dziadek Master Mistress Sensei Alhaji Alhaja Mallam Oga Headmaster
    Headmistress Principal Professor Teacher Engineer Pilot Medic Surgeon Nurse Trooper Ranger
    Abu Umm Abou Pani Aunty Consort Concubine Eunuch Hajj Haj Hajja Sitt Ustaz
    Ustaza Sayyid Sayyida Emir Chancellor Magistrate Minister Scholar Consul Vizier Maharaja
    DI DS DCI DC PC DSU DCS WPC Cpt
""")

# Kinship words used as a name on their own ("Nana buys the mill", "Abuela says no").
KINSHIP_NAMES = _words("""
    Grandma Grandpa Granny Gran Grandad Granddad Nana Nan Papa Mama Mum Mom Dad Auntie Aunty
    Paati Thatha Nani Dadi Dada Abuela Abuelo Abuelita Abuelito Oma Opa Babcia Dziadek Babushka
    Nonna Nonno Vovó Vovô Teta Jiddo Sitti Lola Lolo Obaachan Ojiichan Halmeoni Harabeoji Yaya Bubbe Zayde
""")

# Titles written after the name ("Elif Hanım", "Kerem Bey", "Sunita Aunty", "Ravi Bhaiya").
POST_TITLES = _words("""
    Hanım Hanim Bey Efendi Paşa Pasha Ağa Hoca Sahib Saheb Ji Aunty Auntie Uncle Didi Bhai Bhaiya
    Dada Sensei Sama
""")

# Words that may stand inside a title run before the name ("Chief Engineer", "First Officer").
TITLE_QUALIFIERS = _words("""
    Chief Head Deputy Senior Junior First Second Vice Grand Acting Assistant Lead Staff Medical
    Science Security Special Executive Detective Lieutenant Harbour Harbor Station Police Fire
""")

# Abbreviated titles written with a full stop; "St." is a place prefix, not a title.
TITLE_ABBREVIATIONS = ("Dr", "Mr", "Mrs", "Ms", "Mx", "Sgt", "Lt", "Capt", "Det", "Insp", "Prof",
                       "Rev", "Fr", "Supt", "Cpl", "Col", "Gen", "Maj", "Hon", "St", "Mt", "Sr", "Sra",
                       "Jr")

# Lowercase particles inside a name ("de la", "del", "von", "van der", "dos").
PARTICLES = _words("""
    de da do dos das del della delle di du van von der den ter ten la las los le bin ibn binti af
    zu ap ab ferch verch mac nic
""")

# A first word that makes a place or venue ("Lake X", "Port X", "Rua X", "Hacienda X").
PLACE_PREFIXES = _words("""
    Lake Mount Mt Port Fort Cape Isla Isle Ilha Rua Calle Avenida Avenue Via Rue Hacienda Rancho
    Fazenda Quinta Estância Canal Channel Radio Club Camp Hotel Hôtel Café Cafe Bar Restaurante
    Padaria Panadería Hospital Saint St San Santa Santo São Sankt Lago Monte Puerto Porto Río Rio
    Sierra Costa Playa Praia Château Schloss University Universidad College Academy Museum Bahía
    Cerro Villa Plaza Praça Piazza Mercado Banco Grupo Rádio TV Studio Studios Club Compañía
    Industrias Hermanos Bodega Bodegas Finca Destilería Tequilera Cervecería Farmacia Tienda Taller
    Trattoria Pizzeria Osteria Ristorante Boulangerie Pâtisserie Brasserie Maison Domaine Drogaria
    Loja Fábrica Editora Construtora Transportes Empresas Kafe Kaffe Bäckerei Apotheke Gasthaus
""")

# A last word that makes a company, venue or place ("X Group", "X Pharmacy", "X Point").
ORG_NOUNS = _words("""
    Group Corp Corporation Company Co Inc Ltd LLC GmbH Holdings Industries Enterprises Partners
    Associates Bank Capital Motors Motor Airlines Airways Air Shipping Lines Line Logistics Mining
    Lumber Seafood Seafoods Foods Fisheries Pharmacy Pharma Pharmaceuticals Clinic Hospital General
    Medical Center Centre Hall Church Chapel Cathedral Temple Mosque Shrine School Academy University
    College Institute Station Relay Point Tower Towers Bridge Road Street Avenue Ave Lane Boulevard
    Square Park Garden Gardens Market Mall Plaza Hotel Motel Inn Bar Pub Tavern Café Cafe Diner
    Restaurant Bakery Grill Lounge Club Records Studios Studio Pictures Films Media News TV Network
    Channel Radio Press Times Post Magazine Gazette Island Islands Bay Beach Harbor Harbour River
    Valley Mountain Mountains Hill Hills County City Town Village Heights Falls Springs Creek Cove
    Coast Guard Police Department Ministry Council Agency Bureau Office Court Prison Jail Airport
    Mill Mills Farm Ranch Estate Manor House Lodge Trust Foundation Society Union League United
    FC Stadium Arena Theatre Theater Cinema Museum Gallery Library Labs Laboratories Systems
    Technologies Tech Solutions Services Construction Builders Realty Properties Developments
    Insurance Textiles Fabrics Brewery Distillery Winery Vineyard Cartel Syndicate Agency Consulting
    Ventures Security Electronics Energy Oil Steel Chemicals Telecom Pharmaceuticals Supermarket
    Store Stores Shop Salon Spa Gym Dojo Hostel Resort Casino Plaza Port Wharf Pier Dock Docks
    Street Expressway Highway Motorway Tunnel Canal Lake Sea Ocean Gulf Strait Forest Woods
    Festival Fair Parade Gala Awards Cup Games Championship Carnival Conference Summit Party Expo
    Show Tour Regatta Derby Marathon Olympics Prize Pavilion Palace Gate Sect Clan Dynasty Kingdom
    Empire Republic Province Prefecture District Quarter Ward Borough Development Keep Castle
    Citadel Fortress Abbey Priory
""")

# Nouns after "X's" that only people have ("X's father", "X's face", "X's handwriting").
PERSON_POSSESSIONS = _words("""
    father mother dad mum mom papa mama son daughter sister brother sibling siblings twin wife
    husband ex ex-wife ex-husband ex-girlfriend ex-boyfriend boyfriend girlfriend partner fiancé
    fiancée fiance fiancee grandmother grandfather grandma grandpa granny grandson granddaughter
    grandchildren uncle aunt cousin nephew niece parents parent family friend friends bestie boss
    assistant lawyer kid kids children child baby mentor rival lover crush face eyes eye hands hand
    voice heart mind head smile lips mouth arms arm body handwriting words confession lyrics secret
    secrets past life death funeral wedding birthday bedroom diary journal memories feelings name
    love loyalty grief anger temper fate story backstory arc apartment flat house home
    first-love widow widower stepfather stepmother stepson stepdaughter half-brother half-sister
    classmate roommate flatmate neighbour neighbor colleague employer landlady landlord tenant
    killer murderer daughter-in-law son-in-law mother-in-law father-in-law brother-in-law
    sister-in-law grave tears fingers shoulder shoulders expression reaction phone
""")

# Role nouns in an apposition ("X, the broker who ...", "her brother X", "the landlady, X").
PERSON_ROLES = PERSON_POSSESSIONS | _words("""
    man woman boy girl guy lady gentleman teenager widow pastor priest nun doctor nurse detective
    inspector officer cop sheriff deputy prosecutor lawyer judge teacher student pharmacist chef
    baker driver conductor captain pilot engineer commander lieutenant sergeant soldier sailor
    fisherman deckhand housekeeper maid butler cook waiter waitress bartender owner manager clerk
    broker lender banker dealer smuggler thief villain hero heroine protagonist lead heir heiress
    liaison associate architect photographer lyricist singer musician artist writer reporter
    journalist stranger suspect witness victim patient customer client tenant landlord landlady
    neighbour neighbor rider courier seller vendor merchant farmer hunter ranger guard agent spy
    assassin boss chief leader mayor nanny grandmother grandfather matriarch patriarch newcomer
    wife husband fiancé fiancée ex-husband ex-wife orphan mother father daughter son sister brother
    kid kids child twin cousin uncle aunt nephew niece friend rival teen pastor medic surgeon
""")

# Verbs a person does: a name followed by one of these is probably a person.
SPEECH_VERBS = _words("""
    says said tells told asks asked admits admitted confesses confessed whispers whispered shouts
    shouted screams screamed sighs sighed cries cried smiles smiled laughs laughed begs begged
    pleads pleaded apologises apologizes apologised apologized promises promised insists insisted
    lies lied kisses kissed hugs hugged marries married dies died realizes realises realized
    realised notices noticed decides decided refuses refused agrees agreed confronts confronted
    thinks thought believes believed wonders wondered remembers remembered forgets
    forgot panics panicked faints fainted collapses collapsed sobs sobbed winks winked nods nodded
    frowns frowned blushes blushed shrugs shrugged hesitates hesitated
""")

PERSON_VERBS = SPEECH_VERBS | _words("""
    finds found watches watched walks walked calls called learns learned learnt loves loved hates
    hated sees saw hears heard meets met visits visited arrives arrived kills killed wants wanted
    knows knew needs needed tries tried turns turned gets got spends spent sits sat stands stood
    gives gave takes took makes made handles handled goes went comes came returns returned runs ran
    drives drove climbs climbed follows followed wakes woke sleeps slept eats ate drinks drank
    writes wrote sings sang dances danced fights fought wins won loses lost steals stole lets
    threatens threatened explains explained answers answered replies replied worries worried
    survives survived escapes escaped disappears disappeared vanishes vanished wears wore carries
    carried holds held grabs grabbed pushes pushed pulls pulled opens opened closes closed buys
    bought pays paid owes owed hires hired fires fired arrests arrested interrogates interrogated
    questions questioned investigates investigated discovers discovered reveals revealed seals
    sealed votes voted deletes deleted confides confided lives lived works worked does did doesn’t
    didn’t doesn't didn't can’t can't won’t won't isn’t isn't wasn’t wasn't hasn’t hasn't
    crawls crawled reaches reached sulks sulked mulls mulled bails bailed cuddles cuddled stares
    stared glances glanced leans leaned storms stormed slaps slapped punches punched shoots shot
    stabs stabbed poisons poisoned saves saved rescues rescued helps helped joins joined quits quit
    resigns resigned moves moved packs packed sneaks sneaked snuck hides hid flees fled chases
    chased catches caught kneads bakes baked cooks cooked cleans cleaned reads wraps wrapped slides
    slid adds added serves served orders ordered boards boarded charges charged docks docked
    signs signed sorts sorted picks picked counts counted interviews interviewed photographs
    shuffles shuffled mentions mentioned drops dropped underplays underplayed deserves leaves
""")

# Weak cues: auxiliaries also follow places and companies ("the town is ...").
WEAK_VERBS = _words("is was has had will would could should must might may can has been feels felt seems looks")

# Verbs whose object is a person ("calls X", "tells X", "arrests X").
OBJECT_VERBS = _words("""
    call calls calling meet meets met follow follows followed help helps helped save saves saved
    visit visits visited join joins joined text texts texted phone phones phoned love loves date
    dates dated dump dumps dumped rescue rescues rescued pin pins pinning pinned shoot shoots
""")

# Verbs whose object can only be a person ("tells X", "kisses X", "arrests X").
PERSON_OBJECT_VERBS = _words("""
    tell tells told ask asks asked kiss kisses kissed hug hugs hugged marry marries married kill
    kills killed arrest arrests arrested cuff cuffs cuffing cuffed beg begs begged confront
    confronts confronted warn warns warned thank thanks thanked hire hires hired fire fires fired
    trust trusts trusted betray betrays betrayed blame blames blamed forgive forgives forgave
    interrogate interrogates interrogated question questions questioned console consoles consoled
    comfort comforts comforted slap slaps slapped punch punches punched stab stabs stabbed
    strangle strangles strangled seduce seduces seduced dumps proposes
""")

# Nouns after "-ing" that are not verbs ("the Sunday evening").
ING_NOUNS = _words("""
    thing things evening morning building king ring spring wedding meeting ceiling feeling
    nothing something anything everything during sibling offering setting ending opening
    beginning painting clothing string sling wing swing sting lightning pudding shilling darling
""")

DETERMINERS = _words("""
    the a an this these those every each any another its The A An This These Those Every Each Any
    Another Its
""")

# Prepositions that put a name somewhere rather than someone ("aboard X", "in X") ...
PLACE_PREPOSITIONS = _words("in at on aboard onto into near off outside inside via throughout")
# ... and ones that do so less surely ("from X", "of X", "behind X").
LOOSE_PREPOSITIONS = _words("across toward towards around beyond within from of through behind under along")

# Verbs before "at"/"on" that aim at a person ("stares at X", "turns on X").
GAZE_VERBS = _words("""
    look looks looked looking stare stares stared staring glance glances glanced glancing smile
    smiles smiled smiling shout shouts shouted shouting yell yells yelled yelling laugh laughs
    laughed laughing point points pointed pointing wave waves waved waving angry mad furious snap
    snaps snapped snapping lash lashes lashed eyes
""")

# Nouns after a name that make it a show, network or company ("the X drama", "X's new series").
SHOW_NOUNS = _words("""
    drama dramas series show shows sitcom serial telenovela network streamer channel broadcast
    broadcaster production adaptation remake soundtrack fandom fans subplot plot storyline episode
    episodes season seasons finale premiere pilot franchise universe office offices building
    headquarters brand logo staff team deal contract shares stock logbook wreck hull original
    version app platform website site thread subreddit forum newsletter podcast account original
    feed stream edition issue chain outlet store subscribers viewers audience audiences ratings
""")

# Words in a sentence that make a name an actor's ("most actors", "screen time", "her acting").
ACTING_WORDS = _words("""
    actor actors actress actresses acting performance performances performer portrayal portrays
    cast casting role roles co-star co-stars starring starred emmy emmys award awards award-winning
    oscar filmography
""")
ACTING_PHRASES = ("screen time", "line reading", "best work", "star turn", "turn as")

# What an actor "brings" or "gives" to a part ("brings a wounded charm to", "gives the priest a
# frayed decency").
ACTING_QUALITIES = _words("""
    charm warmth gravity gravitas menace humour humor wit energy presence weight life depth sincerity
    intensity dignity vulnerability edge swagger tenderness melancholy steel spark heart soul nuance
    texture conviction grace magnetism sparkle sweetness fury sadness stillness decency physicality
    restraint poise authority gentleness bite
""")

# Credits: a name after one of these words is crew, not cast.
CREDIT_VERBS = _words("""
    written directed created produced teleplay screenplay story photographed shot edited developed
    adapted composed scored showrun showrunner co-written co-created executive-produced illustrated
""")

# Job words written before a name ("Showrunner Ana Ruiz", "Actor Ben Lowe"): crew or cast, never
# a character.
ROLE_WORDS = {
    **dict.fromkeys(("showrunner", "writer", "creator", "co-creator", "producer", "photographer",
                     "cinematographer", "composer", "critic", "columnist", "novelist", "author",
                     "screenwriter", "playwright", "editor", "reviewer"), "crew"),
    **dict.fromkeys(("actor", "actress", "star", "co-star", "costar", "newcomer", "comedian",
                     "singer", "rapper", "idol"), "cast"),
}

# Streamers, broadcasters, trade press and platforms that recaps name as if they were people
# ("Variety says", "told Deadline"): real-world media, never characters of a show.
MEDIA = _words("""
    Netflix Hulu HBO Disney Peacock Paramount Showtime Starz AMC FX BBC ITV Hotstar Kocowa Tving
    Wavve iQiyi Youku WeTV Crunchyroll Variety Deadline Vulture IndieWire Collider Polygon IGN
    Reddit Twitter Instagram TikTok YouTube Facebook Google Spotify Letterboxd IMDb Metacritic
    Emmys Oscars
""")

MONTHS_AND_DAYS = _words("""
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays Christmas Easter
    Halloween Thanksgiving Ramadan Eid Diwali Hanukkah Passover Lent Advent New Year Chuseok Tet
""")

NATIONALITIES = _words("""
    American British English Scottish Welsh Irish Canadian Australian French German Spanish
    Portuguese Italian Dutch Belgian Swiss Austrian Swedish Norwegian Danish Finnish Icelandic
    Polish Czech Slovak Hungarian Romanian Bulgarian Greek Turkish Russian Ukrainian Serbian
    Croatian Bosnian Albanian Lithuanian Latvian Estonian Korean Japanese Chinese Taiwanese
    Vietnamese Thai Filipino Indonesian Malaysian Indian Pakistani Bangladeshi Nepali Sri Lankan
    Iranian Persian Iraqi Syrian Lebanese Israeli Palestinian Jordanian Egyptian Moroccan Algerian
    Tunisian Libyan Saudi Emirati Qatari Yemeni Nigerian Ghanaian Kenyan Ethiopian Somali South
    African Zimbabwean Ugandan Tanzanian Senegalese Cameroonian Congolese Angolan Mexican Brazilian
    Argentine Argentinian Chilean Colombian Peruvian Venezuelan Cuban Bolivian Ecuadorian
    Uruguayan Paraguayan Dominican Puerto Rican Jamaican Haitian Caribbean Latin Latino Latina
    Hispanic Asian European Nordic Scandinavian Baltic Slavic Arab Arabic Hebrew Yoruba Igbo Hausa
    Swahili Hindi Urdu Bengali Tamil Punjabi Cantonese Mandarin Tagalog Catholic Protestant
    Lutheran Anglican Orthodox Muslim Jewish Christian Buddhist Hindu Sikh Western Eastern Northern
    Southern Midwestern Victorian Gothic Soviet Nazi Roman Celtic Viking Mediterranean Atlantic
    Pacific Arctic Antarctic K-drama K-dramas K-pop J-drama C-drama Earth Internet God
""")

# Common English words that start sentences or headings; never a name on their own.
COMMON_WORDS = _words("""
    a about above across after afterwards again against ago ah ahead all almost alone along already
    also although always am among an and another anyway anyone anything apparently are around as
    at away back bad basically be because been before behind being below best better between big
    both but by can cannot could day did do does doing done down during each early either else
    elsewhere enough especially even eventually ever every everyone everything everybody except
    fair far few finally first for from further good great had has have having he her here hers
    herself hey hi him himself his honestly how however i if in indeed instead into is it its
    itself just last later least less let like likely little long look many may maybe me meanwhile
    might more most much must my myself near nearly need neither never new next nice no nobody none
    nor not nothing now of off oh ok okay old on once one only or other others otherwise our ours
    out over own perhaps please plus poor quite rather really right same seriously several she
    should since so some somebody someone something sometimes soon still such sure than thank
    thanks that the their theirs them themselves then there therefore these they this those though
    through thus to together too toward towards under unfortunately unless until up upon us very
    via was we well were what whatever when whenever where whether which while who whoever whole
    whom whose why will with within without would yes yet you your yours yourself
    also anyway besides clearly obviously luckily sadly happily fortunately naturally surely
    certainly suddenly slowly quickly quietly later earlier tonight today tomorrow yesterday
    spoilers spoiler warning note update edit bonus recap review summary verdict thoughts
    episode season part chapter act scene finale premiere pilot series show
    watching seeing meet enter cue turns turn watch read stay grab fight track tell write
    open roll scream sorry sir madam ma'am dear sweet poor young old little big good bad
    everything nothing something anything non-spoiler non-spoilers critics fans viewers
    relationship goals speaking elsewhere overall ultimately interestingly notably
    what's here's there's that's it's let's who's where's how's
    one two three four five six seven eight nine ten first second third fourth fifth last final
    best worst biggest key stray quick highlights moments takeaways observations things reasons
    family friends kids people man woman men women boy girl guy guys
""")


def is_place_or_org(words: tuple[str, ...]) -> bool:
    """A multi-word name that starts like a place ("Lake X", "Rua X") or ends like a company or
    venue ("X Group", "X Pharmacy"), or joins with "&"."""
    if len(words) < 2:
        return False
    return words[0].rstrip(".") in PLACE_PREFIXES or words[-1] in ORG_NOUNS or "&" in words
