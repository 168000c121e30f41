"""Package discovery: the code lives under app/, the data beside it in resources/ and locales/.

Both data folders are installed as ``waystation.resources`` and ``waystation.locales`` so that one
resolver (``waystation.resources_path``) finds them in a checkout, an installed package and a
frozen bundle alike.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages("app"), "waystation.resources", "waystation.locales"])
