import re
from pathlib import Path

from setuptools import find_packages, setup

version = re.search(r'__version__ = "(.+)"', Path("pts_coaching/__init__.py").read_text()).group(1)

setup(
	name="pts_coaching",
	version=version,
	description="Person-led, transitional, strengths-based coaching for Frappe",
	author="pts_coaching contributors",
	license="MIT",
	packages=find_packages(include=["pts_coaching", "pts_coaching.*"]),
	include_package_data=True,
	zip_safe=False,
	python_requires=">=3.10",
	# frappe is not listed: the PyPI package of that name is not Frappe. bench reads the Frappe
	# range from [tool.bench.frappe-dependencies] in pyproject.toml.
	# pandas 3 needs a newer python-dateutil than Frappe v15 pins. nh3 cleans rich text as it is shown.
	install_requires=["pandas>=2,<3", "nh3>=0.2.14"],
	extras_require={"test": ["pytest>=8", "freezegun", "aiosmtpd"], "browser": ["playwright>=1.40"]},
)
