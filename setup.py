"""Build hook: compile the translations (.ts → .qm) into the package while it is built.

Everything else is declared in pyproject.toml. The .qm catalogues are build products, never
committed: a wheel gets them from here, an editable install from here or from
scripts/build-translations. A build without PySide6's lrelease fails, because a kiosk
without its catalogues cannot speak English (PySide6-Essentials is in build-system.requires).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("kiosk", "resources", "translations")

# pyside6-lrelease, run from the build environment's PySide6 whatever its scripts folder.
LRELEASE = (
    "import sys; from PySide6.scripts.pyside_tool import lrelease; "
    "sys.argv[0] = 'pyside6-lrelease'; lrelease()"
)


def compile_translations(sources: Path, target: Path) -> list[Path]:
    """Compile every sources/kiosk_*.ts into target/kiosk_*.qm; return the .qm written."""
    written = []
    target.mkdir(parents=True, exist_ok=True)
    for ts in sorted(sources.glob("kiosk_*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run(
            [sys.executable, "-c", LRELEASE, "-silent", str(ts), "-qm", str(qm)], check=True
        )
        if not qm.is_file():
            raise RuntimeError(f"lrelease wrote no {qm}")
        written.append(qm)
    if not written:
        raise RuntimeError(f"no kiosk_*.ts in {sources}")
    return written


class BuildPyWithTranslations(build_py):
    """build_py, then the .qm into the built package (into the source tree when editable)."""

    def run(self) -> None:
        super().run()
        sources = Path(__file__).resolve().parent / TRANSLATIONS
        target = sources if self.editable_mode else Path(self.build_lib) / TRANSLATIONS
        self.announce(f"compiling translations into {target}", level=2)
        compile_translations(sources, target)


setup(cmdclass={"build_py": BuildPyWithTranslations})
