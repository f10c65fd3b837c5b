"""Stage 3, attribution: decide who speaks each quote, from the words around it.

For each quote, in order:
1. A quote that carries on from the paragraph before keeps that quote's speaker.
2. A reporting phrase just before the quote (`X نے کہا کہ`, `X نے … بتایا`, `X کے مطابق`,
   `X کے بقول`, `X کا کہنا تھا کہ`, `بیان میں کہا گیا`) or just after it (`، X نے کہا`,
   `یہ بات X نے کہی`, `یہ کہنا ہے X کا`, `یہ الفاظ تھے X کے`, a short report such as `وہ
   مسکراتے ہوئے کہتے ہیں۔`) names the speaker X. Relative clauses between commas (`X، جو …،
   نے کہا`) are set aside first. A speaker introduced as `ایک …` / `کسی …` is unnamed.
3. A quote with no such phrase continues the previous quote's speaker, or takes the person
   the sentence before it is about.
X is resolved to a canonical name (`names.py`): a pronoun (`انہوں`, `ان`, `وہ`) stands for
the most recent subject, where each sentence's subjects are its agents (before `نے` or a
reporting phrase, in the clause before any `کہ`), or else the one person it names; a role
(`ترجمان`, `پراسیکیوٹر`, `ایس ایس پی`) for the person last given that role; a generic word
(`بورڈ`, `کمپنی`, `بیان`) for an organisation named earlier; names are bounded by the
common-word lexicon, and a shortened name takes the full form. A vocative at the start of
the quote (`مسٹر X!`) names the addressee, who is therefore not the speaker. Otherwise the
speaker is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bulletin.model import Script, Segment, SegmentKind
from bulletin.names import (
    ABBREVIATION_RE,
    BRACKETED_RE,
    ORGANISATIONS,
    QUOTE_MARKS,
    UNITED_NATIONS,
    NameIndex,
    Phrase,
    RoleIndex,
    agreement,
    bracketed_abbreviations,
    common_flags,
    gender,
    has_title,
    is_acronym,
    is_place,
    is_plausible_name,
    is_role_word,
    name_gender,
    noun_phrase_before,
    noun_phrase_span,
    noun_phrases,
    organisation_parts,
    spells_acronym,
    strip_titles,
)
from bulletin.urdu import (
    HABITUAL_REPORT,
    PRONOUNS,
    in_section,
    is_common,
    is_given_name,
    is_phrase_word,
    word_set,
    word_texts,
    words,
)

_REPORTING_VERBS = (
    r"(?:کہا|کہی|بتایا|بتائی|لکھا|ٹویٹ|ٹوئٹ|پوچھا|اعلان|جواب\s+دیا|دعویٰ|کہنا|ریمارکس|"
    r"استفسار|سوال|زور|مطالبہ|اعتراف|تسلیم|وضاحت|تصدیق|تردید|انکشاف|یقین|خبردار|اظہار|امید|"
    r"ہدایت|اپیل|تاکید|تنبیہ|الزام|شکوہ|شکایت|اعتراض|انتباہ|نشاندہی|تبصرہ|درخواست|عزم)"
)
_HEADLINE_OVERLAP = 0.5
_MAX_WORDS_TO_VERB = 20  # X نے [a forecast of 14 words] کرتے ہوئے خبردار کیا
_SUBJECT_WINDOW = 7  # words at the start of a sentence where its subject stands
# Words that refer back to an organisation named earlier, and the head words that organisation
# must have (none: any organisation). Documents speak for whoever issued them.
_ORGANISATION_ALIASES: dict[str, tuple[str, ...]] = {
    "عدالت": ("کورٹ", "عدالت", "ہائیکورٹ"),
    "بینک": ("بینک",),
    "کمیشن": ("کمیشن",),
    "وزارت": ("وزارت",),
    "تنظیم": (),
    "ادارے": (),
    "ادارہ": (),
    "بیان": (),
    "اعلامیے": (),
    "اعلامیہ": (),
    "ریلیز": (),
}
_ALIAS_FILLERS = frozenset({"جاری", "کردہ", "پریس", "مشترکہ", "تحریری", "اس", "مذکورہ"})

# Reporting phrases before a quote: the speaker is the noun phrase before the marker. The
# نے pattern needs a reporting verb after it, with any words in between.
# Documents that speak for whoever issued them (`X کی جانب سے جاری اعلامیے کے مطابق`).
_DOCUMENTS = word_set(
    "بیان اعلامیے اعلامیہ رپورٹ ریلیز اعلان خط مراسلے ایڈوائزری نوٹیفکیشن نوٹس سرکلر نوٹ"
)
_DOCUMENT = "(?:" + "|".join(sorted(_DOCUMENTS)) + ")"
_CUES_BEFORE = (
    re.compile(
        rf"(?<!\S)(?P<marker>نے)(?:\s+(?!نے\s)[^\s،۔:؛,]+){{0,{_MAX_WORDS_TO_VERB}}}?\s+"
        rf"{_REPORTING_VERBS}"
    ),
    re.compile(r"(?P<marker>کے\s+(?:مطابق|بقول))"),
    re.compile(
        r"(?P<marker>کا\s+(?:مزید\s+|یہ\s+بھی\s+|بھی\s+)?(?:کہنا|ماننا|موقف|مؤقف)\s+(?:تھا|ہے))"
    ),
    # X کے جاری کردہ بیان میں کہا گیا / X کی جانب سے جاری اعلامیے میں کہا گیا
    re.compile(
        r"(?P<marker>(?:کے|کی)\s+(?:جاری\s+کردہ|جانب\s+سے(?:\s+جاری)?(?:\s+(?:کردہ|کیے\s+گئے|کی\s+گئی))?)"
        rf"\s+(?:\S+\s+){{0,2}}?{_DOCUMENT}\s+میں\s+(?:\S+\s+){{0,3}}?کہا\s+گیا)"
    ),
    re.compile(
        r"(?P<marker>(?:[^\s،۔:؛,]+\s+(?:کر|ہوئے)\s+)?"  # X ہنس کر / مسکراتے ہوئے کہتی ہیں
        + HABITUAL_REPORT
        + ")"
    ),
    # کپتان مسکرائے اور بولے: (the intransitive `بولنا` takes no نے)
    re.compile(
        r"(?P<marker>(?:[^\s،۔:؛,]+\s+اور\s+)?(?:[^\s،۔:؛,]+\s+(?:کر|ہوئے)\s+)?"
        r"(?:بولے|بولیں|بولا|بولی))(?=\s*[:،,]|\s+کہ\s)"
    ),
    re.compile(  # X نے … آواز دی، ’…‘ (a call, often to someone named as its object)
        r"(?<!\S)(?P<marker>نے)(?:\s+(?!نے\s)[^\s،۔:؛,]+){0,8}?\s+(?:آواز\s+(?:دی|لگائی)|پکارا)"
        r"(?=\s*[:،,])"
    ),
)
# Reporting phrases after a quote, at the start of the text that follows it.
_LEAD = r"^[\s۔،,:؛\-–—]*"
_END = r"(?=[\s۔،,!؟]|$)"
# The speaker is the first noun phrase naming someone before a کا / کے of the clause
# (`یہ الفاظ تھے فیسٹیول میں … سنیما کے پروگرامر X کے، جنہوں نے …`).
_CUES_AFTER_FORWARD = (
    (re.compile(_LEAD + r"یہ\s+کہنا\s+(?:ہے|تھا)\s+(?P<np>[^۔؟!،]{1,120})"), "کا"),
    (re.compile(_LEAD + r"یہ\s+الفاظ\s+(?:تھے|ہیں)\s+(?P<np>[^۔؟!،]{1,120})"), "کے"),
)
_CUE_AFTER_NE = re.compile(
    _LEAD
    + rf"(?P<this>یہ\s+بات\s+)?(?P<np>[^۔؟!]{{1,120}}?)\s+(?P<marker>نے)(?:\s+\S+){{0,16}}?\s+"
    rf"(?:{_REPORTING_VERBS}|(?P<light>کی|کہی))(?=[\s۔،,!؟:]|$)"
)
# `بیان میں کہا گیا` with no one named before it: the organisation that issued it speaks.
_ISSUED_RE = re.compile(rf"(?:کی|کے)\s+(?:[^\s۔،:؛]+\s+){{0,2}}?(?P<doc>{_DOCUMENT})(?!\S)")
_STATEMENT_RE = re.compile(
    rf"(?<!\S)(?:پریس\s+)?(?P<doc>{_DOCUMENT})\s+میں\s+(?:[^\s۔،:]+\s+){{0,3}}?کہا\s+گیا"
)
_SHORT_REPORT_RE = re.compile(
    _LEAD
    + r"(?P<body>[^۔؟!،:]{1,120}?)\s+(?:سوال\s+اٹھایا|کہا|کہی|بتایا|بتائی|لکھا|پوچھا|کہنا|کہتے|"
    r"کہتی|کہتا|بتاتے|بتاتی|لکھتے|لکھتی|پوچھتے|پوچھتی|پوچھتا)(?:\s+(?:ہے|ہیں|تھا|تھی|تھے|تھیں|گیا|گئی))*"
    r"\s*(?:[۔!]|$|(?=،\s*(?:اور|مگر|لیکن|جبکہ)(?!\S)))"
)
_SHORT_REPORT_WORDS = 16
# `نام نہ بتانے کی شرط پر`, `نام ظاہر نہ کرنے کی درخواست پر`: a source who stays unnamed
_ANONYMOUS_RE = re.compile(r"نام\s+(?:نہ\s+\S+|ظاہر\s+نہ)\s+\S+\s+(?:کی\s+)?(?:شرط|درخواست)")
_SUBJECT_RE = re.compile(r"(?<!\S)نے(?!\S)")
_VOCATIVE_RE = re.compile(
    r"^\s*(?P<title>(?:مسٹر|جناب|محترم|محترمہ|مسز|عزت\s+مآب)\s+)?"
    r"(?P<name>[^!،,:۔؟]{1,60}?)\s*(?P<mark>!|،|,)"
)
_VOCATIVE_TITLES_REQUIRED_MARKS = {"،", ","}


@dataclass(frozen=True)
class Cue:
    """A reporting phrase: the noun phrase naming the speaker and the phrase itself.
    `unnamed` marks a speaker the article does not name (`ایک نرس نے بتایا`); `proper` one
    whose name the article sets in quote marks (`اخبار ’ٹورنٹو اسٹار‘ نے`), taken as written."""

    noun_phrase: tuple[str, ...]
    phrase: str
    unnamed: bool = False
    proper: bool = False


# Words before a noun phrase that make it someone unnamed (`ایک افسر`, `کسی شہری`).
_INDEFINITES = word_set("ایک کسی کئی چند بعض متعدد کچھ کوئی")
_INDEFINITE_RE = re.compile(r"(?<!\S)(?:ایک|کسی|کئی|چند|بعض|متعدد)(?!\S)")
# Postpositions after a noun phrase: it is not the subject unless a reporting phrase follows.
_POSTPOSITIONS = word_set("سے کو میں پر تک کی کا کے")
_GENITIVE_REPORTS = word_set("کہنا مطابق بقول خیال ماننا موقف مؤقف")
_ON_BEHALF = word_set("جانب طرف")  # X کی جانب سے: X acts
_AFTER_ON_BEHALF = 3
_OF = word_set("کا کی کے")
_POSSESSIVE_PRONOUNS = word_set("ان اُن انہی")
# A word for the part of an organisation that speaks for it (`X کی انتظامیہ نے`): X speaks.
_SPOKESBODIES = word_set("انتظامیہ حکام")
_PAPERS = word_set("اخبار جریدے جریدہ رسالے رسالہ میگزین")  # generic: not in the title
_PAPER_TITLES = word_set("روزنامہ روزہ ماہنامہ")  # part of the title: روزنامہ جنگ
_OWNER_RE = re.compile(
    r"(?:کی|کے)\s+(?:(?:جانب|طرف)\s+سے\s+)?"
    r"(?:جاری\s+(?:کردہ\s+|کیے\s+گئے\s+|کیا\s+گیا\s+|کی\s+گئی\s+)?)?(?:ایک\s+)?$"
)
_ASIDE_RE = re.compile(
    r"[،,]\s*(?:جو|جن|جس|جنہوں|جنھوں|جنہیں|جنھیں)\s[^،,۔؟!:]{1,160}?(?:[،,]|(?=[۔؟!]))"
)
# `جب … تو`, also a few words in (`اس حوالے سے جب … تو`).
_OPENING_CLAUSE_RE = re.compile(r"\s*(?:[^\s۔،]+\s+){0,3}?(?:جب|اگر|جیسے\s+ہی|چونکہ)(?!\S)")
_THEN_RE = re.compile(r"(?<!\S)تو(?!\S)")
_RELATIVE_RE = re.compile(r"(?<=\S)\s+(?:جنہیں|جنھیں|جنہوں|جنھوں|جسے)(?!\S)")
_PRONOUN_RE = re.compile(r"(?<!\S)(?:وہ|انہوں|انھوں|ان(?=\s+(?:کا|کی|کے)(?!\S)))(?!\S)")
_MIN_BARE_NAME_WORDS = 2
# Nouns that introduce a place's name (گاؤں کھڈیاں، محلہ X).
_PLACE_NOUNS = word_set("گاؤں شہر علاقے علاقہ ضلع قصبے قصبہ تحصیل محلے محلہ بستی گوٹھ")
_MAX_BYLINE_WORDS = 8
_BYLINE_PARAGRAPHS = 2  # a byline stands right under the title
# A clause ending in a plural (honorific) verb: its leading وہ is a person, not "that".
_HONORIFIC_END_RE = re.compile(r"(?<!\S)(?:ہیں|تھے|تھیں)\s*[۔!؟]?\s*$")
# Says whether a lone name word is part of a longer name in the article (a person's).
Known = Callable[[tuple[str, ...]], bool] | None
_UNNAMED = ""  # a subject the article does not name, in the discourse's list of subjects


def mask_asides(text: str) -> str:
    """`text` with relative clauses set off by commas (`X، جو …، نے کہا`) blanked out with
    spaces, so the name and its verb meet again; offsets are kept."""
    return _ASIDE_RE.sub(lambda m: " " * len(m.group()), text)


@dataclass
class _Discourse:
    """What the narration so far says: names, roles, subjects, the last quote's speaker."""

    names: NameIndex
    roles: RoleIndex
    subjects: list[str]  # people who spoke or acted (subjects, quoted speakers), in order
    later_roles: RoleIndex  # roles as the whole article gives them (for a headline quote)
    organisations: dict[str, str | None] = field(default_factory=dict)  # name → generic word
    mentioned: dict[str, str | None] = field(default_factory=dict)  # named, not as speakers
    people_named: list[str] = field(default_factory=list)  # everyone named, in order
    quoted: list[str] = field(default_factory=list)  # the speakers of quotes, in order
    issuers: dict[str, str] = field(default_factory=dict)  # رپورٹ → who issued it (`X کی رپورٹ`)
    abbreviations: dict[str, str] = field(default_factory=dict)  # پی سی بی → its full name
    organisation_names: list[str] = field(default_factory=list)  # all the article names

    def learn_abbreviations(self, text: str) -> None:
        """Take in the article's abbreviations and the organisation names they may stand for."""
        self.abbreviations.update(bracketed_abbreviations(text))
        for full in self.abbreviations.values():
            self.mentioned.setdefault(full, None)
        for phrase in noun_phrases(text):
            parts = organisation_parts(phrase.words)
            if parts and len(parts[0].split()) > 1 and parts[0] not in self.organisation_names:
                self.organisation_names.append(parts[0])

    def full_form(self, organisation: str) -> str:
        """An organisation's full name where the article gives it (`پی سی بی` →
        `پاکستان کرکٹ بورڈ`), else the name as it is."""
        if organisation in self.abbreviations:
            return _direct_name(self.abbreviations[organisation])
        letters = tuple(organisation.split())
        if is_acronym(letters):
            for full in self.organisation_names:
                if spells_acronym(letters, tuple(full.split())):
                    return _direct_name(full)
        return _direct_name(organisation)

    def read(self, text: str) -> None:
        """Take in a piece of narration: its roles and, sentence by sentence, its subjects."""
        text = mask_asides(text)
        self.roles.learn(text, self.names)
        people_named = []
        for phrase in noun_phrases(text):  # organisations named in passing: `عدالت` later
            if (parts := organisation_parts(phrase.words)) and not strip_titles(phrase.words):
                self.mentioned.setdefault(parts[0], parts[1])
            elif not parts and _is_person(name := strip_titles(phrase.words), phrase.words):
                people_named.append(self.names.canonical(" ".join(name)))
        for sentence in re.split(r"(?<=[۔؟!])", text):
            self.subjects.extend(self.sentence_people(sentence))
        self.people_named.extend(people_named)
        for found in _ISSUED_RE.finditer(text):  # X (ایچ آر سی پی) کی حالیہ سالانہ رپورٹ
            owner, _ = noun_phrase_span(text, found.start())
            if issuer := organisation_parts(owner):
                self.issuers[found["doc"]] = self.full_form(issuer[0])

    def sentence_people(self, sentence: str, loose: bool = False) -> list[str]:
        """Who a sentence is about: its subjects, each resolved (`_UNNAMED` for someone
        unnamed); failing those, a person introduced with a title at its start."""
        people = []
        for phrase in sentence_subjects(sentence, loose, self.is_known):
            role_only = (
                has_title(phrase.words)
                and not strip_titles(phrase.words)
                and not organisation_parts(phrase.words)
            )
            if _is_unnamed(phrase):
                people.append(_UNNAMED)
            elif phrase.owner and role_only:
                # دفتر خارجہ کی ترجمان: that organisation's spokesperson, or someone unnamed
                people.append(self.roles.lookup(phrase.words, phrase.owner) or _UNNAMED)
            elif phrase.words[-1] in PRONOUNS and (found := self.opening_person(sentence)):
                people.append(found)  # جب X سے رابطہ کیا گیا تو انہوں نے: X
            elif phrase.words[-1] in PRONOUNS and people:
                people.append(people[-1])  # X نے …، تاہم ان کا کہنا تھا: X again
            elif (found := self.resolve(_with_united_nations(phrase), None)) is not None:
                people.append(found)
            elif role_only:
                people.append(_UNNAMED)  # وزیر ٹرانسپورٹ نے: a person the article does not name
        if not people:
            head = " ".join(sentence.split()[:_SUBJECT_WINDOW])
            people = self.roles.people_in(head, self.names)[:1]
        return people

    def opening_person(self, sentence: str) -> str | None:
        """The person named in the clause a sentence opens with, the one addressed (`X سے`)
        first: whom a pronoun in the main clause stands for."""
        named = [
            found
            for phrase in noun_phrases(opening_clause(sentence)[0])
            if (found := _up_to_name(phrase))
            and _is_person_like(found, self.is_known)
            and not (phrase.after[:1] and phrase.after[0] in _OF)  # not X کی فارم
        ]
        named.sort(key=lambda phrase: phrase.after[:1] != ("سے",))
        return next((p for n in named if (p := self.person(n.words)) is not None), None)

    def last_speaker(self) -> str | None:
        """The speaker of the latest attributed quote."""
        return self.quoted[-1] if self.quoted else None

    def only_names(self, text: str, person: str) -> bool:
        """Does `text` name no one but `person` (`حلیمہ کے شوہر کا …` for حلیمہ بانو)?"""
        for phrase in noun_phrases(mask_asides(text)):
            if organisation_parts(phrase.words) or _is_unnamed(phrase):
                return False
            name = strip_titles(phrase.words)
            if has_title(phrase.words) and not name and not phrase.owner:
                return False  # وزیر نے: someone else, but not حلیمہ کے شوہر
            named = self.names.canonical(" ".join(name)) if name else None
            if named != person and (_is_agent(phrase) or (name and _is_person(name, phrase.words))):
                return False  # لوگوں نے کہا; another person named
        return True

    def is_known(self, name: tuple[str, ...]) -> bool:
        """Is a lone name word part of a longer name in the article (a person's)?"""
        return len(self.names.canonical(" ".join(name)).split()) > len(name)

    def person(self, noun_phrase: tuple[str, ...]) -> str | None:
        """The canonical name a (non-pronoun) noun phrase refers to."""
        if (found := self.abbreviations.get(" ".join(noun_phrase))) is not None:
            full = _direct_name(found)  # ارسا نے: the authority it stands for
            self.organisations.setdefault(full, None)
            return full
        if alias := self._organisation_alias(noun_phrase):
            return alias
        if is_acronym(noun_phrase) and (found := self.roles.lookup(noun_phrase)):
            return found  # ایس ایس پی: the officer given that rank
        name = strip_titles(noun_phrase)
        if not name and has_title(noun_phrase) and (found := self.roles.lookup(noun_phrase)):
            return found  # پولیس افسر، ڈی جی فوڈ اتھارٹی: the officer named before
        if paper := _publication(noun_phrase):
            self.organisations.setdefault(paper, None)
            return paper
        parts = organisation_parts(noun_phrase)
        if not parts and not name and _is_named_service(noun_phrase):
            parts = (" ".join(noun_phrase), None)  # پاکستان ریلویز، پاکستان پوسٹ
        head = next((i for i, w in enumerate(noun_phrase) if w in ORGANISATIONS), 0)
        titled = has_title(noun_phrase) or any(is_role_word(w) for w in noun_phrase[:head])
        if parts and not (name and titled):  # سندھ حکومت، دفتر خارجہ; not ایس پی سٹی ڈویژن X
            full = self._fuller_name(self.full_form(parts[0]))
            self.organisations.setdefault(full, parts[1])
            return full
        if is_plausible_name(name):
            return self.names.canonical(" ".join(name))
        return self.roles.lookup(noun_phrase) or self.later_roles.lookup(noun_phrase)

    def _fuller_name(self, organisation: str) -> str:
        """The one fuller name the article gave this organisation (`سعودی وزارت صحت` for a
        later `وزارت صحت`), else the name as it is."""
        longer = {
            known
            for known in (*self.organisations, *self.mentioned)
            if known.endswith(" " + organisation)
            and all(  # a country or a level (سعودی، وفاقی), not اقوام متحدہ کے
                is_place(w) or in_section(w, "adjective")
                for w in known.removesuffix(organisation).split()
            )
        }
        return longer.pop() if len(longer) == 1 else organisation

    def _organisation_alias(self, noun_phrase: tuple[str, ...]) -> str | None:
        """A common word standing for an organisation named earlier: its head noun or the
        word it was introduced with (`بورڈ`, `کمپنی`, `مرکزی بینک`, `عدالت` for a court) for
        the latest such organisation, a generic word (`بیان`, `ادارے`) for the latest of any."""
        words = [w for w in noun_phrase if w not in _ALIAS_FILLERS]
        if not words:
            return None
        generic = len(words) == 1 and words[0] in ORGANISATIONS  # کمانڈ نے
        if not generic and not all(is_common(w) for w in words):
            return None
        if any(is_place(w) for w in words[:-1]):
            return None  # سندھ پولیس: an organisation of its own, not the پولیس named before
        head = words[-1]
        kinds = _ORGANISATION_ALIASES.get(head, (head, _direct_form(head)))
        if head not in _ORGANISATION_ALIASES and _direct_form(head) not in ORGANISATIONS:
            return None
        known = dict(self.organisations)
        if kinds:  # `عدالت` may be a court named only in passing; `بیان` is a speaker's
            known = {**self.mentioned, **known}
        earlier = [s for s in reversed(self.subjects) if s in known]
        earlier += [s for s in reversed(known) if s not in earlier]
        for name in earlier:
            if name in (head, " ".join(words)):
                continue  # the bare words themselves, learnt from this very sentence
            own = (*name.split(), known[name])
            if not kinds or any(kind in own for kind in kinds):
                self.organisations.setdefault(name, known[name])  # it acts: one of the article's
                return name
        return None

    def resolve(
        self, noun_phrase: tuple[str, ...], exclude: str | None, agrees: str | None = None
    ) -> str | None:
        """The speaker a cue's noun phrase refers to; pronouns to the latest plausible one
        (`_UNNAMED` when that is someone the article does not name), or, where the verb's
        gender (`agrees`) rules that one out, the latest person named of that gender."""
        if len(noun_phrase) == 1 and noun_phrase[0] in _DOCUMENTS:
            # رپورٹ میں کہا گیا: the report the article ascribed (`X کی رپورٹ`); بیان میں کہا
            # گیا, اعلامیے کے مطابق: the statement of whoever acted last
            if (issuer := self.issuers.get(noun_phrase[0])) and issuer != exclude:
                return issuer
            return next((p for p in reversed(self.subjects) if p != exclude), None)
        if noun_phrase and noun_phrase[-1] in PRONOUNS:
            # A pronoun stands for a person rather than an organisation when it can.
            candidates = [p for p in reversed(self.subjects) if p != exclude]
            people = [p for p in candidates if p not in self.organisations]
            if not candidates:  # nobody has spoken or acted yet: the last person named
                people = [p for p in reversed(self.people_named) if p != exclude]
            chosen = (people or candidates or [None])[0]
            if agrees and chosen and name_gender(chosen) not in (None, agrees):
                # وہ … پوچھتا ہے after a woman's quote: a man, named or not
                named = [p for p in reversed(self.people_named) if p != exclude]
                return next((p for p in named if name_gender(p) == agrees), _UNNAMED)
            return chosen
        person = self.person(noun_phrase)
        return None if person == exclude else person


