"""Files the kiosk ships inside its package: fonts, translations, the example settings.

Found through importlib.resources, so they are where the code is in every kind of install:
a clone, `pip install -e .`, a wheel in site-packages, a frozen bundle. The compiled
translations (translations/kiosk_*.qm) are build products: the wheel build compiles them
(setup.py), and `scripts/build-translations` writes them here for an editable install.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A real file-system path to a bundled file or folder (Qt and reportlab open paths).

    Raises RuntimeError when the package is not on a file system (e.g. inside a zip), where
    no path could be handed to Qt.
    """
    found = files(__name__).joinpath(*parts)
    if not isinstance(found, Path):
        raise RuntimeError(f"kiosk resources are not on a file system: {found}")
    return found


def fonts_dir() -> Path:
    """The bundled DejaVu Sans fonts (regular and bold) and their licence."""
    return resource_path("fonts")


def translations_dir() -> Path:
    """The translation sources (kiosk_*.ts) and their compiled catalogues (kiosk_*.qm)."""
    return resource_path("translations")


def example_config() -> Path:
    """kiosk.example.toml: every setting, documented."""
    return resource_path("kiosk.example.toml")
