"""Report labels in English and Dutch. Question text always stays in its original language."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "nl")

_EN: dict[str, str] = {
    "title": "Themed transcript",
    "generated": "Generated",
    "date": "Date",
    "duration": "Chat duration",
    "minutes": "min",
    "summary": "Summary",
    "questions_per_theme_region": "Questions per theme and region",
    "southern_share": "Southern share",
    "among": "Among",
    "south": "Southern",
    "north": "Northern",
    "unknown": "unknown",
    "share": "share",
    "total": "total",
    "participants": "participants in the chat",
    "asked": "questions asked",
    "top10_seen": "seen in the moderator's top 10",
    "answered": "questions answered",
    "target": "target share on the board",
    "not_recorded": "not recorded (no moderator board was shown)",
    "languages": "Languages of the questions",
    "duplicates": "Duplicates merged",
    "entries": "Questions on the board (after merging duplicates)",
    "questions": "Questions asked",
    "theme": "Theme",
    "region": "Region",
    "all": "all",
    "time": "Time",
    "language": "Language",
    "where": "Region and country",
    "organisation": "Organisation",
    "votes": "Votes",
    "state": "State",
    "asker": "Asked by",
    "question": "Question",
    "notes": "Notes",
    "speaker": "Speaker",
    "kind": "Kind",
    "message": "Message",
    "merged_with": "Merged duplicates",
    "retagged": "Retagged by the moderator",
    "model_said": "model",
    "confidence": "confidence",
    "unsure": "unsure",
    "theme_unknown": "theme unknown",
    "no_questions": "No questions on this theme.",
    "method": "Method",
    "chat": "Public chat (for the record)",
    "chart_theme_region": "Questions by theme and region",
    "chart_share": "Southern share: asked, seen and answered",
    "reply_to": "reply to",
    "policy": "Policy discussion",
    "civic": "Civic power",
    "system": "System change",
    "other": "Other questions",
    "state_queued": "not answered",
    "state_answered": "answered",
    "state_dismissed": "dismissed",
    "state_merged": "merged",
    "state_held": "held",
    "kind_question": "question",
    "kind_logistics": "logistics",
    "kind_chatter": "chat",
    "org_civil society": "civil society",
    "org_government": "government",
    "org_multilateral": "multilateral",
    "org_research": "research",
    "org_private sector": "private sector",
    "org_unknown": "organisation unknown",
    "country_unknown": "country unknown",
    "method_themes": (
        "Themes were assigned automatically by {classifiers} (Baraza {version}) and are a "
        "suggestion the moderator could change. The median confidence (the score of the chosen "
        "theme) was {median}; {low} questions scored below {threshold} (marked unsure) and are "
        "worth a second look. {retagged} questions were retagged by the moderator; the table "
        "shows both."
    ),
    "method_theme_definitions": (
        "Policy discussion: the ministry's policy, funding frameworks, budgets and grant rules. "
        "Civic power: civic space, activists, repression, advocacy. System change: how the aid "
        "system works (North-South power, localisation, intermediaries, risk sharing). Other "
        "questions: real questions on none of these three (a speaker's career, a research "
        "method, a question about farming, health or elections elsewhere); greetings, thanks "
        "and logistics are not themed questions."
    ),
    "method_unknown": (
        "{unknown} questions were written in a script the classifier in use does not know; "
        "their theme is unknown and they are listed under Other questions."
    ),
    "method_balance": (
        "The moderator's queue ranked questions by votes and recency (half-life {half_life} "
        "minutes, at most {cap} questions per person near the top) and was balanced so that "
        "every top-k of the list held at least {share_pct} % Southern questions while any were "
        "queued (mode: {mode}). A question counts as Southern when its asker speaks from a "
        "country on the OECD DAC list; a merged entry counts as Southern if any of its askers "
        "does. Unknown is never counted as Southern."
    ),
    "method_excluded": (
        "Left out: {private} private messages (never exported), {deleted} deleted messages, "
        "and {spam} messages held as spam or advertising (links, @everyone, flooding) that no "
        "moderator approved. {reactions} reactions are counted as votes, not listed."
    ),
    "method_names_pseudonyms": (
        "Participants are shown as stable pseudonyms with their country and kind of "
        "organisation; names, organisations, emails and phone numbers typed in the chat are "
        "removed."
    ),
    "method_names_consenting": (
        "Names and organisations are shown only for participants who agreed to be named; "
        "everyone else is a stable pseudonym. Emails and phone numbers are never shown."
    ),
    "method_time": "Times are in {zone}.",
    "no_classifier": "the theme classifier",
}

_NL: dict[str, str] = {
    "title": "Thematisch verslag",
    "generated": "Gemaakt",
    "date": "Datum",
    "duration": "Duur van de chat",
    "minutes": "min",
    "summary": "Samenvatting",
    "questions_per_theme_region": "Vragen per thema en regio",
    "southern_share": "Aandeel uit het Zuiden",
    "among": "Onder",
    "south": "Zuid",
    "north": "Noord",
    "unknown": "onbekend",
    "share": "aandeel",
    "total": "totaal",
    "participants": "deelnemers aan de chat",
    "asked": "gestelde vragen",
    "top10_seen": "gezien in de top 10 van de moderator",
    "answered": "beantwoorde vragen",
    "target": "streefaandeel op het bord",
    "not_recorded": "niet vastgelegd (er werd geen moderatorbord getoond)",
    "languages": "Talen van de vragen",
    "duplicates": "Samengevoegde dubbele vragen",
    "entries": "Vragen op het bord (na samenvoegen)",
    "questions": "Gestelde vragen",
    "theme": "Thema",
    "region": "Regio",
    "all": "alle",
    "time": "Tijd",
    "language": "Taal",
    "where": "Regio en land",
    "organisation": "Organisatie",
    "votes": "Stemmen",
    "state": "Status",
    "asker": "Gesteld door",
    "question": "Vraag",
    "notes": "Opmerkingen",
    "speaker": "Spreker",
    "kind": "Soort",
    "message": "Bericht",
    "merged_with": "Samengevoegde dubbele vragen",
    "retagged": "Thema aangepast door de moderator",
    "model_said": "model",
    "confidence": "zekerheid",
    "unsure": "onzeker",
    "theme_unknown": "thema onbekend",
    "no_questions": "Geen vragen over dit thema.",
    "method": "Werkwijze",
    "chat": "Openbare chat (voor het verslag)",
    "chart_theme_region": "Vragen per thema en regio",
    "chart_share": "Aandeel Zuid: gesteld, gezien en beantwoord",
    "reply_to": "reactie op",
    "policy": "Beleidsdiscussie",
    "civic": "Maatschappelijke slagkracht",
    "system": "Systeemverandering",
    "other": "Overige vragen",
    "state_queued": "niet beantwoord",
    "state_answered": "beantwoord",
    "state_dismissed": "afgewezen",
    "state_merged": "samengevoegd",
    "state_held": "vastgehouden",
    "kind_question": "vraag",
    "kind_logistics": "praktisch",
    "kind_chatter": "chat",
    "org_civil society": "maatschappelijke organisatie",
    "org_government": "overheid",
    "org_multilateral": "multilateraal",
    "org_research": "onderzoek",
    "org_private sector": "bedrijfsleven",
    "org_unknown": "organisatie onbekend",
    "country_unknown": "land onbekend",
    "method_themes": (
        "De thema's zijn automatisch toegekend door {classifiers} (Baraza {version}) en zijn een "
        "voorstel dat de moderator kon aanpassen. De mediane zekerheid (de score van het "
        "gekozen thema) was {median}; {low} vragen scoorden lager dan {threshold} (gemarkeerd "
        "als onzeker) en verdienen een tweede blik. {retagged} vragen kregen van de moderator "
        "een ander thema; de tabel toont beide."
    ),
    "method_theme_definitions": (
        "Beleidsdiscussie: het beleid van het ministerie, financieringskaders, begrotingen en "
        "subsidieregels. Maatschappelijke slagkracht: maatschappelijke ruimte, activisten, repressie, "
        "pleitbezorging. Systeemverandering: hoe het hulpsysteem werkt (machtsverhoudingen "
        "Noord-Zuid, lokalisering, tussenpersonen, risicodeling). Overige vragen: echte vragen "
        "over geen van deze drie (de loopbaan van een spreker, een onderzoeksmethode, een vraag "
        "over landbouw, gezondheid of verkiezingen elders); groeten, bedankjes en praktische "
        "zaken zijn geen thematische vragen."
    ),
    "method_unknown": (
        "{unknown} vragen waren geschreven in een schrift dat de gebruikte classificatie niet "
        "kent; hun thema is onbekend en ze staan bij Overige vragen."
    ),
    "method_balance": (
        "De wachtrij van de moderator rangschikte vragen op stemmen en actualiteit "
        "(halfwaardetijd {half_life} minuten, hoogstens {cap} vragen per persoon bovenaan) en "
        "was zo in balans gebracht dat elke top-k van de lijst minstens {share_pct} % vragen "
        "uit het Zuiden bevatte zolang die er waren (modus: {mode}). Een vraag telt als Zuid "
        "wanneer de vraagsteller spreekt vanuit een land op de DAC-lijst van de OESO; een "
        "samengevoegde vraag telt als Zuid als een van de vraagstellers dat doet. Onbekend telt "
        "nooit als Zuid."
    ),
    "method_excluded": (
        "Weggelaten: {private} privéberichten (nooit geëxporteerd), {deleted} verwijderde "
        "berichten en {spam} berichten die als spam of reclame werden vastgehouden (links, "
        "@everyone, te veel berichten) en die geen moderator goedkeurde. {reactions} reacties "
        "tellen als stemmen en worden niet apart getoond."
    ),
    "method_names_pseudonyms": (
        "Deelnemers staan er als vaste pseudoniemen in, met hun land en soort organisatie; "
        "namen, organisaties, e-mailadressen en telefoonnummers in de chat zijn verwijderd."
    ),
    "method_names_consenting": (
        "Namen en organisaties staan er alleen bij deelnemers die daarmee instemden; alle "
        "anderen zijn vaste pseudoniemen. E-mailadressen en telefoonnummers staan er nooit in."
    ),
    "method_time": "Tijden zijn in {zone}.",
    "no_classifier": "de themaclassificatie",
}

_TABLES: dict[str, dict[str, str]] = {"en": _EN, "nl": _NL}


def labels(lang: str) -> Mapping[str, str]:
    """The label table for ``lang`` (``en`` or ``nl``); ValueError for any other."""
    if lang not in _TABLES:
        raise ValueError(f"report language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return _TABLES[lang]
