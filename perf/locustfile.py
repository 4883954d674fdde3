"""50 coaches at once, each signed in as themselves: their people list, a person, a conversation saved,
a check-in saved. Run by perf/load.py, which sets it up, checks the database afterwards and reports.

Every save carries a marker of its own; the ones the server said it saved go to a ledger, so that
load.py can check each is in the database exactly once; the ones it said failed go there too, so that
load.py can say whether any was kept all the same. A list that shows a person who is not the coach's,
or another coach's person opened, counts as a failure."""

import itertools
import json
import os
import random
import uuid

from locust import HttpUser, between, events, task

COACHES = json.loads(open(os.environ["PTS_LOAD_COACHES"]).read())
LEDGER = os.environ["PTS_LOAD_LEDGER"]
ONS4 = ("life_satisfaction", "worthwhile", "happiness", "anxiety")
_next_coach = itertools.count()
JSON = {"Accept": "application/json"}


@events.init.add_listener
def start_ledger(environment, **kwargs):
	open(LEDGER, "w").close()


class Coach(HttpUser):
	wait_time = between(0.5, 2)

	def on_start(self):
		self.me = COACHES[next(_next_coach) % len(COACHES)]
		self.mine = set(self.me["people"])
		self.client.headers["X-Frappe-Site-Name"] = os.environ["PTS_LOAD_SITE"]
		self.client.post(
			"/api/method/login",
			data={"usr": self.me["email"], "pwd": self.me["password"]},
			name="sign in",
		)

	@task(4)
	def people_i_coach(self):
		with self.client.get(
			"/api/resource/Person",
			params={
				"fields": '["name"]',
				"limit_page_length": 20,
				"filters": '[["Person","anonymised_on","is","not set"]]',
			},
			name="people list",
			catch_response=True,
		) as response:
			if response.ok and not {row["name"] for row in response.json()["data"]} <= self.mine:
				response.failure("a coach was shown someone they do not coach")

	@task(3)
	def open_a_person(self):
		person = random.choice(self.me["people"])
		with self.client.get(
			"/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": "Person", "name": person},
			name="open a person",
			catch_response=True,
		) as response:
			if response.ok and response.json()["docs"][0]["name"] != person:
				response.failure("opened someone else")

	@task(1)
	def open_someone_elses_person(self):
		"""The app must refuse: a coach sees only the people they may see."""
		with self.client.get(
			"/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": "Person", "name": random.choice(self.me["not_mine"])},
			name="someone else's person",
			catch_response=True,
		) as response:
			if response.ok:
				response.failure("a coach was shown someone they do not coach")
			elif response.status_code == 403:
				response.success()

	@task(2)
	def save_a_conversation(self):
		marker = uuid.uuid4().hex
		response = self.client.post(
			"/api/resource/Coaching Conversation",
			headers=JSON,
			json={
				"relationship": random.choice(self.me["relationships"])[0],
				"channel": "Text message",
				"next_if_they_want": marker,
			},
			name="save a conversation",
		)
		self.keep("Coaching Conversation", marker, response.ok)

	@task(1)
	def save_a_check_in(self):
		marker = uuid.uuid4().hex
		relationship, person = random.choice(self.me["relationships"])
		response = self.client.post(
			"/api/resource/Wellbeing Check-in",
			headers=JSON,
			json={
				"relationship": relationship,
				"person": person,
				"measure": "ONS4",
				"comment": marker,
				"answers": [{"item_code": code, "answer": str(random.randint(3, 9))} for code in ONS4],
			},
			name="save a check-in",
		)
		self.keep("Wellbeing Check-in", marker, response.ok)

	def keep(self, doctype, marker, saved):
		with open(LEDGER, "a") as ledger:
			ledger.write(f"{doctype}\t{self.me['email']}\t{marker}\t{'saved' if saved else 'failed'}\n")
