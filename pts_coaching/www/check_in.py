from frappe import _

no_cache = 1


def get_context(context):
	"""Nothing about anyone is on the page as it is served: its script asks with the link's token."""
	context.title = _("How are you doing?")
	context.show_sidebar = False
	return context
