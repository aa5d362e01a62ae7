"""The wheel's package list; setup.cfg holds everything else.

``resources/`` stays a top-level folder of the repository and ships inside the package as
``wawaran_desktop/resources/`` (package data of a package mapped onto that folder), where
:func:`wawaran_desktop.paths.resource_root` finds it once installed. setup.cfg alone cannot
say this: its ``packages = find:`` cannot be combined with a package that has no folder of
its own under ``wawaran_desktop/``.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["wawaran_desktop", "wawaran_desktop.*"]), "wawaran_desktop.resources"],
    package_dir={"wawaran_desktop.resources": "resources"},
    package_data={"wawaran_desktop.resources": ["**/*"]},
)
