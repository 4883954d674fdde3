# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from pts_coaching import lifecycle
from pts_coaching.pts_coaching.doctype.coaching_conversation.coaching_conversation import contact_with
from pts_coaching.pts_coaching.doctype.coaching_team.coaching_team import team_for, teams_coached_in
from pts_coaching.pts_coaching.records import said_kindly

# What a history row keeps as it happened; only its words can be added to later.
KEPT_HISTORY_FIELDS = ("phase", "from_date", "to_date", "recorded_by", "ending_kind")


class CoachingRelationship(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.coaching_phase_history.coaching_phase_history import (
			CoachingPhaseHistory,
		)

		coach: DF.Link
		contact_count: DF.Int
		ended_on: DF.Date | None
		ending_in_their_words: DF.SmallText | None
		ending_kind: DF.Literal["", "Moved on", "Chose to stop", "Moved away", "Other"]
		how_we_met: DF.SmallText | None
		last_contact_on: DF.Date | None
		person: DF.Link
		person_name: DF.Data | None
		phase: DF.Literal[
			"Getting to know each other", "Working together", "Paused", "Ending together", "Ended"
		]
		phase_history: DF.Table[CoachingPhaseHistory]
		share_with_team: DF.Check
		started_on: DF.Date | None
		team: DF.Link | None
		they_did_not_say: DF.Check

	# end: auto-generated types
	def validate(self):
		self.belong_to_a_team()
		if not self.is_new():
			# A form opened before the latest conversation must not write back its older counts.
			self.update(contact_with(self.name))
		previous = self.get_doc_before_save()
		self.check_phase_move(previous)
		self.check_history_kept(previous)
		if not previous or previous.phase != self.phase:
			self.record_phase(previous)
		if self.ended_on and self.started_on and getdate(self.ended_on) < getdate(self.started_on):
			frappe.throw(_("A relationship cannot end before it started."), title=_("Check the dates"))

	def belong_to_a_team(self):
		"""Without a team, no one but the coach would see this person: not their lead, not the teammates
		it is shared with, not the team's reports."""
		if self.team or not self.coach:
			return
		self.team = team_for(self.coach)
		if not self.team and teams_coached_in(self.coach):
			frappe.throw(
				_("{0} works in more than one team: choose the team this relationship belongs to.").format(
					frappe.utils.get_fullname(self.coach)
				),
				title=_("Which team?"),
			)

	def check_phase_move(self, previous):
		with said_kindly("This move is not possible"):
			if not previous:
				lifecycle.check_start(self.phase)
			elif previous.phase != self.phase:
				lifecycle.check_move(
					previous.phase, self.phase, self.ending_in_their_words, self.they_did_not_say
				)

	def check_history_kept(self, previous):
		"""Only the lifecycle writes the phase history (record_phase, after this): no row is added,
		taken away or changed through a form or the API, but for the words in it."""
		kept_rows = previous.phase_history if previous else []
		rows = {row.name: row for row in self.phase_history}
		as_it_happened = len(self.phase_history) == len(kept_rows) and all(
			kept.name in rows
			and all(str(rows[kept.name].get(f) or "") == str(kept.get(f) or "") for f in KEPT_HISTORY_FIELDS)
			for kept in kept_rows
		)
		if not as_it_happened:
			frappe.throw(
				_("The phase history is kept as it happened: only the words in it can be added to."),
				title=_("Phase history"),
			)

	def record_phase(self, previous):
		if previous and previous.phase == lifecycle.ENDED:
			# Coming back: how it ended stays in the history row of the ending.
			self.ended_on = self.ending_kind = self.ending_in_their_words = None
			self.they_did_not_say = 0

		ending = self.phase == lifecycle.ENDED
		if ending:
			self.ended_on = self.ended_on or nowdate()
		if not previous:
			moved_on = self.started_on or nowdate()
		else:
			moved_on = self.ended_on if ending else nowdate()

		for row in self.phase_history:
			row.to_date = row.to_date or moved_on
		self.append(
			"phase_history",
			{
				"phase": self.phase,
				"from_date": moved_on,
				"recorded_by": frappe.session.user,
				"ending_kind": self.ending_kind if ending else None,
				"in_their_words": self.ending_in_their_words if ending else None,
			},
		)