def _is_byline(segment: Segment, segments: list[Segment]) -> bool:
    """A paragraph near the top that is a short line of comma-separated parts with no
    sentence in it (`نازیہ ملک، بی بی سی اردو، قصور`): the reporter, not someone in the
    story."""
    text = segment.text
    alone = sum(s.paragraph == segment.paragraph for s in segments) == 1
    return (
        alone
        and segment.paragraph <= _BYLINE_PARAGRAPHS
        and "،" in text
        and not re.search("[۔؟!:]", text)
        and len(words(text)) <= _MAX_BYLINE_WORDS
    )


def _with_united_nations(phrase: Phrase) -> tuple[str, ...]:
    """The phrase's words, with `اقوام متحدہ کے` kept in front of a UN body's name, but
    for a world body named on its own (`عالمی ادارہ خوراک`)."""
    worldwide = phrase.words[0] == "عالمی"
    if phrase.owner == UNITED_NATIONS and organisation_parts(phrase.words) and not worldwide:
        return (*phrase.owner, phrase.before, *phrase.words)
    return phrase.words


def _is_person(name: tuple[str, ...], noun_phrase: tuple[str, ...]) -> bool:
    """Is this name, found in narration, surely a person's: a plausible name given with a
    title or holding a listed given name (not a run of unlisted common words)?"""
    given = any(is_given_name(word) for word in name)  # not `سرمئی تہہ جم`
    return is_plausible_name(name) and (given or has_title(noun_phrase))


