"""Noun phrases without a parser: what names a thing in a run of tokens, and what kind of thing
it is from its head word. No part-of-speech model can be had offline, so a noun phrase is a run
of content words (not a function word, verb or number of the closed lists below), with "of"
inside a few heads ("loss of appetite"); its head is its last word.

>>> kind_of_head("complete blood count"), kind_of_head("CD20-positive B cells"), kind_of_head("infusion reactions")
('procedure', 'target', 'condition')
>>> clean_phrase("certain types of heart failure in the last 6 months")
'heart failure'
>>> clean_phrase("a severe increase in disability")
'increase in disability'
"""

from __future__ import annotations

import re

__all__ = [
    "NUMBER_WORDS",
    "BODY_PARTS",
    "FINDING_WORDS",
    "PRODUCT_FORMS",
    "adjective",
    "FUNCTION_WORDS",
    "VERB_OPENERS",
    "QUALIFYING_WORDS",
    "SITE_WORDS",
    "clean_phrase",
    "tested_for",
    "is_content",
    "kind_of_head",
    "severity_words",
    "symptom_name",
]

#: closed-class words (and the commonest verbs of the domain): never inside a name
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "there", "their", "them", "they", "it", "its", "he", "she", "his", "her", "him", "we", "our", "us", "you", "your", "i", "me", "my", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "because", "while", "whereas", "although", "though", "unless", "until", "since", "when", "where", "who", "whom", "whose", "which", "what", "why", "how", "whether", "both", "either", "neither", "each", "every", "any", "some", "no", "not", "none", "all", "most", "more", "less", "much", "many", "few", "several", "such", "own", "same", "other", "another", "also", "only", "just", "even", "very", "too", "quite", "rather", "about", "above", "after", "against", "along", "among", "around", "at", "before", "behind", "below", "beneath", "beside", "between", "beyond", "by", "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "through", "throughout", "to", "toward", "towards", "under", "upon", "with", "within", "without", "via", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "done", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought", "get", "gets", "got", "take", "takes", "taking", "took", "taken", "give", "gives", "given", "giving", "gave", "use", "used", "uses", "using", "make", "makes", "made", "cause", "causes", "caused", "causing", "include", "includes", "included", "including", "increase", "increases", "increased", "reduce", "reduces", "reduced", "lower", "lowers", "lowered", "help", "helps", "keep", "keeps", "kept", "tell", "call", "report", "see", "seen", "show", "shown", "find", "found", "occur", "occurs", "occurred", "happen", "happens", "happened", "develop", "develops", "developed", "need", "needs", "needed", "start", "starts", "started", "stop", "stops", "stopped", "tried", "try", "treat", "treats", "treated", "treating", "approve", "approves", "approved", "receive", "receives", "received", "known", "called", "said", "says", "recommended", "required", "usually", "often", "generally", "especially", "sometimes", "rarely", "commonly", "typically", "mostly", "mainly", "also", "still", "already", "almost", "nearly", "about", "approximately", "least", "first", "second", "third", "once", "twice", "daily", "weekly", "monthly", "yearly", "every", "talk", "ask", "feel", "feels", "seem", "seems", "appear", "appears"]
)
#: words that open a sentence's own verb phrase after an aside's closing comma ("Baclofen, which is
#: used to treat spasticity, often causes drowsiness"; "…, and can cause nausea")
VERB_OPENERS = frozenset({"often", "can", "may", "might", "will", "must", "should", "cause", "causes", "is", "are", "was", "were",
                          "has", "have", "commonly", "also", "sometimes", "usually", "frequently", "rarely", "tend", "tends"})  # fmt: skip
