"""A check-in by link: the rules of a one-time link, in plain Python.

A link carries a random token of 256 bits. The site keeps only the token's SHA-256 hash, so neither a
copy of the database nor anything that shows a record can open a link. A link works once, until it
expires, unless the coach withdraws it; every other link is turned down with the same words, so a
wrong token tells no one whether a person, or a link, exists.

The messages are English: the controllers translate them.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

TOKEN_BYTES = 32
TEXT_MESSAGE = "Text message"
EMAIL = "Email"
COPIED = "Copied"
WAYS = (TEXT_MESSAGE, EMAIL, COPIED)
DAYS_BY_DEFAULT = 7


def new_token() -> str:
	return secrets.token_urlsafe(TOKEN_BYTES)


def hash_of(token: str) -> str:
	return hashlib.sha256(token.encode()).hexdigest()


def expires_on(sent_on: datetime, days: int) -> datetime:
	return sent_on + timedelta(days=days)


def may_be_answered(
	now: datetime,
	expires_on: datetime,
	answered_on: datetime | None = None,
	withdrawn_on: datetime | None = None,
) -> bool:
	return answered_on is None and withdrawn_on is None and now < expires_on


def why_it_cannot_go(
	how: str, preferred_contact: str | None, phone: str | None, email: str | None
) -> str | None:
	"""None when a link may go this way; otherwise why not, for the coach. A link goes only the way the
	person said they like to keep in touch; one copied goes from the coach's own phone or email."""
	if how not in WAYS:
		return "A check-in link goes by text message or email, or is copied to send yourself."
	if how == COPIED:
		if preferred_contact not in (TEXT_MESSAGE, EMAIL):
			return "They have not said they like to keep in touch by text message or email."
		return None
	if preferred_contact != how:
		if how == TEXT_MESSAGE:
			return "They have not said they like to keep in touch by text message."
		return "They have not said they like to keep in touch by email."
	if how == TEXT_MESSAGE and not phone:
		return "Add their phone number first."
	if how == EMAIL and not email:
		return "Add their email address first."
	return None
