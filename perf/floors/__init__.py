"""The floors: the fastest SQL for each report's final table, one module per report (perf/benchmark.py
loads them as the package pts_coaching_floors)."""


def in_the_team(filters: dict, column: str, relationship_field: str = "person") -> str:
	"""The condition that keeps `column` to the team's relationships, when the filters name a team."""
	if not filters.get("team"):
		return ""
	return (
		f"and {column} in (select r.{relationship_field} from `tabCoaching Relationship` r "
		"where r.team = %(team)s)"
	)