def _publication(noun_phrase: tuple[str, ...]) -> str | None:
    """A newspaper or magazine by its title: the words after `اخبار` (`اخبار ڈھاکہ کرانیکل`),
    or from `روزنامہ` / `ہفت روزہ` / `ماہنامہ` on, which belong to the title."""
    for index, word in enumerate(noun_phrase[:-1]):
        if word in _PAPER_TITLES:
            start = (
                index - 1 if word == "روزہ" and index and noun_phrase[index - 1] == "ہفت" else index
            )
            return " ".join(noun_phrase[start:])
        if word in _PAPERS:
            return " ".join(noun_phrase[index + 1 :])
    return None


def _is_named_service(noun_phrase: tuple[str, ...]) -> bool:
    """A place followed by common nouns, none a title: a body named after where it serves
    (`پاکستان ریلویز`), when it acts as a subject."""
    head, *rest = noun_phrase or ("",)
    return (
        bool(rest)
        and is_place(head)
        and not has_title(noun_phrase)
        and not any(is_place(w) for w in rest)
    )


def _direct_name(organisation: str) -> str:
    """An organisation's name with its head noun in the direct form, as a name is cited
    (`وفاقی تحقیقاتی ادارے نے` → `وفاقی تحقیقاتی ادارہ`)."""
    *name, head = organisation.split()
    direct = _direct_form(head)
    if name and direct != head and head in ORGANISATIONS and direct in ORGANISATIONS:
        return " ".join((*name, direct))
    return organisation


