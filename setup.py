"""Package discovery: the code lives under app/, the data beside it in resources/ and locales/.

Both data folders are installed as ``waystation.resources`` and ``waystation.locales`` so that one
resolver (``waystation.resources_path``) finds them in a checkout, an installed package and a
frozen bundle alike. Every sub-folder of the data is listed as a (namespace) package of its own:
setuptools otherwise warns, once per folder, that data it is about to install is "absent from the
packages configuration".
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent


def data_packages(folder: str, package: str) -> list[str]:
    root = HERE / folder
    found = [package]
    for sub in sorted(p for p in root.rglob("*") if p.is_dir() and not p.name.startswith((".", "__"))):
        found.append(".".join([package, *sub.relative_to(root).parts]))
    return found


setup(
    packages=[
        *find_packages("app"),
        *data_packages("resources", "waystation.resources"),
        *data_packages("locales", "waystation.locales"),
    ]
)
