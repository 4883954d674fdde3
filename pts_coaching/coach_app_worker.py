"""The coach app's service worker, served at /coach-sw.js: a worker's scope can only be at or under
its own address, and the app's built files live under /assets, outside /coach."""

from pathlib import Path

from frappe.website.page_renderers.base_renderer import BaseRenderer
from werkzeug.wrappers import Response

WORKER = Path(__file__).parent / "public" / "coach" / "sw.js"


class CoachServiceWorker(BaseRenderer):
	def can_render(self):
		return self.path == "coach-sw.js"

	def render(self):
		return Response(
			WORKER.read_text(), mimetype="application/javascript", headers={"Cache-Control": "no-cache"}
		)