def _direct_form(word: str) -> str:
    """The direct form of an oblique noun (محکمے → محکمہ، ادارے → ادارہ)."""
    return word[:-1] + "ہ" if word.endswith("ے") else word


def _is_unnamed(phrase: Phrase) -> bool:
    """A phrase for someone the article does not name (`ایک افسر`, `کسی شہری`)."""
    return phrase.before in _INDEFINITES and not _titled_name(phrase.words)


def _titled_name(noun_phrase: tuple[str, ...]) -> bool:
    """A name given a title or role (`بزرگ شیر زمان`), so named even after `ایک`."""
    return has_title(noun_phrase) and bool(strip_titles(noun_phrase))


def sentence_subjects(sentence: str, loose: bool = False, known: Known = None) -> list[Phrase]:
    """The noun phrases a sentence's main clause (before any `کہ`) is about, in order.

    Subjects before نے or a reporting phrase (`کا کہنا`, `کے مطابق`) come first; failing
    those, whoever acts through `کی جانب سے`. A sentence with neither is about the one
    person it names, or the one it names with a title, as bare subject or possessor (`X اب
    بھی آتے ہیں`, `X کا گھر`, `X کے والد Y`: Y), unless people are coordinated (`X اور Y`);
    or about the person a possessive pronoun stands for (`ان کی مہم`). `loose` takes the
    first bare subject instead (`… کرسی پر X بیٹھے ہیں`), for a quote that follows with no
    reporting phrase. A lone name word counts only if `known` says it is a person's (part
    of a longer name).
    """
    clause = BRACKETED_RE.sub(_blank_abbreviation, main_clause(sentence))
    phrases = noun_phrases(clause)  # X (ایس ای سی پی) نے: X is the subject of نے
    if found := [p for p in phrases if _is_agent(p)]:
        return found
    she = bool(phrases) and phrases[0].words == ("وہ",) and not clause[: phrases[0].start].strip()
    if not she and (found := [p for p in phrases if _acts_through(p)]):
        return found  # not `وہ ایک تنظیم کی جانب سے یہاں آتی ہیں`: she comes
    if loose and she and _HONORIFIC_END_RE.search(clause):
        return phrases[:1]  # وہ ہسپتال کی ڈیوٹی کے بعد … لگاتی ہیں: she, not "that hospital"
    if loose:  # the first bare subject: those after it are objects (`وہ مٹھائی بانٹنے لگے`)
        return [found for p in phrases if (found := _bare_subject(p, known))][:1]
    people = _participants(phrases, known)
    if not any("اور" in (p.before, *p.after[:1]) for p in people):  # not X اور Y
        titled = [p for p in people if has_title(p.words)]
        if len(people) == 1 or len(titled) == 1:
            return titled or people
    first = phrases[0] if phrases else None
    if first and first.words[-1] in _POSSESSIVE_PRONOUNS and first.after[:1] != ("نے",):
        return [first] if first.after[:1] and first.after[0] in _OF else []
    return []


