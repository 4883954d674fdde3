"""What the plain-Python rule modules raise when something is not allowed."""


class RuleBroken(Exception):
	"""`message` is English with {0}-style placeholders filled from `values`, so that the caller can
	translate the message before filling it in."""

	def __init__(self, message: str, *values):
		super().__init__(message.format(*values))
		self.message = message
		self.values = values
