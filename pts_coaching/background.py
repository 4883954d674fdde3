"""Work that runs in the bench's background jobs, which go through Redis."""

import frappe
from frappe import _
from redis.exceptions import RedisError


def check_queue_answers(prepared_report, method=None):
	"""doc_events hook, before a Prepared Report is made: with the job queue down its job cannot be
	queued, and Frappe would keep the report waiting for ever behind a bare error page."""
	from frappe.utils.background_jobs import get_redis_conn

	try:
		get_redis_conn().ping()
	except RedisError:
		frappe.throw(
			_(
				"This report is worked out in the background, and that cannot start just now. "
				"Try again in a few minutes; if it keeps happening, tell whoever looks after the site."
			),
			title=_("Try again soon"),
		)


@frappe.whitelist()
def a_worker_is_running() -> bool:
	"""Whether a worker takes the long jobs that prepared reports run in: without one, such a report
	waits in the queue for ever, so the report offers to run it there and then instead."""
	from frappe.utils.background_jobs import get_queue, get_workers

	try:
		return bool(get_workers(get_queue("long")))
	except RedisError:
		return False
