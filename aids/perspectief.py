"""The result of the aid 'perspectief' (opvoedperspectief: samen beslissen over terugkeer).

A structured conversation aid, not a score (issue 6, item 2). The answers become:

- what was discussed, in the words of the family;
- the arguments for and against return now, side by side. Nothing is counted or weighed:
  no number, no total and no verdict ever appears, and both lists are shown in the same
  order whatever their length;
- what is still unclear or changeable, what must still happen, and the questions to settle
  with the behavioural scientist (who must be involved in the decision, Richtlijn
  Uithuisplaatsing en terugplaatsing, 2023) and the family;
- shared parenting when return seems impossible or is uncertain (Jeugdbescherming, 2025);
- the escalation routes K2 names when the process is stuck, with when each can fit. When a
  route fits is Thuiswijzer's own advice; the sources only name the routes.

Every text exists twice: for the professional (with sources) and in plain words for parents.
Pure Python, standard library only; runs in CPython and in Pyodide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .definition import Aid
from .engine import Item, Result, Section, Voice, format_date, parse_date, visible_fields

RICHTLIJN = "Richtlijn Uithuisplaatsing en terugplaatsing, 2023"
SAMEN = "Jeugdbescherming, 2025"
K2 = "K2, z.j."
NJI = "NJi, z.j."

DOMAINS = (("ouder", "Ouder"), ("kind", "Kind"), ("gezin", "Gezin"), ("omgeving", "Omgeving"))
BALANCE = ("kracht", "evenwicht", "last", "onbekend")
FAVOURABLE = ("kracht", "evenwicht")

# The balance in words: now (the child lives elsewhere) and at return.
NOW = {
    "kracht": "is de draagkracht groter dan de draaglast",
    "evenwicht": "zijn draaglast en draagkracht in evenwicht",
    "last": "is de draaglast groter dan de draagkracht",
    "onbekend": "weten jullie nog niet hoe de balans is",
    "": "is de balans nog niet ingevuld",
}
AT_RETURN = {
    "kracht": "is naar verwachting de draagkracht groter dan de draaglast",
    "evenwicht": "zijn draaglast en draagkracht naar verwachting in evenwicht",
    "last": "is naar verwachting de draaglast groter dan de draagkracht",
    "onbekend": "weten jullie nog niet hoe de balans dan is",
    "": "is de balans nog niet ingevuld",
}
PLAIN = {
    "kracht": "is er meer dat helpt dan dat zwaar is",
    "evenwicht": "zijn wat zwaar is en wat helpt in evenwicht",
    "last": "is er meer dat zwaar is dan dat helpt",
    "onbekend": "weten we nog niet hoe het is",
    "": "hebben we het nog niet besproken",
}

# What must still happen in a domain where the load is expected to be greater at return.
DOMAIN_TODO = {
    "ouder": (
        "Zorg dat hulp voor de ouder zelf, zoals ggz, verslavingszorg of hulp bij een licht "
        f"verstandelijke beperking, al vóór de terugkeer loopt en daarna doorgaat ({RICHTLIJN}).",
        "Hulp voor de ouder zelf begint al vóór de terugkeer en gaat daarna door.",
    ),
    "kind": (
        "Regel ook hulp voor het kind zelf: de hulp mag niet alleen op de ouders gericht zijn "
        f"({RICHTLIJN}). Bespreek wat het kind nodig heeft om thuis weer te wennen.",
        "Het kind krijgt ook zelf hulp, en de tijd om thuis weer te wennen.",
    ),
    "gezin": (
        "Bouw de terugkeer rustiger op, bijvoorbeeld eerst een nacht en later een weekend thuis. "
        "Maak samen afspraken over het ritme thuis, en evalueer na de terugkeer vaker (advies "
        "van Thuiswijzer, zie de pagina Draaglast en draagkracht).",
        "We bouwen de terugkeer rustig op en maken samen afspraken voor thuis.",
    ),
    "omgeving": (
        "Schakel hulp dicht bij huis in, zoals het wijkteam, maatschappelijk werk of "
        f"schuldhulpverlening ({NJI}). Meld het gezin op tijd aan: de hulp moet er zijn op de "
        f"eerste dag thuis ({RICHTLIJN}).",
        "Hulp dicht bij huis, zoals het wijkteam, staat klaar op de eerste dag thuis.",
    ),
}

# Escalation routes K2 names (K2, z.j.); when each fits is Thuiswijzer's advice.
ROUTES = (
    ("doorbraaktafel", "Doorbraaktafel", "hulp_komt_niet",
     "Een overleg in de regio waar organisaties samen een oplossing zoeken voor een situatie "
     "die vastzit. Past als de inhoud duidelijk is, maar de hulp er niet komt. Bijvoorbeeld "
     "door een wachtlijst, geld of regels tussen organisaties.",
     "Een overleg in de regio. Daar zoeken organisaties samen een oplossing als de hulp die "
     "nodig is er niet komt."),
    ("bestuurders", "Management en bestuurders", "regels",
     "De leiding van de betrokken organisaties. Je bereikt hen meestal via je eigen "
     "leidinggevende. Past als regels of afspraken van organisaties een oplossing blokkeren. "
     "Alleen de leiding kan dan een uitzondering of een nieuwe afspraak maken.",
     "De leiding van de organisaties. Zij kunnen een uitzondering maken als regels een "
     "oplossing in de weg staan."),
    ("raad", "Raad voor de Kinderbescherming", "oneens",
     "De Raad onderzoekt en toetst, maar geeft zelf geen hulp (Raad voor de Kinderbescherming, "
     "z.j.). K2 noemt de Raad als partij die je om onafhankelijk advies kunt vragen. Past als "
     "professionals het inhoudelijk oneens zijn, bijvoorbeeld over de vraag of terugkeer "
     "veilig is.",
     "De Raad kan onafhankelijk meekijken als de hulpverleners het met elkaar oneens zijn."),
)
STUCK_ON = {"hulp_komt_niet": "de hulp komt er niet", "regels": "regels of afspraken blokkeren",
            "oneens": "professionals zijn het oneens"}


@dataclass
class _Texts:
    """One list of items, built in both voices side by side."""

    pro: list[Item]
    parents: list[Item]

    def add(self, label: str, pro: str, parents: str, parent_label: str = "") -> None:
        self.pro.append(Item(label, pro))
        self.parents.append(Item(parent_label or label, parents))


def _texts() -> _Texts:
    return _Texts([], [])


def result(aid: Aid, answers: dict) -> Result:
    shown = set(visible_fields(aid, answers))

    def value(key: str) -> object:
        """The answer to a question that applies now, or "" (hidden answers are kept, not used)."""
        question = aid.questions[key]
        if question.per or question.id in shown:
            got = answers.get(key)
            return got if got is not None else ""
        return ""

    def text(key: str) -> str:
        got = value(key)
        return got.strip() if isinstance(got, str) else ""

    def choice(key: str) -> str:
        got = value(key)
        options = {o.value for o in aid.questions[key].options}
        return got if isinstance(got, str) and got in options else ""

    voor, tegen, open_, todo, questions = _texts(), _texts(), _texts(), _texts(), _texts()

    # What changed in parenting, and whether it shows in behaviour.
    seen = choice("gedrag_gezien")
    label = "Verandering in de opvoeding"
    if seen == "gedrag":
        voor.add(label, "Ouders laten de verandering zien in wat ze doen, niet alleen in het "
                        "volgen van hulp. Daar gaat het om bij de vraag of de opvoedvaardigheden "
                        f"echt verbeterd zijn ({RICHTLIJN}).",
                 "Jullie laten zien dat jullie het anders doen. Dat is meer dan naar de hulp gaan.",
                 "Wat er anders gaat in de opvoeding")
    elif seen == "alleen_hulp":
        tegen.add(label, "Tot nu toe is alleen gezien dat ouders hulp volgen. Aanwezig zijn bij "
                         "hulp laat nog niet zien dat de opvoeding veranderd is (Evident Change, "
                         "2023).",
                  "We zien vooral dat jullie naar de hulp gaan. We willen ook zien wat jullie "
                  "anders doen met het kind.", "Wat er anders gaat in de opvoeding")
        todo.add(label, "Spreek af waar ouders de verandering kunnen laten zien: tijdens de "
                        "omgang, bij het halen en brengen of op video. Vraag pleegouders of "
                        "groepsleiders wat zij zien. Zo beoordeel je of de opvoedvaardigheden "
                        f"echt verbeterd zijn ({RICHTLIJN}).",
                 "Jullie laten zien wat er anders gaat, bijvoorbeeld tijdens de omgang. De "
                 "pleegouders of groepsleiders vertellen wat zij zien.",
                 "Wat er anders gaat in de opvoeding")
    elif seen == "onbekend":
        open_.add(label, "Het is nog niet bekend of ouders de verandering laten zien in wat ze "
                         "doen.", "We weten nog niet of de verandering al te zien is.",
                  "Wat er anders gaat in de opvoeding")
        questions.add(label, "Zijn de opvoedvaardigheden van ouders echt verbeterd? Waar en door "
                             f"wie kan dat gezien worden? ({RICHTLIJN})",
                      "Waar kunnen jullie laten zien wat er anders gaat? Wie ziet dat?",
                      "Wat er anders gaat in de opvoeding")

    # The child: heard or not.
    heard = choice("kind_gehoord")
    if heard == "nog_niet":
        todo.add("Het kind horen", "Spreek het kind zelf, in woorden die passen bij de leeftijd. "
                                   "Vraag wat het wil en wat het nodig heeft. Ouders en kinderen "
                                   f"voelden zich vaak niet genoeg gehoord ({SAMEN}).",
                 "We vragen het kind zelf wat het wil en wat het nodig heeft.")
    elif heard == "te_jong":
        todo.add("Het kind horen", "Het kind is te jong om het zelf te zeggen. Kijk naar wat het "
                                   "laat zien, bijvoorbeeld tijdens de omgang, en vraag "
                                   "pleegouders of groepsleiders wat zij merken (advies van "
                                   "Thuiswijzer).",
                 "Het kind is nog te jong om het te zeggen. We kijken goed naar wat het kind "
                 "laat zien, en vragen wat de opvoeders merken.")
    elif heard == "via_ander":
        questions.add("Het kind horen", "Het kind is gehoord via iemand die het vertrouwt. Kan "
                                        "het ook zelf iets zeggen, op een manier die past bij de "
                                        "leeftijd?",
                      "Wil het kind ook zelf iets vertellen? Op welke manier past dat?")

    # Draaglast and draagkracht per domain, now and at return.
    for key, name in DOMAINS:
        now, back = choice(f"balans_{key}_nu"), choice(f"balans_{key}_terug")
        if not now and not back:
            continue
        pro = (f"Nu, terwijl het kind ergens anders woont, {NOW[now]}. Als het kind weer thuis "
               f"woont, {AT_RETURN[back]}.")
        plain = (f"Nu {PLAIN[now]}. Als het kind weer thuis woont, "
                 f"{PLAIN[back] if back != 'onbekend' else 'weten we nog niet hoe het dan is'}.")
        if back in FAVOURABLE:
            extra = (" Een evenwicht is kwetsbaar: spreek af waar jullie op letten."
                     if back == "evenwicht" else "")
            voor.add(name, pro + extra, plain)
        elif back == "last":
            if now in FAVOURABLE:
                pro += (" Juist de terugkeer lijkt de balans te verstoren. De richtlijn vraagt je "
                        f"daar alert op te zijn ({RICHTLIJN}).")
                plain += " Juist de terugkeer maakt het zwaarder."
            tegen.add(name, pro, plain)
            todo.add(name, *DOMAIN_TODO[key])
        else:
            open_.add(name, pro, plain)
        if back == "onbekend":
            questions.add(name, "Wat wordt zwaarder als het kind weer thuis woont, en groeit de "
                                "kracht mee? Zoek dit uit voordat jullie besluiten.",
                          "Wat wordt zwaarder als het kind weer thuis woont, en wat helpt dan?")
        if now == "last" and back != "last":
            tegen.add(f"{name}, nu", "Nu, terwijl het kind ergens anders woont, is de draaglast al "
                                     "groter dan de draagkracht. Bespreek wat er verandert "
                                     "waardoor het straks lichter wordt.",
                      "Nu al is er meer dat zwaar is dan dat helpt. Wat maakt het straks lichter?")
        if now == "onbekend":
            questions.add(f"{name}, nu", "Hoe is de balans nu, terwijl het kind ergens anders "
                                         "woont? Wat valt zwaar, en wat helpt?",
                          "Wat is nu zwaar, en wat helpt?")

    # The network.
    network = choice("netwerk_sterkte")
    label = "Netwerk"
    if network == "sterk":
        voor.add(label, "Het netwerk steunt het gezin sterk. De richtlijn vraagt na te gaan of "
                        f"het gezin op het eigen netwerk kan leunen ({RICHTLIJN}).",
                 "Er zijn mensen om jullie heen die echt helpen.")
    elif network == "wisselend":
        open_.add(label, "De steun van het netwerk wisselt: soms wel, soms niet.",
                  "De steun van mensen om jullie heen wisselt.")
        todo.add(label, "Maak met de mensen uit het netwerk concrete afspraken: wie doet wat, en "
                        "wanneer? Vraag hen zelf wat ze willen en kunnen (advies van Thuiswijzer).",
                 "We maken afspraken met de mensen om jullie heen: wie doet wat, en wanneer?")
    elif network == "zwak":
        tegen.add(label, "Het gezin krijgt weinig steun uit het eigen netwerk. De richtlijn "
                         f"vraagt daar zorgvuldig naar te kijken ({RICHTLIJN}).",
                  "Er zijn nog weinig mensen om jullie heen die helpen.")
        todo.add(label, "Zet het sociale en professionele netwerk in vóór de terugkeer, "
                        f"bijvoorbeeld met een familienetwerkberaad ({NJI}).",
                 "We zoeken samen mensen die jullie kunnen helpen, bijvoorbeeld in een "
                 "familienetwerkberaad.")
    elif network == "onbekend":
        open_.add(label, "Het is nog niet bekend hoe sterk de steun van het netwerk is.",
                  "We weten nog niet hoeveel steun er is van mensen om jullie heen.")
        questions.add(label, "Op wie kan het gezin echt leunen als het thuis zwaar wordt? Vraag "
                             f"het de mensen zelf ({RICHTLIJN}).",
                      "Wie kunnen jullie bellen als het thuis te veel wordt?")

    # Safety.
    safety = choice("veiligheid_nu")
    label = "Veiligheid"
    if safety == "veilig":
        voor.add(label, "Jullie schatten in dat het kind nu veilig is bij de ouders.",
                 "We vinden samen dat het kind nu veilig is bij jullie.")
    elif safety == "zorgen":
        tegen.add(label, "Er zijn zorgen over de veiligheid van het kind bij de ouders.",
                  "Er zijn nog zorgen over de veiligheid van het kind.")
        todo.add(label, "Maak samen een veiligheidsplan: wat moet anders, wie let erop, en wat "
                        "doen jullie als het misgaat? Bespreek de zorgen met je "
                        "gedragswetenschapper (advies van Thuiswijzer).",
                 "We maken samen een veiligheidsplan: wat moet anders, wie let erop, en wat "
                 "doen we als het misgaat?")
    elif safety == "onveilig":
        tegen.add(label, "Het kind is nu niet veilig bij de ouders. Terugkeer is het doel zolang "
                         f"die veilig en haalbaar is ({SAMEN}).",
                  "Het kind is nu niet veilig. De veiligheid van het kind gaat voor alles.")
        todo.add(label, "Bespreek dit direct met je gedragswetenschapper. Volg de meldcode "
                        "huiselijk geweld en kindermishandeling en de afspraken van je "
                        "organisatie.",
                 "We bespreken dit meteen met de gedragswetenschapper.")
    elif safety == "onbekend":
        open_.add(label, "Het is nog niet bekend of het kind veilig is bij de ouders.",
                  "We weten nog niet of het kind veilig is bij jullie.")
        questions.add(label, "Is het kind veilig bij de ouders? Wat moeten jullie weten om dat te "
                             "beoordelen, en wie zoekt dat uit?",
                      "Wat moeten we nog weten om te zien of het kind veilig is?")

    # Time since placement: long uncertainty harms the child.
    placed, talk = parse_date(text("plaatsing_datum")), parse_date(text("datum_gesprek"))
    months = months_between(placed, talk) if placed and talk and talk >= placed else None
    if months is not None and months >= 6:
        questions.add("Tijd", f"Het kind woont al {months} maanden ergens anders. Bij pleegzorg "
                              "is het doel om binnen 3 tot 6 maanden duidelijk te hebben waar het "
                              "kind opgroeit (Pleegkind en pleegzorg, 2022). Lang in onzekerheid "
                              f"blijven schaadt het kind ({RICHTLIJN}). Wanneer besluiten jullie?",
                      f"Het kind woont al {months} maanden ergens anders. Lang niet weten waar "
                      "je opgroeit, is zwaar voor een kind. Wanneer besluiten we?")

    # Questions to settle with the behavioural scientist and the family, always.
    questions.add("Opvoeding en kind", "Is de balans verbeterd tussen wat ouders in de opvoeding "
                                       "kunnen en wat het kind nodig heeft om zich te "
                                       f"ontwikkelen? ({RICHTLIJN})",
                  "Past wat jullie als ouders nu kunnen bij wat het kind nodig heeft?")
    questions.add("Goed genoeg", "Kan er thuis een opvoedsituatie ontstaan die goed genoeg is? "
                                 f"({RICHTLIJN})",
                  "Kan het thuis goed genoeg gaan voor het kind?")
    questions.add("Wie beslist mee", "De gedragswetenschapper moet betrokken zijn bij het besluit "
                                     f"over terugplaatsing ({RICHTLIJN}). Ouders en kind denken "
                                     "mee. Schrijf op hoe jullie tot een besluit komen, zodat het "
                                     "gezin het kan volgen.",
                  "We besluiten samen met de gedragswetenschapper. Jullie en het kind denken mee. "
                  "We schrijven op hoe we tot een besluit komen.")

    pro_sections: list[Section] = []
    parent_sections: list[Section] = []

    def section(heading: str, parent_heading: str, texts: _Texts, intro: str = "",
                parent_intro: str = "", key: str = "") -> None:
        if texts.pro:
            pro_sections.append(Section(heading, tuple(texts.pro), intro, key=key))
            parent_sections.append(Section(parent_heading, tuple(texts.parents), parent_intro,
                                           key=key))

    section("Wat jullie samen bespraken", "Wat we samen bespraken",
            _overview(aid, answers, shown, placed, months))
    # For and against side by side: both lists or neither, never a count.
    if voor.pro or tegen.pro:
        for texts, pro, plain in ((voor, "Voor deze kant is nog niets genoteerd. Vraag ouders "
                                         "en kind ook wat goed gaat.",
                                   "Hier staat nog niets. Wat gaat er goed?"),
                                  (tegen, "Voor deze kant is nog niets genoteerd. Vraag ook naar "
                                          "twijfels en zorgen.",
                                   "Hier staat nog niets. Waar twijfelen jullie over?")):
            if not texts.pro:
                texts.add("Nog niets genoteerd", pro, plain)
        intro = ("De argumenten staan naast elkaar. Ze worden niet opgeteld of tegen elkaar "
                 "weggestreept. Weeg ze samen.")
        section("Wat pleit voor terugkeer nu", "Wat goed gaat", voor, intro, key="voor")
        section("Wat pleit tegen terugkeer nu", "Wat nog moeilijk is", tegen, key="tegen")
    section("Wat nog onduidelijk is of wisselt", "Wat we nog niet weten", open_)
    section("Wat nog moet gebeuren", "Wat er nog moet gebeuren", todo)
    section("Vragen voor de gedragswetenschapper en het gezin",
            "Vragen die we samen nog beantwoorden", questions)

    outlook = choice("terugkeer_mogelijk")
    if outlook in ("onzeker", "niet_mogelijk"):
        section(*_shared_parenting(outlook, text("gedeeld_rol"),
                                   aid.questions["gedeeld_rol"]))
    stuck = choice("vastgelopen")
    if stuck in ("niet_verder", "geen_besluit"):
        on = value("vast_waarop")
        chosen = [v for v in on if v in {o.value for o in aid.questions["vast_waarop"].options}] \
            if isinstance(on, list) else []
        section(*_escalation(stuck, chosen))

    pro_gaps, parent_gaps = _gaps(aid, answers, shown, talk, text("besluit_datum"))
    professional = Voice(aid.result_title, aid.result_intro, tuple(pro_sections), pro_gaps)
    parents = Voice(aid.parent_title, aid.parent_intro, tuple(parent_sections), parent_gaps)
    return Result(professional, parents)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (end not before start). A month counts as full when the
    day of the month is reached, or when end is the last day of its month (31 January to
    28 February is one month)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    last_day = (end + dt.timedelta(days=1)).day == 1
    if end.day < start.day and not last_day:
        months -= 1
    return max(months, 0)


def _overview(aid: Aid, answers: dict, shown: set[str], placed: dt.date | None,
              months: int | None) -> _Texts:
    """What the family said, in their words, under the labels of the questions."""
    out = _texts()
    questions = aid.questions
    members = questions["leden"]
    chosen = answers.get("leden")
    roles = answers.get("rol") if isinstance(answers.get("rol"), dict) else {}
    if isinstance(chosen, list) and chosen and "leden" in shown:
        described = []
        for member in chosen:
            role = roles.get(member, "") if f"rol.{member}" in shown else ""
            role = role.strip() if isinstance(role, str) else ""
            described.append(f"{members.option_label(member)} ({role})" if role
                             else members.option_label(member))
        out.add(members.short, "; ".join(described), "; ".join(described), members.parent_label)
    if placed and "plaatsing_datum" in shown:
        question = questions["plaatsing_datum"]
        since = format_date(placed)
        pro = plain = since
        if months is not None:
            pro += f". Op de datum van het gesprek woont het kind {_months(months)} ergens anders."
            plain += f". Het kind woont nu {_months(months)} ergens anders."
        out.add(question.short, pro, plain, question.parent_label)
    for key in ("datum_gesprek", "veranderd_vaardigheden", "veranderd_gedrag", "gedrag_bron",
                "kind_behoeften", "kind_wensen", "kind_gehoord", "balans_toelichting",
                "netwerk_steun", "veiligheid_toelichting", "resterende_zorgen", "nodig",
                "terugkeer_mogelijk", "besluit_datum"):
        question = questions[key]
        got = answers.get(key)
        if key not in shown or not isinstance(got, str) or not got.strip():
            continue
        if question.type == "choice":
            if got not in {o.value for o in question.options}:
                continue
            shown_text = question.option_label(got)
        elif question.type == "date":
            day = parse_date(got)
            if day is None:
                continue
            shown_text = format_date(day)
        else:
            shown_text = got
        out.add(question.short, shown_text, shown_text, question.parent_label or question.short)
    return out


def _months(months: int) -> str:
    if months == 0:
        return "nog geen maand"
    return "1 maand" if months == 1 else f"{months} maanden"


def _shared_parenting(outlook: str, role: str, question) -> tuple:
    """Gedeeld opvoederschap (Jeugdbescherming, 2025), with what the guideline says about a
    permanent placement. The sources on shared parenting itself are thin: we say so."""
    out = _texts()
    if outlook == "niet_mogelijk":
        intro = ("Jullie schatten in dat terugkeer niet mogelijk lijkt. Dat is nog geen besluit: "
                 f"dat neem je met de gedragswetenschapper ({RICHTLIJN}).")
        parent_intro = ("We denken nu dat het kind niet terug naar huis kan. Dat is nog geen "
                        "besluit. Jullie blijven de ouders van het kind.")
    else:
        intro = ("Het is nog onzeker of het kind terug kan. Werk aan terugkeer zolang die veilig "
                 f"en haalbaar kan ({SAMEN}). Bespreek ook wat er gebeurt als het niet lukt.")
        parent_intro = ("We weten nog niet of het kind terug naar huis kan. We werken daar nog "
                        "aan. We praten ook over wat er gebeurt als het niet lukt.")
    out.add("Gedeeld opvoederschap",
            "Kan het kind niet terug naar huis? Dan werk je met ouders uit hoe gedeeld "
            f"opvoederschap eruit kan zien ({SAMEN}). Ouders en de opvoeders bij wie het kind "
            "woont, hebben dan allebei een rol in het leven van het kind.",
            "Als het kind niet thuis kan wonen, blijven jullie de ouders. Jullie en de opvoeders "
            "bij wie het kind woont, hebben dan allebei een rol. Hoe dat eruitziet, zoeken we "
            "samen uit.")
    if role:
        out.add(question.short, role, role, question.parent_label)
    out.add("Om samen te bespreken",
            "\n".join([
                "Hoe blijven ouders betrokken bij hoe het kind opgroeit, bijvoorbeeld bij school "
                f"en gezondheid? ({RICHTLIJN})",
                "Welk contact past, en onder welke voorwaarden? Leg het vast in een "
                f"bezoekregeling ({RICHTLIJN}).",
                f"Welke hulp krijgen ouders bij het verlies en het verdriet? ({RICHTLIJN})",
                "Let bij het kind op loyaliteit aan de ouders. Geef het kind de ruimte om van "
                f"iedereen te houden ({RICHTLIJN}).",
                "De richtlijn raadt de methode Roldifferentiatie aan: ouders vinden een nieuwe "
                f"rol als ouder ({RICHTLIJN}). Hoe de methode werkt, staat niet in onze bronnen.",
            ]),
            "\n".join([
                "Hoe jullie betrokken blijven bij school en gezondheid.",
                "Hoe vaak en waar jullie het kind zien.",
                "Welke hulp jullie krijgen bij het verdriet.",
                "Hoe het kind van iedereen mag houden.",
            ]),
            "Wat we bespreken")
    out.add("Wat we nog niet weten",
            "De aanpak Samen voor opvoedperspectief zou in 2025 eerst op kleine schaal worden "
            f"getest ({SAMEN}). Over de resultaten staat in onze bronnen nog niets.",
            "Deze manier van werken is nieuw. Hoe goed hij werkt, weten we nog niet.")
    return ("Als terugkeer niet kan: gedeeld opvoederschap", "Als het kind niet terug naar huis "
            "kan", out, intro, parent_intro)


def _escalation(stuck: str, chosen: list[str]) -> tuple:
    """The three routes K2 names, with when each can fit (Thuiswijzer's advice)."""
    out = _texts()
    out.add("Eerst", "Bespreek opschalen eerst met het gezin: waarom doe je het, en wat kan het "
                     "opleveren (advies van Thuiswijzer)? Houd het kind en het gezin centraal, "
                     f"praat over de inhoud en blijf weg van wij-tegen-zij ({K2}).",
            "Als we de vraag hoger willen leggen, bespreken we dat eerst met jullie. We leggen "
            "uit waarom.")
    if stuck == "geen_besluit":
        out.add("Als het besluit uitblijft",
                "Lang niet weten waar je opgroeit, schaadt een kind "
                f"({RICHTLIJN}). Een geplaatst kind heeft recht op een regelmatige toetsing van "
                "de plaatsing (IVRK, artikel 25). Spreek een datum af voor het besluit. Welke "
                "route past, hangt af van waardoor het besluit uitblijft.",
                "Het duurt al lang zonder besluit. Dat is zwaar, zeker voor het kind. We "
                "spreken een datum af.")
    for _key, name, reason, pro, plain in ROUTES:
        if reason in chosen:
            pro += f" Dit past bij wat jullie kozen: {STUCK_ON[reason]}."
        out.add(name, pro, plain)
    if stuck == "niet_verder" and not chosen:
        out.add("Welke route?", "Kies bij 'Waarop loopt het vast?' wat past. Dan zie je hier "
                                "welke route daarbij kan passen.",
                "We kijken samen waarop het vastloopt.")
    elif "anders" in chosen:
        out.add("Iets anders", "Past geen van de routes bij wat er vastloopt? Bespreek met je "
                               "leidinggevende welke weg er is.",
                "We zoeken samen met de leidinggevende een andere weg.")
    out.add("Over deze routes",
            f"K2 noemt deze drie routes ({K2}). Wanneer een route past, is een advies van "
            "Thuiswijzer, geen uitspraak van K2. Onze bronnen beschrijven niet hoe een "
            "doorbraaktafel werkt. Of jouw regio er een heeft, vraag je na bij je gemeente of je "
            "leidinggevende. De lessen van K2 komen uit twee voorbeelden in één regio, niet uit "
            "onderzoek naar effecten.",
            "Hoe dit in jullie regio gaat, zoeken we voor jullie uit.")
    intro = ("Het proces loopt vast. De professionals in de voorbeelden van K2 durfden dan op "
             f"te schalen, en kenden de route ({K2}).")
    return ("Als het vastloopt: routes om op te schalen", "Als we niet verder komen", out, intro,
            "Soms komen we niet verder. Dan kan de hulpverlener de vraag hoger leggen.")


def _gaps(aid: Aid, answers: dict, shown: set[str], talk: dt.date | None,
          decision: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    pro, parents = [], []
    for gap in aid.gaps:
        got = answers.get(gap.question)
        if gap.question in shown and (not isinstance(got, str) or not got.strip()):
            pro.append(gap.message)
            parents.append(gap.parent_message or gap.message)
    missing = [aid.questions[f"balans_{key}_{when}"].short.lower()
               for key, _ in DOMAINS for when in ("nu", "terug")
               if answers.get(f"balans_{key}_{when}") not in BALANCE]
    if missing:
        pro.append("Bij draaglast en draagkracht is nog niet alles gekozen: "
                   f"{', '.join(missing)}.")
        parents.append("We hebben nog niet voor alles besproken wat zwaar is en wat helpt.")
    day = parse_date(decision)
    if day and talk and day < talk:
        pro.append("De datum van het besluit ligt vóór de datum van dit gesprek. Kies een latere "
                   "datum, of pas de datum aan.")
        parents.append("De datum van het besluit klopt nog niet.")
    return tuple(pro), tuple(parents)