def _blank_abbreviation(found: re.Match[str]) -> str:
    """Spaces for a bracketed abbreviation (`(ایس ای سی پی)`), so the name before it reaches
    its case marker; other brackets (a dateline's `(نمائندہ)`) stay."""
    inside = tuple(word_texts(found["inside"]))
    return " " * len(found.group()) if inside and is_acronym(inside) else found.group()


def opening_clause(sentence: str) -> tuple[str, int]:
    """The condition or time clause a sentence opens with (`جب X سے رابطہ کیا گیا`, before
    `تو`) and where the rest begins; empty and 0 where there is none."""
    if (opening := _OPENING_CLAUSE_RE.match(sentence)) and (
        then := _THEN_RE.search(sentence, opening.end())
    ):
        return sentence[: then.start()], then.end()
    return "", 0


def main_clause(sentence: str) -> str:
    """The sentence's main clause: after the condition or time clause it may open with
    (`جب … تو X …`), up to what it reports (`کہ …`)."""
    sentence = sentence[opening_clause(sentence)[1] :]
    reported = re.split(r"(?<!\S)کہ(?!\S)", sentence, maxsplit=1)[0]
    return _RELATIVE_RE.split(reported, maxsplit=1)[0]  # … خواتین جنہیں X نے بھرتی کیا: not X


