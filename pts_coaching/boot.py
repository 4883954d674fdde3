"""What the desk is told about the app when someone signs in (hooks.py boot_session)."""

from pts_coaching.language_lens import LENS_DOCTYPES
from pts_coaching.permissions import SCOPED_DOCTYPES


def boot_session(bootinfo):
	bootinfo.pts_language_lens_doctypes = LENS_DOCTYPES
	# Records filed under a relationship, whose person comes from it (pts_coaching.js).
	bootinfo.pts_filed_under_a_relationship = [
		doctype
		for doctype, whose in SCOPED_DOCTYPES.items()
		if whose == "person" and doctype != "Coaching Relationship"
	]
