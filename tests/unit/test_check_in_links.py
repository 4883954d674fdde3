from datetime import datetime, timedelta

import pytest

from pts_coaching import check_in_links as links

SENT = datetime(2026, 3, 2, 9, 30)


def test_a_token_has_256_random_bits_and_only_its_hash_is_kept():
	token = links.new_token()
	assert len(token) >= 43 and token != links.new_token()
	assert links.hash_of(token) == links.hash_of(token)
	assert len(links.hash_of(token)) == 64 and token not in links.hash_of(token)


def test_a_link_lasts_the_days_set_and_works_once_unless_withdrawn():
	ends = links.expires_on(SENT, 7)
	assert ends == SENT + timedelta(days=7)
	assert links.may_be_answered(SENT, ends)
	assert links.may_be_answered(ends - timedelta(seconds=1), ends)
	assert not links.may_be_answered(ends, ends)
	assert not links.may_be_answered(SENT, ends, answered_on=SENT)
	assert not links.may_be_answered(SENT, ends, withdrawn_on=SENT)


@pytest.mark.parametrize(
	"how,preferred,phone,email,goes",
	[
		("Text message", "Text message", "07700 900123", None, True),
		("Text message", "Text message", None, None, False),
		("Text message", "Email", "07700 900123", "a@example.org", False),
		("Text message", None, "07700 900123", None, False),
		("Email", "Email", None, "a@example.org", True),
		("Email", "Email", "07700 900123", None, False),
		("Email", "Text message", None, "a@example.org", False),
		("Copied", "Text message", None, None, True),
		("Copied", "Email", None, None, True),
		("Copied", "In person", "07700 900123", "a@example.org", False),
		("Copied", "Call", "07700 900123", None, False),
		("Pigeon", "Text message", "07700 900123", None, False),
	],
)
def test_a_link_goes_only_the_way_they_like_to_keep_in_touch(how, preferred, phone, email, goes):
	why_not = links.why_it_cannot_go(how, preferred, phone, email)
	assert (why_not is None) == goes, why_not
	if not goes:
		assert why_not.endswith(".")
