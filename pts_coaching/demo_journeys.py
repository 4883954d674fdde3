"""Demo journeys: who the demo's people and staff are, and what happens between people and their coaches
over two years, as the records a site would hold.

Each person's journey comes from their own random generator, seeded from the demo's seed and their
number, so the same seed gives the same people, dates, words and scores at any scale. The journeys
keep the app's rules because they are made with them: phases move only as lifecycle.MOVES allows, check-ins
are scored by scoring.score, aspirations' dates pass aspirations' checks, and achievements count
against the contract as outcomes.check_achievement says. What a controller would work out when a record
is saved (the phase history, contact count and last contact, the person's name on each record, a
network's size and closeness) is worked out here too, in one pass.

Plain Python, no Frappe: the demo command (demo.py) only writes these records to the database.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from math import ceil, exp

from pts_coaching import aspirations as asp
from pts_coaching import demo_words as words
from pts_coaching import lifecycle as lc
from pts_coaching import outcomes, scoring

# Every record the demo makes has this in its name (users: in their email's domain; teams and the
# contract: at the end of their names), so that it can be found and cleared again.
MARK = "DEMO"
DOMAIN = "demo.example.org"
TEAM_MARK = " (demo)"
# A doctype's own prefix, then MARK: "CONV-DEMO-0000001".
PREFIXES = {
	"Person": "PER",
	"Coaching Relationship": "REL",
	"Coaching Conversation": "CONV",
	"Aspiration": "ASP",
	"Wellbeing Check-in": "WELL",
	"Connection Snapshot": "CONN",
	"Service Involvement": "SERV",
	"Achievement": "ACH",
	"Personal Budget Spend": "PBS",
	"Safety Conversation": "SAFE",
	"Coach Reflection": "REFL",
}
DAYS = 730
PEOPLE_PER_COACH = 40
COACHES_PER_TEAM = 6

COACH, LEAD, ANALYST = "PTS Coach", "PTS Coaching Lead", "PTS Analyst"

CHANNELS = (
	("Coffee", 24),
	("Walk", 20),
	("Text message", 15),
	("Phone call", 15),
	("Their place", 8),
	("Our place", 6),
	("Video call", 4),
	("Other", 3),
)
TEXT = "Text message"
WITH_THEIR_COACH, ON_THEIR_OWN = "With their coach", "On their own"

# How a relationship moves on from each phase, and how long a phase lasts (days: shortest, most
# likely, longest). Coming back after an ending is rarer than after a pause, but it happens.
NEXT = {
	lc.GETTING_TO_KNOW_EACH_OTHER: (
		(lc.WORKING_TOGETHER, 80), (lc.PAUSED, 8), (lc.ENDING_TOGETHER, 2), (lc.ENDED, 10),
	),
	lc.WORKING_TOGETHER: ((lc.PAUSED, 32), (lc.ENDING_TOGETHER, 45), (lc.ENDED, 23)),
	lc.PAUSED: ((lc.WORKING_TOGETHER, 55), (lc.ENDING_TOGETHER, 10), (lc.ENDED, 35)),
	lc.ENDING_TOGETHER: ((lc.ENDED, 92), (lc.WORKING_TOGETHER, 8)),
	lc.ENDED: ((lc.WORKING_TOGETHER, 12), (None, 88)),
}  # fmt: skip
LASTS = {
	lc.GETTING_TO_KNOW_EACH_OTHER: (7, 21, 60),
	lc.WORKING_TOGETHER: (60, 180, 420),
	lc.PAUSED: (14, 45, 200),
	lc.ENDING_TOGETHER: (14, 30, 90),
	lc.ENDED: (30, 90, 300),
}
ENDING_KINDS = {
	lc.GETTING_TO_KNOW_EACH_OTHER: (("Chose to stop", 55), ("Moved away", 25), ("Other", 20)),
	lc.WORKING_TOGETHER: (("Moved away", 35), ("Moved on", 30), ("Chose to stop", 20), ("Other", 15)),
	lc.PAUSED: (("Chose to stop", 40), ("Moved away", 25), ("Other", 20), ("Moved on", 15)),
	lc.ENDING_TOGETHER: (("Moved on", 70), ("Moved away", 10), ("Chose to stop", 10), ("Other", 10)),
}
# After a pause people often just stop getting in touch: then no one writes words for them.
THEY_DID_NOT_SAY = {lc.PAUSED: 0.4}
THEY_DID_NOT_SAY_OTHERWISE = 0.08

TEXT_ONLY = 0.08  # people who keep in touch by text and nothing else
DOES_CHECK_INS = 0.85
CHECK_IN_EVERY = (28, 60)
# Wellbeing runs from 0 (lowest answer) to 1 (highest); ONS4's 0-10 answers sit a little higher for
# the same wellbeing than WEMWBS's 1-5, closer to what people going through a tough time give.
LIFT = {"ONS4": 0.12}
UNANSWERED = 0.03

ASPIRATION_THEMES = (
	("Home", 20),
	("Work", 15),
	("Relationships", 14),
	("Health", 12),
	("Interests", 12),
	("Learning", 9),
	("Money", 8),
	("Community", 6),
	("Other", 4),
)
ACCOMMODATION_SECURED = "Accommodation secured"
SUSTAINED = (("Accommodation sustained for 3 months", 91), ("Accommodation sustained for 6 months", 182))
WELLBEING_IMPROVED = "Wellbeing improved by a meaningful change"
# Which achieved aspirations a commissioner counts as an outcome.
OUTCOME_OF = {
	"A place of my own with a garden": ACCOMMODATION_SECURED,
	"Live nearer {close}": ACCOMMODATION_SECURED,
	"Work": "Entered work",
	"Learning": "Entered education or training",
}
CONTRACT_NAME = "Better Futures outcomes contract" + TEAM_MARK
COMMISSIONER = "Northshire County Council" + TEAM_MARK
TARIFFS = (
	outcomes.Tariff(ACCOMMODATION_SECURED, 1000, 1),
	outcomes.Tariff("Accommodation sustained for 3 months", 800, 1),
	outcomes.Tariff("Accommodation sustained for 6 months", 1200, 1),
	outcomes.Tariff("Entered education or training", 500, 1),
	outcomes.Tariff("Entered work", 1500, 1),
	outcomes.Tariff(WELLBEING_IMPROVED, 400, 1),
)
MEANINGFUL_WEMWBS_CHANGE = 3

SERVICE_KINDS = (
	("Housing", 50),
	("Benefits", 45),
	("Mental health", 30),
	("Health", 30),
	("Money and debt", 20),
	("Drugs and alcohol", 12),
	("Probation", 8),
	("Social care", 8),
	("Other", 5),
)


@dataclass(frozen=True)
class Plan:
	"""How big the demo is, and the day it runs up to."""

	people: int
	today: date
	seed: int = 1

	@property
	def first_day(self) -> date:
		return self.today - timedelta(days=DAYS)


@dataclass(frozen=True)
class StaffMember:
	email: str
	first_name: str
	last_name: str
	role: str

	@property
	def full_name(self) -> str:
		return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Team:
	name: str
	delivery_partner: str
	lead: StaffMember
	coaches: tuple[StaffMember, ...]
	# The longer wellbeing scale the team uses beside the main one, if any.
	scale: str | None


@dataclass(frozen=True)
class Staff:
	teams: tuple[Team, ...]
	analyst: StaffMember

	@property
	def members(self) -> list[StaffMember]:
		return [
			*(member for team in self.teams for member in (team.lead, *team.coaches)),
			self.analyst,
		]


@dataclass(frozen=True)
class Scale:
	"""A wellbeing measure as the site has it, and which of its questions run the other way."""

	measure: scoring.Measure
	lower_is_better: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Setup:
	"""What the site offers the demo: its wellbeing measures and the themes it uses."""

	scales: dict[str, Scale]
	main_scale: str
	aspiration_themes: frozenset[str]
	reflection_themes: tuple[str, ...]


@dataclass(frozen=True)
class Span:
	"""A phase of a relationship, from the day it began to the day the next one began (None: it lasts)."""

	phase: str
	start: date
	end: date | None = None
	ending_kind: str | None = None
	in_their_words: str | None = None
	they_did_not_say: bool = False


class Names:
	"""The next name for each doctype, in order: the same seed and size give the same names."""

	def __init__(self):
		self.counts = dict.fromkeys(PREFIXES, 0)

	def __call__(self, doctype: str) -> str:
		self.counts[doctype] += 1
		return f"{PREFIXES[doctype]}-{MARK}-{self.counts[doctype]:07d}"


def contract(plan: Plan) -> outcomes.Contract:
	"""The commissioner's contract the demo's achievements count against: it began three months into
	the demo's two years and runs on for another year."""
	return outcomes.Contract(
		CONTRACT_NAME, plan.first_day + timedelta(days=90), plan.today + timedelta(days=365), TARIFFS
	)