#: words that qualify an adverse effect rather than name it (they become its severity or frequency)
QUALIFYING_WORDS = frozenset(
    ["serious", "severe", "mild", "moderate", "moderately", "severely", "life-threatening", "fatal", "rare", "rarely", "common", "commonly", "uncommon", "frequent", "possible", "potential", "certain", "new", "other", "some", "any", "significant", "important", "unexplained", "sudden", "persistent", "prolonged", "regular", "routine", "periodic",
     "additional", "further", "older", "newer", "following", "above", "below", "high-dose", "low-dose", "standard-dose", "circulating", "induced", "current"]
)
_SEVERITY = {"mild": "Mild", "serious": "Serious", "severe": "Serious", "life-threatening": "LifeThreatening",
             "fatal": "LifeThreatening", "deadly": "LifeThreatening"}  # fmt: skip
_LEADING_NOISE = re.compile(
    r"^(?:(?:a|an|the|any|some|certain|other|new|your|their|its|signs? of|symptoms? of|who|that|which|in|of|with|including|baseline|"
    r"(?:patients|people|those|anyone|adults|children) (?:with|who)|"
    r"(?:certain |some |other )?(?:types?|kinds?|forms?) of|history of|a history of|episodes? of|risk of|current|"
    r"have|has|had|have had|are|is|were|was|be|being|get|got|develop|developed|take|taking|at least|one|two|three|"
    r"(?:local|systemic)(?=\s+(?:injection|infusion)[- ]))\s+)+",  # a "local injection-site reaction" is one
    re.I,
)
_TRAILING_NOISE = re.compile(
    r"\s+(?:in the (?:last|past) .*|within .*|especially .*|unless .*|such as .*|including .*|(?:is|are) contraindicated.*|"
    r"that(?: .*)?|which(?: .*)?|who(?: .*)?|when .*|where .*|after .*|before .*|during .*|while .*|on your .*|in your .*)$",
    re.I,
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
#: numbers written as words ("two", "twelve")
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
         "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}  # fmt: skip
#: a stretch of time names no thing ("in the previous six months", "the first year")
_TIME_SPAN = re.compile(
    r"^(?:(?:in|within|during|over|for|after)\s+)?(?:the\s+)?(?:(?:previous|past|last|first|next|prior|following)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)?\s*(?:hours?|days?|weeks?|months?|years?)"
    r"(?:\s+(?:before|after|ago|earlier))?$",
    re.I,
)

#: head words (or suffixes) and the kind of thing a phrase ending in them names, checked in order
_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("therapy", re.compile(r"(?:exchanges?|plasmapheresis|apheresis|transplants?|transplantations?)$", re.I)),
    ("procedure", re.compile(
        r"(?:tests?|testing|scans?|exams?|examinations?|screenings?|counts?|panels?|electrocardiograms?|"
        r"echocardiograms?|ecg|ekg|mri|x-rays?|biopsy|biopsies|checks?|checkups?|measurements?|assessments?|"
        r"monitoring|observation|ultrasound|imaging)$", re.I)),
    ("target", re.compile(
        r"(?:cells?|\w*cytes?|receptors?|integrins?|antigens?|proteins?|molecules?|enzymes?|cd\d+[a-z]?|"
        r"pathway|dehydrogenase|kinase|channels?)$", re.I)),
    ("drug_class", re.compile(
        r"(?:antibody|antibodies|modulators?|inhibitors?|antagonists?|agonists?|blockers?|antimetabolites?|"
        r"immunosuppressants?|immunomodulators?|interferons?|corticosteroids?|steroids?|antihistamines?|"
        r"antivirals?|chemotherapy|analogs?|analogues?|prodrugs?|agents?|stimulants?|anticonvulsants?|antiepileptics?|"
        r"antidepressants?|analgesics?|antispasmodics?|relaxants?|anthracenediones?|antineoplastics?|opioids?|"
        r"cannabinoids?|gabapentinoids?|benzodiazepines?|statins?|antibiotics?|antimuscarinics?|anticholinergics?|"
        r"diuretics?|sedatives?|antipsychotics?|laxatives?|biosimilars?|biologics?)$", re.I)),
    ("company", re.compile(
        r"(?:inc|incorporated|corp|corporation|pharmaceuticals?|pharma|therapeutics|biotech|biosciences|"
        r"laboratories|labs|ltd|llc|gmbh|ag|plc|company|group)$", re.I)),
    ("agency", re.compile(r"(?:agency|administration|authority|commission|ministry)$", re.I)),
    ("setting", re.compile(r"(?:centers?|centres?|clinics?|hospitals?|offices?|facilities|facility|suites?)$", re.I)),
    ("condition", re.compile(
        r"(?:reactions?|infections?|diseases?|disorders?|syndromes?|injury|injuries|damage|failure|problems?|"
        r"defects?|events?|cancers?|tumou?rs?|pain|bleeding|swelling|inflammation|edema|oedema|rash|toxicity|"
        r"impairment|insufficiency|dysfunction|weakness|loss|changes?|thinning|symptoms?|complex(?:es)?|thoughts?|"
        r"rejection|reactivation|malformations?|abnormalit(?:y|ies)|"
        r"(?!(?:mechanisms?|organisms?|metabolism|diagnos[ie]s|prognos[ie]s)$)"  # words of those endings that name no condition
        r"\w+(?:itis|emia|aemia|penia|osis|oma|omas|pathy|algia|rrhea|rrhoea|plasia|cytosis|uria|ism|toxicity|genicity))$", re.I)),
)
_OF_HEADS = frozenset(["loss", "shortness", "swelling", "inflammation", "history", "allergy", "yellowing", "sensitivity", "return", "worsening"])


