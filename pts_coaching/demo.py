"""Example records for trying the app out. Nothing here runs on install: a site's own outcome framework
comes from its own contracts, and these are only a starting point to look at or copy."""

import frappe

# Modelled on the outcomes that social outcomes contracts for people who are homeless pay for (Fair
# Chance Fund, Kirklees Better Outcomes Partnership); each commissioner words its own.
EXAMPLE_OUTCOME_TYPES = {
	"Accommodation secured": (
		"Moved into a home they chose, with a tenancy or licence in their name.",
		"A tenancy or licence agreement, or a letter from the landlord.",
	),
	"Accommodation sustained for 3 months": (
		"Still living in the home they moved into, three months on.",
		"A letter from the landlord, or a rent statement covering the three months.",
	),
	"Accommodation sustained for 6 months": (
		"Still living in the home they moved into, six months on.",
		"A letter from the landlord, or a rent statement covering the six months.",
	),
	"Entered education or training": (
		"Started a course or training they chose.",
		"A letter or an email from the college or the training provider.",
	),
	"Entered work": (
		"Started paid work, full or part time.",
		"A contract of employment, a payslip, or a letter from the employer.",
	),
	"Wellbeing improved by a meaningful change": (
		"A wellbeing check-in shows a meaningful change since their first one (on WEMWBS, 3 points or more).",
		"The two wellbeing check-ins.",
	),
}


def make_example_outcome_types() -> list[str]:
	"""Add the example outcome types a site does not have yet, leaving the ones it has as they are."""
	for outcome_name, (description, evidence_guidance) in EXAMPLE_OUTCOME_TYPES.items():
		if not frappe.db.exists("Outcome Type", outcome_name):
			frappe.get_doc(
				{
					"doctype": "Outcome Type",
					"outcome_name": outcome_name,
					"description": description,
					"evidence_guidance": evidence_guidance,
				}
			).insert()
	return list(EXAMPLE_OUTCOME_TYPES)