def _participants(phrases: list[Phrase], known: Known) -> list[Phrase]:
    """The people a clause names, cut after their names; a possessor that leads to another
    named person (`X کے والد Y`) gives way to that person."""
    people: list[Phrase] = []
    for index, phrase in enumerate(phrases):
        named = _up_to_name(phrase)
        if not named or not _is_person_like(named, known) or phrase.after[:1] == ("سے",):
            continue
        if any(word in _PLACE_NOUNS for word in named.words):
            continue  # نواحی گاؤں کھڈیاں: a village, not a person
        following = phrases[index + 1] if index + 1 < len(phrases) else None
        possessor = phrase.after[:1] and phrase.after[0] in _OF
        if possessor and following and following.before == phrase.after[0]:
            leads_to = _up_to_name(following)
            if leads_to and _is_person_like(leads_to, None):  # X کے والد Y, not X کا گیت
                continue
        people.append(named)
    return people


def _is_agent(phrase: Phrase) -> bool:
    """Is the phrase the subject of نے or of a reporting phrase (`کا کہنا`, `کے مطابق`)?"""
    following = phrase.after[:2]
    if following[:1] == ("نے",):
        return True
    return len(following) == 2 and following[0] in _OF and following[1] in _GENITIVE_REPORTS


def _acts_through(phrase: Phrase) -> bool:
    """`X کی جانب سے`, `X کی طرف سے`: X acts."""
    after = phrase.after
    return (
        len(after) == _AFTER_ON_BEHALF
        and after[0] == "کی"
        and after[1] in _ON_BEHALF
        and (after[2] == "سے")
    )


def _bare_subject(phrase: Phrase, known: Known) -> Phrase | None:
    """The phrase as the bare subject of a verb (`X بیٹھے ہیں`, `وہ کہتے ہیں`), cut after
    the person's name (`ماہی گیر X جال سمیٹتے ہیں` → `ماہی گیر X`), if it is one."""
    following = phrase.after[0] if phrase.after else ""
    if not following or following in _POSTPOSITIONS or is_phrase_word(following):
        return None
    if phrase.words[-1] in PRONOUNS:
        return phrase if phrase.words == ("وہ",) else None
    named = _up_to_name(phrase)
    if named and phrase.before in _OF and not has_title(named.words):
        return None  # گھر کا واحد سہارا ہے: what something is, not who acts
    if named and not _is_person_like(named, known):
        name = strip_titles(named.words)
        lone_given = len(name) == 1 and is_given_name(name[0])  # زرمینہ … بیٹھی ہیں
        return named if lone_given else None
    return named


def _is_person_like(phrase: Phrase, known: Known) -> bool:
    """A name of two words or more, one given a title, or one `known` as a person's (not a
    lone unknown word: `اظہار` in `اظہار کیا`)."""
    name = strip_titles(phrase.words)
    if len(name) >= _MIN_BARE_NAME_WORDS or has_title(phrase.words):
        return True
    return known is not None and bool(name) and known(name)


def _up_to_name(phrase: Phrase) -> Phrase | None:
    """The phrase cut after its last name (`ماہی گیر X جال` → `ماہی گیر X`), if it has one."""
    flags = common_flags(phrase.words)
    named = [i for i, common in enumerate(flags) if not common]
    if not named:
        return None
    return replace(phrase, words=phrase.words[: named[-1] + 1])


def attribute(script: Script, article_text: str) -> Script:
    """Set speaker and evidence on each quote segment, and each speaker's gender if shown."""
    names = NameIndex(article_text)
    discourse = _Discourse(names, RoleIndex(), [], _article_roles(script, names))
    discourse.learn_abbreviations(article_text)
    segments = list(script.segments)
    for index, segment in enumerate(segments):
        if segment.kind is not SegmentKind.QUOTE:
            if not _is_byline(segment, segments):
                discourse.read(segment.text)
            continue
        speaker, evidence = _speaker_of(segments, index, discourse)
        segments[index] = replace(segment, speaker=speaker, evidence=evidence)
        if speaker:
            discourse.subjects.append(speaker)
            discourse.quoted.append(speaker)
    segments = _headline_quotes(segments)
    return replace(script, segments=segments, genders=_genders(segments))


def _article_roles(script: Script, names: NameIndex) -> RoleIndex:
    roles = RoleIndex()
    for segment in script.segments:
        if segment.kind is not SegmentKind.QUOTE:
            roles.learn(segment.text, names)
    return roles


def _headline_quotes(segments: list[Segment]) -> list[Segment]:
    """A quote in the headline usually repeats words from a quote in the body: it takes the
    speaker of the body quote that contains it, the strongest evidence a headline has; or,
    failing a speaker the body also quotes, that of the body quote sharing most of its
    words (a headline trims and rephrases)."""
    body = [s for s in segments if s.is_quote and s.paragraph > 0 and s.speaker]
    speakers = {s.speaker for s in body}
    result = []
    for segment in segments:
        if segment.is_quote and segment.paragraph == 0:
            words = " ".join(segment.text.split()).strip("۔ ")
            source = next((s for s in body if words in " ".join(s.text.split())), None)
            if source is None and segment.speaker not in speakers:
                source = _closest_quote(segment.text, body)
            if source is not None:
                segment = replace(
                    segment, speaker=source.speaker, evidence="repeats a quote in the article"
                )
        result.append(segment)
    return result


def _closest_quote(text: str, body: list[Segment]) -> Segment | None:
    """The body quote holding the largest share of `text`'s words, if over half."""
    wanted = set(word_texts(text))
    best: tuple[float, Segment] | None = None
    for segment in body:
        share = len(wanted & set(word_texts(segment.text))) / max(len(wanted), 1)
        if share > _HEADLINE_OVERLAP and (best is None or share > best[0]):
            best = (share, segment)
    return best[1] if best else None


