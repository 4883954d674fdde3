"""Spreadsheets that are the same file every time they are made from the same figures.

An xlsx file is a zip of XML parts. openpyxl stamps the time it saved into the workbook's properties,
and zip stamps each part with it too, so the same claim made twice would differ by its timestamps
alone. Here both are set to a time the caller chooses, such as the last day the claim covers.
"""

import io
import re
import zipfile
from datetime import datetime

CORE_PROPERTIES = "docProps/core.xml"
STAMPS = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def fixed_in_time(xlsx: bytes, when: datetime) -> bytes:
	stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
	fixed = io.BytesIO()
	with zipfile.ZipFile(io.BytesIO(xlsx)) as made, zipfile.ZipFile(fixed, "w") as out:
		for part in made.infolist():
			content = made.read(part.filename)
			if part.filename == CORE_PROPERTIES:
				content = STAMPS.sub(rf"\g<1>{stamp}\g<2>", content.decode()).encode()
			info = zipfile.ZipInfo(part.filename, date_time=when.timetuple()[:6])
			info.compress_type = zipfile.ZIP_DEFLATED
			info.external_attr = part.external_attr
			out.writestr(info, content)
	return fixed.getvalue()