def staff(plan: Plan, scales: tuple[str, ...] = ()) -> Staff:
	"""Teams of coaches, each with a lead, enough for about PEOPLE_PER_COACH people a coach over the two
	years; a team uses one of `scales` beside the main measure, or none."""
	coaches = max(2, ceil(plan.people / PEOPLE_PER_COACH))
	team_count = max(2, ceil(coaches / COACHES_PER_TEAM))
	emails = set()
	number = 0

	def member(role: str) -> StaffMember:
		nonlocal number
		first = words.STAFF_FIRST_NAMES[number % len(words.STAFF_FIRST_NAMES)]
		initial = words.INITIALS[number // len(words.STAFF_FIRST_NAMES) % len(words.INITIALS)]
		number += 1
		email = f"{first.lower()}.{initial.lower()}@{DOMAIN}"
		again = 1
		while email in emails:
			again += 1
			email = f"{first.lower()}.{initial.lower()}{again}@{DOMAIN}"
		emails.add(email)
		return StaffMember(email, first, f"{initial}.", role)

	choices = (*scales, None)
	teams = []
	for t in range(team_count):
		lead = member(LEAD)
		size = len(range(t, coaches, team_count))
		teams.append(
			Team(
				team_name(t),
				words.DELIVERY_PARTNERS[t % len(words.DELIVERY_PARTNERS)],
				lead,
				tuple(member(COACH) for _ in range(size)),
				choices[t % len(choices)],
			)
		)
	return Staff(tuple(teams), member(ANALYST))


def team_name(number: int) -> str:
	places, sides = words.TEAM_PLACES, words.TEAM_SIDES
	name = places[number % len(places)] + sides[number // len(places) % len(sides)]
	again = number // (len(places) * len(sides))
	return f"{name} {again + 1}{TEAM_MARK}" if again else f"{name}{TEAM_MARK}"


def reflections(plan: Plan, staff: Staff, setup: Setup, names: Names) -> Iterator[dict]:
	"""Every few weeks a coach or lead writes what they learnt, and what in the system got in the way."""
	for team in staff.teams:
		for member in (team.lead, *team.coaches):
			rng = random.Random(f"{plan.seed}/reflections/{member.email}")
			day = plan.first_day + timedelta(days=rng.randint(3, 20))
			while day <= plan.today:
				name = names("Coach Reflection")
				themes = rng.sample(
					setup.reflection_themes, k=min(len(setup.reflection_themes), rng.choice((0, 1, 1, 2)))
				)
				yield {
					"name": name,
					"creation": at(rng, day),
					"owner": member.email,
					"coach": member.email,
					"coach_name": member.full_name,
					"date": day,
					"share_with_team": int(rng.random() < 0.6),
					"reflection": f"<p>{rng.choice(words.REFLECTIONS)}</p>",
					"what_got_in_the_way": [
						{"name": f"{name}-{i:02d}", "theme": theme} for i, theme in enumerate(themes, 1)
					],
				}
				day += timedelta(days=rng.randint(10, 35))


def journeys(plan: Plan, staff: Staff, setup: Setup, names: Names) -> Iterator[dict[str, list[dict]]]:
	"""Each person's records, by doctype, one person after another."""
	terms = contract(plan)
	for number in range(plan.people):
		yield Journey(plan, staff, setup, names, terms, number).records()


def at(rng: random.Random, day: date) -> datetime:
	"""A moment in the working day."""
	return datetime.combine(day, time(rng.randint(9, 17), rng.randrange(0, 60, 5)))


def capitalised(text: str) -> str:
	return text[:1].upper() + text[1:]


def pick(rng: random.Random, weighted):
	options, weights = zip(*weighted, strict=True)
	return rng.choices(options, weights)[0]


def lasting(rng: random.Random, phase: str) -> int:
	low, likely, high = LASTS[phase]
	return round(rng.triangular(low, high, likely))


def phases(rng: random.Random, started_on: date, today: date) -> list[Span]:
	"""The phases of one relationship up to today, moved only as lifecycle.MOVES allows."""
	spans: list[Span] = []
	phase, start = lc.FIRST_PHASE, started_on
	kind = words_said = None
	did_not_say = False
	while True:
		following = pick(rng, NEXT[phase])
		moved = start + timedelta(days=lasting(rng, phase))
		if following is None or moved > today:
			spans.append(Span(phase, start, None, kind, words_said, did_not_say))
			return spans
		spans.append(Span(phase, start, moved, kind, words_said, did_not_say))
		kind = words_said = None
		did_not_say = False
		if following == lc.ENDED:
			kind = pick(rng, ENDING_KINDS[phase])
			did_not_say = rng.random() < THEY_DID_NOT_SAY.get(phase, THEY_DID_NOT_SAY_OTHERWISE)
			words_said = None if did_not_say else rng.choice(words.ENDINGS[kind])
		lc.check_move(phase, following, words_said or "", did_not_say)
		phase, start = following, moved


def phase_on(spans: list[Span], day: date) -> Span:
	return next(span for span in reversed(spans) if span.start <= day)


def days_together(spans: list[Span], day: date) -> int:
	"""Days spent working or ending together before `day`: what wellbeing grows with."""
	together = 0
	for span in spans:
		if span.start >= day:
			break
		if span.phase in (lc.WORKING_TOGETHER, lc.ENDING_TOGETHER):
			together += ((min(span.end, day) if span.end else day) - span.start).days
	return together


@dataclass
class Conversation:
	name: str
	day: date
	channel: str
	phase: str


@dataclass
class Journey:
	plan: Plan
	staff: Staff
	setup: Setup
	names: Names
	terms: outcomes.Contract
	number: int
	out: dict[str, list[dict]] = field(default_factory=dict)

	def __post_init__(self):
		self.rng = random.Random(f"{self.plan.seed}/person/{self.number}")
		rng = self.rng
		self.team = rng.choice(self.staff.teams)
		self.coach = rng.choice(self.team.coaches).email
		self.lead = self.team.lead.email
		first = rng.choice(words.FIRST_NAMES)
		close, their_close, self.close_kind = rng.choice(words.PEOPLE_CLOSE)
		close_name = rng.choice(words.FIRST_NAMES)
		self.preferred_name = f"{first} {rng.choice(words.INITIALS)}."
		self.started_on = self.plan.first_day + timedelta(days=rng.randrange(DAYS))
		self.spans = phases(rng, self.started_on, self.plan.today)
		self.text_only = rng.random() < TEXT_ONLY
		self.welsh = rng.random() < 0.08
		self.details = {
			"name": first,
			"interest": rng.choice(words.INTERESTS),
			"place": rng.choice(words.PLACES),
			"close": close.format(n=close_name),
			"their_close": their_close.format(n=close_name),
			"strength": rng.choice(words.STRENGTHS),
		}

	def someone(self, bank) -> tuple[str, str]:
		who, kind = self.rng.choice(bank)
		return who.format(n=self.rng.choice(words.FIRST_NAMES), pet=self.rng.choice(words.PET_NAMES)), kind

	def say(self, template: str) -> str:
		return capitalised(template.format(**self.details))

	def add(self, doctype: str, day: date, **values) -> dict:
		record = {
			"name": self.names(doctype),
			"creation": at(self.rng, day),
			"owner": self.coach,
			"person": self.person,
			"person_name": self.preferred_name,
			"relationship": self.relationship,
			**values,
		}
		self.out.setdefault(doctype, []).append(record)
		return record

	def records(self) -> dict[str, list[dict]]:
		self.person = self.names("Person")
		self.relationship = self.names("Coaching Relationship")
		self.make_person()
		self.conversations = self.make_conversations()
		self.make_relationship()
		scores = self.make_check_ins()
		achieved = self.make_aspirations()
		self.make_achievements(achieved, scores)
		self.make_connections()
		self.make_services()
		self.make_safety_conversations()
		return self.out

	def make_person(self):
		rng = self.rng
		reporting = rng.random() < 0.85
		sharing = rng.random() < 0.6
		story = rng.random() < 0.25
		agreed = [
			what
			for what, yes in (
				("Happy for the numbers to go in reports", reporting),
				("OK to share with the housing team", sharing),
				("Happy for my story to be told, without my name", story),
			)
			if yes
		]
		dob = None
		if rng.random() < 0.6:
			dob = self.plan.today - timedelta(days=rng.randint(18 * 365 + 5, 70 * 365))
		self.out["Person"] = [
			{
				"name": self.person,
				"creation": at(rng, self.started_on),
				"owner": self.coach,
				"preferred_name": self.preferred_name,
				"pronouns": rng.choice(words.PRONOUNS) if rng.random() < 0.4 else None,
				"date_of_birth": dob,
				"language": "Welsh" if self.welsh else "English",
				"about_me": self.say(rng.choice(words.ABOUT_ME)) if rng.random() < 0.5 else None,
				"preferred_contact": TEXT
				if self.text_only
				else pick(rng, (("Text message", 45), ("Call", 25), ("In person", 25), ("Email", 5))),
				"phone": f"07700 900{rng.randrange(1000):03d}" if rng.random() < 0.6 else None,
				"agrees_to_outcome_reporting": int(reporting),
				"agrees_to_sharing_with_services": int(sharing),
				"agrees_to_their_story_being_told": int(story),
				"what_they_agreed": "; ".join(agreed) or None,
				"agreed_on": self.started_on if agreed else None,
			}
		]

	def make_conversations(self) -> list[Conversation]:
		"""The blank page on the first day, then contact in each phase's rhythm: weekly or fortnightly
		when working together, a text now and then in a pause, a last conversation when it ends."""
		rng = self.rng
		cadence = rng.randint(9, 24)
		channels = [(channel, weight * rng.uniform(0.3, 1.7)) for channel, weight in CHANNELS]
		days: list[tuple[date, str, str]] = []
		for span in self.spans:
			end = span.end or self.plan.today + timedelta(days=1)
			if span.phase == lc.ENDED:
				if not span.they_did_not_say:
					days.append((span.start, self.channel(channels), span.phase))
				continue
			day = span.start
			while day < end:
				if span.phase == lc.PAUSED:
					if rng.random() < 0.5 and day > span.start:
						days.append((day, TEXT, span.phase))
					day += timedelta(days=rng.randint(20, 60))
					continue
				days.append((day, self.channel(channels), span.phase))
				if span.phase == lc.GETTING_TO_KNOW_EACH_OTHER:
					day += timedelta(days=rng.randint(3, 10))
				elif span.phase == lc.ENDING_TOGETHER:
					day += timedelta(days=rng.randint(10, 20))
				else:
					step = max(2, round(cadence * rng.uniform(0.7, 1.3)))
					if rng.random() < 0.2 and step > 3:
						days.append((day + timedelta(days=rng.randint(1, step - 1)), TEXT, span.phase))
					day += timedelta(days=step)
		days = sorted((d for d in days if d[0] <= self.plan.today), key=lambda d: d[0])
		conversations = []
		for day, channel, phase in days:
			record = self.add(
				"Coaching Conversation",
				day,
				date=day,
				channel=channel,
				coach=self.coach,
				**self.talk(channel, phase),
			)
			conversations.append(Conversation(record["name"], day, channel, phase))
		return conversations

	def channel(self, channels) -> str:
		return TEXT if self.text_only else pick(self.rng, channels)

	def talk(self, channel: str, phase: str) -> dict:
		rng = self.rng
		if channel == TEXT:
			bank = words.PAUSED_TEXTS if phase == lc.PAUSED else words.TEXT_MESSAGES
			if self.welsh and rng.random() < 0.3:
				bank = words.WELSH_TEXT_MESSAGES
			line = self.say(rng.choice(bank))
			return {"conversation": f"<p>{line}</p>" if line else None}
		said = " ".join(
			part
			for part in (
				self.say(rng.choice(words.OPENINGS[channel])),
				self.say(rng.choice(words.TALKED_ABOUT)),
				self.say(rng.choice(words.NOTICED)),
			)
			if part
		)
		strengths = ", ".join(rng.sample(words.STRENGTHS, rng.randint(1, 3))).capitalize()
		return {
			"conversation": f"<p>{said}</p>",
			"what_matters": self.say(rng.choice(words.WHAT_MATTERS)) if rng.random() < 0.5 else None,
			"strengths_noticed": strengths if rng.random() < 0.4 else None,
			"next_if_they_want": self.say(rng.choice(words.NEXT_IF_THEY_WANT)) or None
			if rng.random() < 0.4
			else None,
		}

	def make_relationship(self):
		rng = self.rng
		last = self.spans[-1]
		history = []
		for idx, span in enumerate(self.spans, 1):
			ended = span.phase == lc.ENDED
			history.append(
				{
					"name": f"{self.relationship}-{idx:02d}",
					"phase": span.phase,
					"from_date": span.start,
					"to_date": span.end,
					"recorded_by": self.coach,
					"ending_kind": span.ending_kind if ended else None,
					"in_their_words": span.in_their_words if ended else None,
				}
			)
		ended = last.phase == lc.ENDED
		self.out["Coaching Relationship"] = [
			{
				"name": self.relationship,
				"creation": at(rng, self.started_on),
				"modified": at(rng, last.start),
				"owner": self.coach,
				"person": self.person,
				"person_name": self.preferred_name,
				"started_on": self.started_on,
				"how_we_met": self.say(rng.choice(words.HOW_WE_MET)),
				"coach": self.coach,
				"team": self.team.name,
				"phase": last.phase,
				"share_with_team": int(rng.random() < 0.9),
				"last_contact_on": self.conversations[-1].day if self.conversations else None,
				"contact_count": len(self.conversations),
				"ended_on": last.start if ended else None,
				"ending_kind": last.ending_kind if ended else None,
				"ending_in_their_words": last.in_their_words if ended else None,
				"they_did_not_say": int(ended and last.they_did_not_say),
				"phase_history": history,
			}
		]

	def make_check_ins(self) -> dict[str, list[tuple[date, float]]]:
		"""Check-ins now and then while working together, if the person wants them, on the main measure
		and the team's longer scale; wellbeing grows with time together and dips in a pause."""
		rng = self.rng
		scores: dict[str, list[tuple[date, float]]] = {}
		if rng.random() >= DOES_CHECK_INS or not self.conversations:
			return scores
		measures = [self.setup.main_scale]
		if self.team.scale in self.setup.scales and rng.random() < 0.9:
			measures.append(self.team.scale)
		start_level = min(0.8, max(0.1, rng.gauss(0.42, 0.1)))
		growth = rng.gauss(0.16, 0.1)
		pace = rng.uniform(90, 240)
		leaning = {
			item.code: rng.gauss(0, 0.05)
			for name in measures
			for item in self.setup.scales[name].measure.items
		}
		due = self.started_on + timedelta(days=rng.randint(7, 40))
		for conversation in self.conversations:
			if conversation.day < due or conversation.phase in (lc.PAUSED, lc.ENDED):
				continue
			due = conversation.day + timedelta(days=rng.randint(*CHECK_IN_EVERY))
			level = (
				start_level
				+ growth * (1 - exp(-days_together(self.spans, conversation.day) / pace))
				+ rng.gauss(0, 0.035)
			)
			done_with = ON_THEIR_OWN if conversation.channel == TEXT else WITH_THEIR_COACH
			for name in measures:
				result = self.check_in(name, conversation.day, level, leaning, done_with)
				if result.scored:
					scores.setdefault(name, []).append((conversation.day, result.score))
		return scores

	def check_in(self, measure_name: str, day: date, level: float, leaning, done_with) -> scoring.Result:
		rng = self.rng
		scale = self.setup.scales[measure_name]
		lift = LIFT.get(measure_name, 0)
		answers = []
		for item in scale.measure.items:
			share = min(1.0, max(0.0, level + lift + leaning[item.code] + rng.gauss(0, 0.08)))
			steps = round(share * (item.max_value - item.min_value))
			value = item.max_value - steps if item.code in scale.lower_is_better else item.min_value + steps
			answers.append([item.code, value])
		if len(answers) > 1 and rng.random() < UNANSWERED:
			rng.choice(answers)[1] = None
		result = scoring.score(scale.measure, answers)
		name = self.names("Wellbeing Check-in")
		labels = {item.code: item.label for item in scale.measure.items}
		self.out.setdefault("Wellbeing Check-in", []).append(
			{
				"name": name,
				"creation": at(rng, day),
				"owner": self.coach,
				"person": self.person,
				"person_name": self.preferred_name,
				"relationship": self.relationship,
				"measure": measure_name,
				"date": day,
				"done_with": done_with,
				"scored": int(result.scored),
				"raw_score": result.raw_score or 0,
				"score": result.score or 0,
				"unanswered": len(result.unanswered),
				"comment": rng.choice(words.CHECK_IN_COMMENTS) if rng.random() < 0.1 else None,
				"answers": [
					{
						"name": f"{name}-{idx:02d}",
						"item_code": code,
						"statement": labels[code],
						"answer": None if value is None else str(value),
					}
					for idx, (code, value) in enumerate(result.answers.items(), 1)
				],
			}
		)
		return result

	def make_aspirations(self) -> list[tuple[str, str, date]]:
		"""What the person wants, noted in conversations, with the steps they choose; returns what was
		achieved (the aspiration's words before filling in, its theme, and when)."""
		rng = self.rng
		said = [c for c in self.conversations if c.phase != lc.ENDED]
		if not said or rng.random() < (0.4 if self.text_only else 0.1):
			return []
		achieved = []
		count = min(len(said), pick(rng, ((1, 35), (2, 35), (3, 20), (4, 10))))
		first = rng.randrange(min(len(said), 8))
		noted_in = sorted({first, *rng.sample(range(len(said)), count - 1)})
		themes = [(theme, weight) for theme, weight in ASPIRATION_THEMES]
		for position in noted_in:
			conversation = said[position]
			theme = pick(rng, themes)
			template, step_templates = rng.choice(words.ASPIRATIONS[theme])
			set_on = conversation.day
			status, achieved_on = self.status(set_on)
			later = [c for c in said[position:] if c.day <= (achieved_on or self.plan.today)]
			steps = []
			for idx, step in enumerate(step_templates[: rng.randint(1, len(step_templates))], 1):
				added_in = later[0] if idx == 1 else rng.choice(later)
				done = status == asp.ACHIEVED or (status == asp.WORKING_ON_IT and rng.random() < 0.4)
				done_on = None
				if done:
					done_on = added_in.day + timedelta(days=rng.randint(0, 30))
					done_on = min(done_on, achieved_on or self.plan.today)
				done_on = asp.step_done_date(done, done_on, added_in.day, self.plan.today)
				steps.append(
					{
						"step": self.say(step),
						"added_on": added_in.day,
						"done": int(done),
						"done_on": done_on,
						"conversation": added_in.name,
					}
				)
			steps.sort(key=lambda s: s["added_on"])
			asp.check_dates(set_on, achieved_on, self.plan.today)
			record = self.add(
				"Aspiration",
				set_on,
				in_their_words=self.say(template),
				theme=theme if theme in self.setup.aspiration_themes else None,
				status=status,
				set_on=set_on,
				achieved_on=achieved_on,
				conversation=conversation.name,
				how_it_feels=rng.choice(words.HOW_IT_FEELS) or None if rng.random() < 0.3 else None,
			)
			record["steps"] = [{"name": f"{record['name']}-{i:02d}", **s} for i, s in enumerate(steps, 1)]
			if achieved_on:
				achieved.append((template, theme, achieved_on))
			if theme in words.BUDGET_SPENDS and rng.random() < 0.15:
				self.spend(theme, conversation.day)
		return achieved

	def status(self, set_on: date) -> tuple[str, date | None]:
		rng = self.rng
		age = (self.plan.today - set_on).days
		now = self.spans[-1].phase
		if age < 30:
			return rng.choice((asp.THINKING_ABOUT_IT, asp.WORKING_ON_IT)), None
		achieved = min(0.55, age / 400)
		on_hold = 0.25 if now in (lc.PAUSED, lc.ENDED) else 0.08
		status = pick(
			rng,
			(
				(asp.ACHIEVED, achieved),
				(asp.CHANGED_MY_MIND, 0.12),
				(asp.ON_HOLD, on_hold),
				(asp.WORKING_ON_IT, 0.2),
				(asp.THINKING_ABOUT_IT, 0.08),
			),
		)
		if status != asp.ACHIEVED:
			return status, None
		return status, asp.achieved_date(
			status, set_on + timedelta(days=rng.randint(30, min(age, 365))), self.plan.today
		)

	def spend(self, theme: str, day: date):
		"""A personal budget spend the person chose, approved by the team's lead a few days later."""
		rng = self.rng
		what_for, amount = rng.choice(words.BUDGET_SPENDS[theme])
		decided = rng.random() < 0.95
		approved_on = day + timedelta(days=rng.randint(0, 5))
		approved = decided and approved_on <= self.plan.today and rng.random() < 0.85
		paid_on = approved_on + timedelta(days=rng.randint(0, 7)) if approved else None
		self.add(
			"Personal Budget Spend",
			day,
			amount=round(amount * rng.uniform(0.8, 1.2), 2),
			decided_with_person=int(decided),
			what_for=what_for,
			approved_by=self.lead if approved else None,
			approved_on=approved_on if approved else None,
			paid_on=paid_on if paid_on and paid_on <= self.plan.today and rng.random() < 0.9 else None,
		)

	def make_achievements(self, achieved, scores):
		"""Outcomes a commissioner pays for, from what the person achieved; each counted against the
		contract as outcomes.check_achievement says, and recorded without it where the contract cannot
		count it (before it began, or over its cap)."""
		rng = self.rng
		found = []
		for template, theme, day in achieved:
			outcome = OUTCOME_OF.get(template) or OUTCOME_OF.get(theme)
			if not outcome:
				continue
			found.append((day, outcome))
			if outcome == ACCOMMODATION_SECURED:
				found += [(day + timedelta(days=after), sustained) for sustained, after in SUSTAINED]
		wemwbs = scores.get("WEMWBS", [])
		improved = [day for day, score in wemwbs[1:] if score - wemwbs[0][1] >= MEANINGFUL_WEMWBS_CHANGE]
		if improved:
			found.append((improved[0], WELLBEING_IMPROVED))
		counted: dict[str, int] = {}
		for day, outcome in sorted(found):
			if day > self.plan.today:
				continue
			try:
				tariff = outcomes.check_achievement(self.terms, outcome, day, counted.get(outcome, 0))
			except outcomes.RuleBroken:
				in_contract, amount = None, 0
			else:
				in_contract, amount = self.terms.name, tariff.tariff
				counted[outcome] = counted.get(outcome, 0) + 1
			self.add(
				"Achievement",
				day,
				outcome_type=outcome,
				achieved_on=day,
				evidence=words.EVIDENCE.get(outcome),
				verified_by=self.lead if rng.random() < 0.7 else None,
				contract=in_contract,
				tariff=amount,
			)

	def make_connections(self):
		"""Snapshots of the person's network now and then: it grows, and it grows closer."""
		rng = self.rng
		said = [c for c in self.conversations if c.phase != lc.ENDED and c.channel != TEXT]
		if not said or rng.random() >= 0.65:
			return
		network = [
			(
				capitalised(self.details["close"]),
				self.close_kind,
				rng.randint(2, 4),
			)
		]
		for _ in range(rng.randint(0, 2)):
			network.append((rng.choice(words.SERVICE_CONNECTIONS), "Service", rng.randint(1, 3)))
		due = self.started_on
		for conversation in said:
			if conversation.day < due:
				continue
			rows = []
			for idx, (who, kind, closeness) in enumerate(network, 1):
				outcomes.check_closeness(who, closeness)
				rows.append(
					{
						"who_or_what": who,
						"kind": kind,
						"closeness": closeness,
						"in_their_words": rng.choice(words.CLOSENESS_WORDS) if rng.random() < 0.15 else None,
						"idx": idx,
					}
				)
			size = outcomes.network([row["closeness"] for row in rows])
			record = self.add(
				"Connection Snapshot",
				conversation.day,
				date=conversation.day,
				connection_count=size.size,
				average_closeness=size.average_closeness,
			)
			record["connections"] = [
				{"name": f"{record['name']}-{row.pop('idx'):02d}", **row} for row in rows
			]
			due = conversation.day + timedelta(days=rng.randint(120, 200))
			network = [
				(who, kind, min(5, closeness + (rng.random() < 0.4)))
				for who, kind, closeness in network
				if kind != "Service" or rng.random() < 0.7
			]
			for _ in range(rng.choice((0, 1, 1, 2))):
				who, kind = self.someone(words.PEOPLE_LATER)
				# One faith and one pet is enough for a person's network.
				if who not in {n[0] for n in network} and not (
					kind in ("Faith", "Pet") and kind in {n[1] for n in network}
				):
					network.append((who, kind, rng.randint(2, 4)))

	def make_services(self):
		"""Services the person relied on when coaching began, some of them ended since; now and then a
		new one they chose."""
		rng = self.rng
		if rng.random() >= 0.8:
			return
		kinds = set()
		for _ in range(rng.randint(1, 3)):
			kinds.add(pick(rng, SERVICE_KINDS))
		for kind in sorted(kinds):
			from_date = self.started_on - timedelta(days=rng.randint(0, 600))
			self.service(kind, from_date)
		if rng.random() < 0.2:
			chosen = self.started_on + timedelta(days=rng.randint(30, 400))
			if chosen <= self.plan.today:
				self.service(rng.choice(("Work and skills", "Education")), chosen)

	def service(self, kind: str, from_date: date):
		rng = self.rng
		to_date = None
		last_possible = (self.plan.today - max(from_date, self.started_on)).days
		if last_possible > 30 and rng.random() < 0.5:
			to_date = max(from_date, self.started_on) + timedelta(days=rng.randint(30, last_possible))
		outcomes.check_period(from_date, to_date)
		self.add(
			"Service Involvement",
			max(from_date, self.started_on),
			service_kind=kind,
			service_name=rng.choice(words.SERVICES[kind]),
			from_date=from_date,
			to_date=to_date,
		)

	def make_safety_conversations(self):
		rng = self.rng
		said = [c for c in self.conversations if c.channel != TEXT and c.phase != lc.ENDED]
		if not said or rng.random() >= 0.25:
			return
		for conversation in sorted(rng.sample(said, min(len(said), rng.randint(1, 2))), key=lambda c: c.day):
			talk_again = conversation.day + timedelta(days=rng.randint(28, 90))
			self.add(
				"Safety Conversation",
				conversation.day,
				date=conversation.day,
				talk_again_on=talk_again if rng.random() < 0.7 else None,
				what_keeps_me_safe=self.say(rng.choice(words.WHAT_KEEPS_ME_SAFE)),
				who_i_would_contact=self.say(rng.choice(words.WHO_I_WOULD_CONTACT)),
			)