def _speaker_of(
    segments: list[Segment], index: int, discourse: _Discourse
) -> tuple[str | None, str | None]:
    quote = segments[index]
    previous = segments[index - 1] if index else None
    following = segments[index + 1] if index + 1 < len(segments) else None
    if quote.continued and previous is not None and previous.kind is SegmentKind.QUOTE:
        return previous.speaker, "continues the quote before"
    addressee = vocative_addressee(quote.text)
    addressee = discourse.names.canonical(addressee) if addressee else None
    for cue in _cues(previous, quote, following):
        if cue.unnamed:
            return None, None
        if cue.proper:
            parts = organisation_parts(cue.noun_phrase)  # نمائندہ تنظیم X ایسوسی ایشن (پاشا)
            speaker = discourse.full_form(parts[0] if parts else " ".join(cue.noun_phrase))
            discourse.organisations.setdefault(speaker, None)
            return speaker, _evidence(cue.phrase, speaker)
        speaker = discourse.resolve(cue.noun_phrase, addressee, agreement(cue.phrase))
        if speaker == _UNNAMED:
            return None, None  # a pronoun for someone unnamed
        if speaker:
            return speaker, _evidence(cue.phrase, speaker)
    if previous is not None:
        return _context_fallback(previous, discourse, addressee)
    return None, None


def _cues(previous: Segment | None, quote: Segment, following: Segment | None) -> list[Cue]:
    """Reporting phrases around a quote, nearest first: just before it, then just after."""
    cues: list[Cue] = []
    sentence_before: Cue | None = None
    if previous is not None and previous.kind is not SegmentKind.QUOTE:
        # The clause right before the quote; failing a phrase after it, the sentence before
        # it, which often reports the same speaker indirectly (`ان کا کہنا تھا کہ وہ … ’…‘`).
        text = mask_asides(previous.text)
        if before := reporting_cue(last_clause(text)):
            cues.append(before)
        sentence = last_sentence(text)
        sentence_before = reporting_cue(sentence) or short_report(sentence)
        headline = _headline_cue(text, after=False) if quote.paragraph == 0 else None
        if headline is not None and not cues:
            cues.append(headline)
    narration_after = (
        following is not None
        and following.paragraph == quote.paragraph
        and following.kind is not SegmentKind.QUOTE
    )
    if narration_after and (after := cue_after(following.text)):
        cues.append(after)
    next_paragraph = (
        following is not None
        and following.paragraph == quote.paragraph + 1
        and following.kind is not SegmentKind.QUOTE
    )
    if next_paragraph and (after := cue_after(following.text, forward_only=True)):
        cues.append(after)  # ’…‘ ¶ یہ کہنا ہے X کا
    if narration_after and quote.paragraph == 0 and (after := _headline_cue(following.text, True)):
        cues.append(after)
    if sentence_before is not None:
        cues.append(sentence_before)
    return cues


def _headline_cue(text: str, after: bool) -> Cue | None:
    """A headline names its speaker beside a colon: `’…‘: فوجی ترجمان`, `X: ’…‘`."""
    if after:
        match = re.match(r"^[\s\-–—]*:\s*(?P<np>[^:۔،,]+)", text)
        if not match:
            return None
        for index, phrase in enumerate(noun_phrases(match["np"])):
            if phrase.after[:1] not in ((), ("کا",), ("کی",), ("کے",)):
                continue  # `: میو ہسپتال میں …` names a place, not a speaker
            if index == 0 or is_plausible_name(strip_titles(phrase.words)):
                return Cue(phrase.words, match.group().strip(" :"))
        return None  # `: فوجی ترجمان کی پریس کانفرنس`; `: … کیس میں جسٹس X کے ریمارکس`
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    noun_phrase = noun_phrase_before(stripped, len(stripped) - 1)
    return Cue(noun_phrase, stripped) if noun_phrase else None


def _context_fallback(
    previous: Segment, discourse: _Discourse, addressee: str | None
) -> tuple[str | None, str | None]:
    """A quote with no reporting phrase of its own: it continues the quote right before it,
    or is spoken by the person the sentence right before it is about."""
    if previous.kind is SegmentKind.QUOTE and previous.speaker and previous.speaker != addressee:
        return previous.speaker, "continues the previous quote's speaker"
    if previous.kind is SegmentKind.QUOTE:
        return None, None
    if (after := cue_after(previous.text, forward_only=True)) is not None:
        speaker = discourse.resolve(after.noun_phrase, exclude=addressee)
        if speaker:  # ’…‘ یہ کہنا تھا X کا۔ ’…‘: X goes on
            return speaker, f"continues the speaker named before it → {speaker}"
    sentence = last_sentence(mask_asides(previous.text))
    people = discourse.sentence_people(sentence, loose=True)
    if not people and _PRONOUN_RE.search(main_clause(sentence)):  # وہ … ہیں۔ ’…‘
        people = [discourse.resolve(("وہ",), exclude=addressee) or _UNNAMED]
    named = [p for p in people if p != addressee and p not in discourse.organisations]
    if named and named[-1]:
        return named[-1], f"named in the sentence before → {named[-1]}"
    last = discourse.last_speaker()
    if not people and last and last != addressee and discourse.only_names(previous.text, last):
        return last, f"continues the last speaker, the only one named since → {last}"
    return None, None


def reporting_cue(text: str) -> Cue | None:
    """The last reporting phrase in `text` (the narration before a quote), if any."""
    best: tuple[int, int, Cue] | None = None
    for pattern in _CUES_BEFORE:
        for match in pattern.finditer(text):
            cue = _cue_at(text, match.start("marker"), match.start(), match.end())
            if cue is not None and (best is None or match.start() > best[0]):
                best = (match.start(), match.end(), cue)
    for match in _STATEMENT_RE.finditer(text):
        if best is None or match.start() > best[1]:  # not part of a phrase found above
            owner, start = _owner(text, match.start())
            phrase = text[min(start, match.start()) : match.end()].strip()
            best = (match.start(), match.end(), Cue(owner or (match["doc"],), phrase))
    return best[2] if best else None


