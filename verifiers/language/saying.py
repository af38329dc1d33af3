"""Verbs of saying: the words that tie quoted or reported words to whoever said them.

Each list is a regular-expression alternation, to be used case-insensitively inside
`(?:…)`, and is defined once, saying what it is for: the patterns that use them want
different verbs (a verb that names a speaker after a quotation is not always one that
introduces a reported claim).
"""

from __future__ import annotations

__all__ = [
    "CLAIM_VERBS",
    "QUOTATION_CUES",
    "SPEAKER_VERBS",
    "SPEECH_VERBS",
    "TOLD_TO",
    "VERBS_AFTER_A_CLAIM",
    "VERBS_AFTER_A_QUOTATION",
]

# Whatever ties a quotation to a source in an article: "said X", "X argued", "X wrote".
SPEECH_VERBS = (
    # English, past and present, with the participles that introduce a quotation
    "said|says|say|saying|told|tells|tell|added|adds|adding|argued|argues|argue|arguing|"
    "claimed|claims|claim|claiming|warned|warns|warn|warning|noted|notes|note|noting|"
    "explained|explains|insisted|insists|insisting|stated|states|state|declared|declares|"
    "asked|asks|replied|replies|answered|responded|countered|retorted|objected|recalled|"
    "recalls|acknowledged|acknowledges|admitted|admits|conceded|concedes|suggested|suggests|"
    "suggest|predicted|testified|tweeted|posted|announced|promised|continued|observed|"
    "observes|concluded|concludes|conclude|concluding|remarked|maintained|maintains|"
    "contended|contends|asserted|asserts|emphasi[sz]ed|stressed|pointed out|put it|called|"
    "calls|described|describes|wrote|writes|write|writing|found|finds|find|reported|reports|"
    "report|published|estimated|estimates|estimate|believes|believed|alleged|alleges|urged|"
    "urges|wondered|recounted|explained|showed|shows|show|cautioned|quipped|dismissed|"
    "rejected|derided|mocked|praised|hailed|critici[sz]ed|condemned|shares|shared|"
    "reveals|revealed|recalls|admits|confided|confides|"
    # German and French
    "sagte|sagt|erklärte|betonte|nannte|schrieb|warnte|"
    "a déclaré|a dit|déclare|a affirmé|a expliqué|a écrit|a souligné|estime|a répondu"
)
# What introduces a reported claim: "she said that …", "the report found …".
CLAIM_VERBS = (
    "said|says|claimed|claims|argued|argues|insisted|insists|warned|warns|stated|states|"
    "wrote|writes|believes|believed|suggested|suggests|maintained|contended|asserted|alleged|"
    "alleges|reported|reports|found|concluded|noted|acknowledged|admitted|explained|added|"
    "estimated|predicted|promised|told [^,.;]{1,60}?"
)
# A claim given first and its source after ("…, said Superintendent Robert Runcie"), and a
# second claim of the same source ("and also said that …").
VERBS_AFTER_A_CLAIM = "said|says|added|noted|warned|insisted|argued"
# Right after a closing quotation mark: "“We will see,” said Mayor Reed".
VERBS_AFTER_A_QUOTATION = "said|says|asked|replied|added|told|wrote"
# Right before a quotation: what tells quoted words from a title or a scare quote.
QUOTATION_CUES = (
    "said|says|say|called|calls|call|described|describes|termed|dubbed|told|wrote|writes|"
    "warned|added|insisted|declared|promised|vowed|branded|labelled|labeled"
)
# Who speaks in a *source* page, around the quoted words (English, German, French, Spanish).
SPEAKER_VERBS = (
    r"said|says|told|added|wrote|writes|explained|argued|warned|insisted|declared|stated|"
    r"asked|replied|recalled|noted|according to|sagte|erklärte|betonte|a déclaré|a dit|dijo"
)
# Spoken or written to someone, who is then the outlet: "said to Le Monde", "shares with".
TOLD_TO = (
    "said|says|spoke|speaks|speaking|talked|talks|talking|shares|shared|explained|explains|"
    "confided|wrote|writes"
)
