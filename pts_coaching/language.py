"""The words the app uses instead of deficit words (shared/LANGUAGE.md).

One list, used wherever the app checks its own words or points a word out to a coach.
Plain Python so that it is read and tested without Frappe.
"""

import re
from typing import NamedTuple

INSTEAD_OF = {
	"client": "person, or their name",
	"service user": "person, or their name",
	"case": "person, or their name",
	"case file": "relationship",
	"case record": "relationship",
	"caseload": "people I coach; coaching relationships",
	"referral": "how we met",
	"referral source": "how we met, introduced by",
	"assessment": "first conversation",
	"initial assessment": "first conversation",
	"support session": "conversation",
	"appointment": "conversation",
	"home visit": "conversation",
	"support plan": "aspirations and the steps they choose",
	"care plan": "aspirations and the steps they choose",
	"action plan": "aspirations and the steps they choose",
	"needs": "what matters to them",
	"presenting needs": "what matters to them",
	"complex needs": "going through a tough time",
	"vulnerable": "going through a tough time",
	"chaotic": "going through a tough time",
	"risk assessment": "safety conversation: what keeps them safe, in their words",
	"risk level": "safety conversation: what keeps them safe, in their words",
	"non-engagement": "not meeting right now; paused",
	"non-compliance": "not meeting right now; paused",
	"disengaged": "not meeting right now; paused",
	"did not attend": "didn't make it",
	"DNA": "didn't make it",
	"no show": "didn't make it",
	"refused": "chose not to",
	"challenging behaviour": "showing distress",
	"kicking off": "showing distress",
	"case closed": "ended; moved on",
	"discharged": "ended; moved on",
	"failed": "changed their mind; on hold",
	"interventions": "what we did together",
	"evicted": "moved (and in their words why)",
	"homeless people": "people who are homeless",
	"the homeless": "people who are homeless",
	"placement": "home",
}


# Welsh, for notes written in Welsh: the same pairs in the words Welsh public services use.
WELSH = {
	"cleient": "person, neu eu henw",
	"defnyddiwr gwasanaeth": "person, neu eu henw",
	"atgyfeiriad": "sut wnaethon ni gwrdd",
	"asesiad": "sgwrs gyntaf",
	"anghenion cymhleth": "mynd trwy gyfnod anodd",
	"bregus": "mynd trwy gyfnod anodd",
	"anhrefnus": "mynd trwy gyfnod anodd",
	"asesiad risg": "sgwrs am ddiogelwch: beth sy'n eu cadw'n ddiogel, yn eu geiriau nhw",
	"heb ymgysylltu": "ddim yn cyfarfod ar hyn o bryd; wedi oedi",
	"gwrthod": "dewis peidio",
	"achos wedi cau": "wedi dod i ben; wedi symud ymlaen",
	"wedi methu": "wedi newid eu meddwl; ar saib",
	"troi allan": "wedi symud (a pham, yn eu geiriau nhw)",
}

# A Welsh word changes its first sound after some words ("yn fregus", "ei hasesiad", "fy
# nghleient"): the soft, nasal and aspirate mutations, and the h before a vowel.
MUTATIONS = {
	"p": ("b", "mh", "ph"),
	"t": ("d", "nh", "th"),
	"c": ("g", "ngh", "ch"),
	"b": ("f", "m"),
	"d": ("dd", "n"),
	"g": ("", "ng"),
	"m": ("f",),
	"ll": ("l",),
	"rh": ("r",),
}


def welsh_forms(word: str) -> list[str]:
	"""A Welsh word or phrase as written, and as its first sound is written when it mutates."""
	if word[0] in "aeiou":
		return [word, f"h{word}"]
	for sound in ("ll", "rh", word[0]):
		if word.startswith(sound):
			return [word, *(f"{mutated}{word[len(sound) :]}" for mutated in MUTATIONS.get(sound, ()))]
	return [word]


INSTEAD_OF.update({form: instead for word, instead in WELSH.items() for form in welsh_forms(word)})


class DeficitWord(NamedTuple):
	word: str
	instead: str
	start: int


def _pattern(words) -> re.Pattern:
	# Longest first, so that "case file" is found as itself and not as "case".
	alternatives = sorted(words, key=len, reverse=True)
	return re.compile(r"\b(" + "|".join(re.escape(w) for w in alternatives) + r")\b", re.IGNORECASE)


_DEFAULT_PATTERN = _pattern(INSTEAD_OF)


def find_deficit_words(text: str, extra: dict[str, str] | None = None) -> list[DeficitWord]:
	"""Deficit words in `text`, with the words to use instead. `extra` adds an organisation's own pairs."""
	pairs = {w.lower(): alt for w, alt in {**INSTEAD_OF, **(extra or {})}.items()}
	pattern = _pattern(pairs) if extra else _DEFAULT_PATTERN
	return [
		DeficitWord(match.group(0), pairs[match.group(0).lower()], match.start())
		for match in pattern.finditer(text or "")
	]