def _cue_at(text: str, marker: int, start: int, end: int) -> Cue | None:
    """The cue whose speaker is the noun phrase before `marker`, its phrase running to
    `end`: `X کی انتظامیہ` is X, and `ایک افسر` someone unnamed."""
    noun_phrase, np_start = noun_phrase_span(text, marker)
    if not noun_phrase:
        return None
    # `’X‘ نے` or `X (آئی ایل او) نے`: a name set off by the writer, taken as written
    proper = text[np_start] in QUOTE_MARKS or ABBREVIATION_RE.search(text[:marker]) is not None
    spoken_for = tuple(w for w in noun_phrase if w not in _ALIAS_FILLERS)
    if spoken_for in {(word,) for word in _SPOKESBODIES | _DOCUMENTS}:
        owner, owner_start = _owner(text, np_start)
        if owner:
            noun_phrase, np_start = owner, owner_start
    before = words(text[:np_start])
    unnamed = bool(before) and before[-1].text in _INDEFINITES and not _titled_name(noun_phrase)
    phrase = text[min(np_start, start) : end]
    unnamed = unnamed or (
        _ANONYMOUS_RE.search(phrase) is not None and not _titled_name(noun_phrase)
    )
    return Cue(noun_phrase, phrase.strip(), unnamed, proper)


def _owner(text: str, position: int) -> tuple[tuple[str, ...], int]:
    """The organisation in `X کی` / `X کے` / `X کی جانب سے جاری` right before `position`."""
    match = _OWNER_RE.search(text[:position])
    if not match:
        return (), position
    noun_phrase, start = noun_phrase_span(text, match.start())
    issuer = organisation_parts(noun_phrase) or is_acronym(noun_phrase)
    return (noun_phrase, start) if issuer else ((), position)


def cue_after(text: str, forward_only: bool = False) -> Cue | None:
    """A reporting phrase at the start of the text after a quote, if any. `forward_only`
    keeps to the phrases that can only point back (`یہ کہنا ہے X کا`, `یہ بات X نے کہی`)."""
    for pattern, genitive in _CUES_AFTER_FORWARD:
        if (match := pattern.match(text)) and (found := _genitive_speaker(match, genitive)):
            return found
    if forward_only and not re.match(_LEAD + r"یہ\s+بات\s", text):
        return None
    match = _CUE_AFTER_NE.match(text)
    if match and match["light"] and not match["this"]:
        match = None  # `X نے ڈونرز کی …`: کی without یہ بات is no report
    if match:  # the speaker's phrase begins after `یہ بات`
        start = match.start("np")
        noun_phrase = noun_phrase_before(text[start:], match.start("marker") - start)
        if noun_phrase:
            return Cue(noun_phrase, match.group().strip(" ۔،,"))
    return None if forward_only else short_report(text)


def _genitive_speaker(match: re.Match[str], genitive: str) -> Cue | None:
    """The cue of `یہ کہنا ہے X کا`: the first X before a `genitive` that names a person
    (titled, or two name words or more), else the first that names anything, else the
    first X at all."""
    clause = match["np"]
    candidates = []
    for marker in re.finditer(rf"(?<=\s){genitive}(?=[\s۔،,!؟]|$)", clause):
        if noun_phrase := noun_phrase_before(clause, marker.start()):
            phrase = match.group()[: match.start("np") - match.start() + marker.end()]
            # یہ کہنا تھا ایک بند مل کے سابق کارکن کا: someone the article does not name
            unnamed = _INDEFINITE_RE.search(clause[: marker.start()]) is not None
            unnamed = unnamed and not _titled_name(noun_phrase)
            candidates.append(Cue(noun_phrase, phrase.strip(" ۔،,"), unnamed))
    named = [c for c in candidates if is_plausible_name(strip_titles(c.noun_phrase))]
    people = [c for c in named if has_title(c.noun_phrase) or len(strip_titles(c.noun_phrase)) > 1]
    return (people or named or candidates or [None])[0]  # not `انطاکیہ کے رہائشی X کے`


def short_report(text: str) -> Cue | None:
    """A short sentence that only reports a quote, at the start of `text` (`وہ کہتے ہیں۔`,
    `X ہنستے ہوئے بتاتے ہیں۔`, `بیان میں کہا گیا۔`): the subject before نے, or its first
    noun phrase."""
    match = _SHORT_REPORT_RE.match(text)
    if not match or len(words(match["body"])) > _SHORT_REPORT_WORDS:
        return None
    body = match["body"]
    if ne := _SUBJECT_RE.search(body):
        noun_phrase = noun_phrase_before(body, ne.start())
        return Cue(noun_phrase, match.group().strip(" ۔،,")) if noun_phrase else None
    phrases = noun_phrases(body)
    if not phrases or body[: phrases[0].start].strip():
        return None
    return Cue(phrases[0].words, match.group().strip(" ۔،,"))


def subject_phrases(text: str) -> list[tuple[str, ...]]:
    """Noun phrases standing as subjects before نے in `text`, in order (pronouns left out)."""
    phrases = []
    for match in _SUBJECT_RE.finditer(text):
        noun_phrase = noun_phrase_before(text, match.start())
        if noun_phrase and noun_phrase[-1] not in PRONOUNS:
            phrases.append(noun_phrase)
    return phrases


def vocative_addressee(quote: str) -> str | None:
    """The person addressed at the start of a quote (`مسٹر X!`, `جناب X،`), if any."""
    match = _VOCATIVE_RE.match(quote)
    if not match:
        return None
    if match["mark"] in _VOCATIVE_TITLES_REQUIRED_MARKS and not match["title"]:
        return None
    name = strip_titles(tuple(w.text for w in words(match["name"])))
    return " ".join(name) if is_plausible_name(name) else None


def last_clause(text: str) -> str:
    """The text after the last sentence end: where a reporting phrase for a quote sits."""
    cut = max(text.rfind(mark) for mark in "۔؟!")
    return text[cut + 1 :]


def last_sentence(text: str) -> str:
    """The last sentence of `text`, its final punctuation included."""
    body = text.rstrip(" ۔؟!")
    cut = max(body.rfind(mark) for mark in "۔؟!")
    return text[cut + 1 :]


def _evidence(phrase: str, speaker: str) -> str:
    phrase = re.sub(r"\s{3,}", " … ", phrase)  # an aside masked out: `X، جو …، کہتی ہیں`
    return phrase if phrase.startswith(speaker) else f"{phrase} → {speaker}"


def _genders(segments: list[Segment]) -> dict[str, str]:
    """Gender of each speaker where the article shows it."""
    narration = [s.text for s in segments if s.kind is not SegmentKind.QUOTE]
    sentences = [part for text in narration for part in re.split(r"[۔؟!]", text)]
    result = {}
    for speaker in dict.fromkeys(s.speaker for s in segments if s.speaker):
        speech = [s.text for s in segments if s.speaker == speaker]
        if found := gender(speaker, sentences, speech):
            result[speaker] = found
    return result