_ADJECTIVE_ENDINGS = re.compile(r"(?:ous|ive|al|ic|ful|less|able|ible|ar|ary|ent|ant)$")
_ADJECTIVES = frozenset({"fast", "slow", "mild", "moderate", "severe", "high", "low", "upper", "lower", "new", "acute",
                         "small", "large", "red", "dark", "dry", "rapid", "weak", "early", "late", "active"})  # fmt: skip


def adjective(word: str) -> bool:
    """Whether a word is (most likely) an adjective; no tagger is at hand offline."""
    return word in _ADJECTIVES or bool(_ADJECTIVE_ENDINGS.search(word))


def is_content(word: str) -> bool:
    """Whether a token can be part of a name (a word that is not a function word)."""
    return bool(re.match(r"^[\w][\w'\u2019-]*$", word)) and word.lower() not in FUNCTION_WORDS


#: the words that place a sign where a drug was injected ("pain at the injection site", "redness where you injected")
SITE_WORDS = (r"(?:where (?:you|the (?:injection|needle)) (?:injected|was given|went in)|at the (?:injection|infusion) site|"
              r"at the site of (?:the |an )?injection|where (?:you|they) inject)")
#: the parts of the body a sign is often of ("swelling of the face, lips or tongue")
BODY_PARTS = frozenset({"face", "lip", "lips", "tongue", "throat", "mouth", "eye", "eyes", "eyelids", "hands", "feet", "legs",
                        "arms", "ankles", "skin", "neck", "chest", "back", "belly", "stomach", "gums", "nose"})  # fmt: skip

#: words that make a measure a finding ("low lymphocyte counts", "elevated liver enzymes")
FINDING_WORDS = frozenset({"elevated", "high", "low", "raised", "increased", "decreased", "abnormal", "reduced"})
_FINDING = re.compile(rf"^(?:{'|'.join(sorted(FINDING_WORDS))})\s", re.I)


#: the forms a product is, as a form of its ingredient ("Acthar Gel, a corticotropin injection")
PRODUCT_FORMS = frozenset({"injection", "injections", "gel", "tablet", "tablets", "capsule", "capsules", "spray", "infusion",
                           "solution", "cream", "formulation", "preparation", "pen", "patch"})  # fmt: skip
#: what a finding word may qualify that is no measure of the body
_NOT_MEASURES = frozenset({"dose", "doses", "dosage", "dosages", "affinity", "efficacy", "cost", "costs", "price", "prices", "quality",
                           "priority", "risk", "chance", "number", "numbers"})  # fmt: skip


def kind_of_head(phrase: str) -> str | None:
    """The kind of thing a noun phrase names, from its last word (None: not one of mskg's kinds);
    "elevated liver enzymes", "low lymphocyte counts" are findings (conditions)."""
    words = phrase.replace("(", " ").replace(")", " ").split()
    if not words:
        return None
    if _FINDING.match(phrase) and len(words) > 1 and words[-1].lower() not in _NOT_MEASURES:
        return "condition"  # "low lymphocyte count"; not "a low dose", "high affinity"
    if re.search(r"antibod(?:y|ies)$", phrase, re.I) and not re.search(
        r"monoclonal|cytolytic|-directed|humani[sz]ed|\banti-cd\d", phrase, re.I
    ):  # anti-CD20 antibodies are drugs; anti-JCV and neutralising antibodies are findings
        return "condition" if re.match(r"^(?:anti-|persistent|neutrali[sz]ing)", phrase, re.I) else None
    head = words[-1]
    if head.lower().startswith("complex") and (len(words) < 2 or not words[-2].lower().startswith("symptom")):
        return None  # "a flu-like symptom complex" is a condition; "complex" alone is no head
    for kind, pattern in _HEADS:
        if pattern.fullmatch(head) or (kind == "target" and re.fullmatch(r"cd\d+[a-z]?", head, re.I)):
            return kind
    return None


def severity_words(phrase: str) -> list[str]:
    """The severity terms (``Serious``, ...) of the qualifying words in a phrase."""
    return [_SEVERITY[w] for w in re.findall(r"[\w-]+", phrase.lower()) if w in _SEVERITY]


#: how a patient says a symptom, and its name ("feel dizzy": dizziness)
_SYMPTOM_NOUNS = {"dizzy": "dizziness", "tired": "tiredness", "weak": "weakness", "sleepy": "sleepiness",
                  "nauseous": "nausea", "nauseated": "nausea", "itchy": "itching", "confused": "confusion",
                  "drowsy": "drowsiness", "faint": "fainting", "lightheaded": "lightheadedness",
                  "light-headed": "lightheadedness", "feverish": "fever", "anxious": "anxiety",
                  "depressed": "depression", "short of breath": "shortness of breath"}  # fmt: skip
_FEEL = re.compile(r"^(?:feel|feeling|feels|are|be|become|get|getting)\s+", re.I)


def symptom_name(phrase: str) -> str:
    """The name of a symptom a patient is told to watch for: "feel dizzy" is dizziness, "feel
    your heart beating slowly" a heart beating slowly."""
    text = clean_phrase(phrase)
    bare = _FEEL.sub("", text).strip()
    # "feel dizzy" is dizziness; "feeling sad" stays a feeling, a longer phrase loses the verb
    return _SYMPTOM_NOUNS.get(bare.lower(), bare if bare != text and len(bare.split()) > 1 else text)


def clean_phrase(phrase: str) -> str:
    """The name inside a phrase that names a thing: parentheses, leading articles, verbs and
    "types of", trailing clauses and the qualifying adjectives (severity, frequency) dropped."""
    text = _PARENTHESES.sub("", phrase).strip(" .,;:")
    text = _TRAILING_NOISE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_NOISE.sub("", text).strip()
        words = text.split()
        while len(words) > 1 and words[0].lower().strip(",") in QUALIFYING_WORDS:
            words = words[1:]
        text = " ".join(words).strip(" ,;:")
    return "" if text.lower() in QUALIFYING_WORDS or _TIME_SPAN.match(text) else text


def tested_for(text: str, label: str | None) -> str:
    """What a test for a thing is named after: a well-known abbreviation as written ("screening
    for HIV" is HIV screening), else the thing's name."""
    return text if text.isupper() and len(text) <= 6 else label or text


def of_head(word: str) -> bool:
    """Whether "of" may follow this word inside a name ("loss of appetite")."""
    return word.lower() in _OF_HEADS
