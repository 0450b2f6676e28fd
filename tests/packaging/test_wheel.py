"""The package as it is shipped: a wheel built from the sdist, installed (not editable) into a
fresh virtual environment, far from the source tree.

It must carry what the kiosk finds through importlib.resources (fonts, compiled translations,
the example settings), and each extra must bring what its program needs and nothing of the
others'. Builds and installs go through uv, whose cache makes the second run fast.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements" / "dev.txt"
RESOURCES = "kiosk/resources/"
SHIPPED = {
    RESOURCES + "fonts/DejaVuSans.ttf",
    RESOURCES + "fonts/DejaVuSans-Bold.ttf",
    RESOURCES + "fonts/DejaVu-LICENSE.txt",
    RESOURCES + "translations/kiosk_es.qm",
    RESOURCES + "translations/kiosk_en.qm",
    RESOURCES + "kiosk.example.toml",
}
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # what QTranslator checks first
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")  # fmt: skip


def uv() -> str:
    found = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    assert found, "uv is in the dev extra: run scripts/setup"
    return found


def run(
    *args: str | Path, cwd: Path, timeout: float = 300, expect: int = 0
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "QT_QPA_PLATFORM": "offscreen"}
    for name in ("KIOSK_CONFIG", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(name, None)
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == expect, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it in an isolated build environment."""
    out = tmp_path_factory.mktemp("dist")
    run(uv(), "build", "--quiet", "--out-dir", out, REPO, cwd=out)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("turnero_kiosk-*.whl")
    return found


def fresh_install(wheel: Path, extras: str, where: Path) -> Path:
    """A new virtual environment with the wheel and the extras, at the locked versions."""
    venv = where / f"venv-{extras.replace(',', '-')}"
    run(uv(), "venv", "--quiet", "--python", sys.executable, venv, cwd=where)
    python = venv / "bin" / "python"
    run(uv(), "pip", "install", "--quiet", "--python", python, "--constraints", LOCK,
        f"{wheel}[{extras}]", cwd=where)  # fmt: skip
    return python


def import_all(python: Path, package: str, where: Path, *skip: str) -> tuple[Path, int]:
    """Import every module of the installed `package` but `skip` and the `__main__`s.

    Returns the package's __init__ file and how many modules were imported.
    """
    script = (
        "import importlib, pkgutil, sys\n"
        f"import {package} as top\n"
        "skip = sys.argv[1:]\n"
        "names = [m.name for m in pkgutil.walk_packages(top.__path__, top.__name__ + '.')]\n"
        "names = [n for n in names if n not in skip and not n.endswith('.__main__')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(top.__file__)\n"
        "print(len(names))\n"
    )
    top, count = run(python, "-c", script, *skip, cwd=where).stdout.split()
    return Path(top), int(count)


def has_module(python: Path, name: str, where: Path) -> bool:
    script = f"import importlib.util; print(importlib.util.find_spec({name!r}) is not None)"
    return run(python, "-c", script, cwd=where).stdout.strip() == "True"


def test_the_wheel_carries_fonts_compiled_translations_and_the_example_settings(
    wheel: Path,
) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert names >= SHIPPED, SHIPPED - names
        for language in ("es", "en"):
            qm = archive.read(f"{RESOURCES}translations/kiosk_{language}.qm")
            assert qm.startswith(QM_MAGIC)
            assert len(qm) > 10_000  # every string of the kiosk, not an empty catalogue
        metadata = archive.read(
            next(n for n in names if n.endswith(".dist-info/METADATA"))
        ).decode()
    # Build sources and build products stay where they belong.
    assert not [n for n in names if n.endswith(".ts")]
    # Qt's add-ons (the kiosk's spoken guidance, the counter's webcam) come with those two
    # extras only, never with the shared domain or the service.
    addons = [line for line in metadata.splitlines() if "PySide6-Addons" in line]
    assert sorted(line.rsplit("extra == ", 1)[-1] for line in addons) == ['"kiosk"', '"staff"']
    assert "httpx" not in metadata


def test_the_sdist_has_the_translation_sources_and_no_build_products(dist: Path) -> None:
    (sdist,) = dist.glob("turnero_kiosk-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {RESOURCES + "translations/kiosk_es.ts", RESOURCES + "translations/kiosk_en.ts"} <= (
        names
    )
    assert "setup.py" in names
    assert not [n for n in names if n.endswith(".qm")]


@pytest.fixture(scope="module")
def demo_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fresh_install(wheel, "demo", tmp_path_factory.mktemp("demo"))


def test_an_installed_kiosk_tours_in_english(demo_python: Path, tmp_path: Path) -> None:
    kiosk = demo_python.with_name("kiosk")
    site = demo_python.parents[1]
    package_file = run(demo_python, "-c", "import kiosk; print(kiosk.__file__)", cwd=tmp_path)
    assert Path(package_file.stdout.strip()).is_relative_to(site)  # not the source tree

    out = tmp_path / "tour"
    done = run(kiosk, "tour", "--lang", "en", "--out", out, cwd=tmp_path)

    assert done.stdout.splitlines()[0] == "kiosk tour: booking completed (portrait, en)"
    summary = json.loads((out / "summary.json").read_text())
    assert summary["completed"] is True
    assert summary["language"] == "en"
    assert "language switched to en" in (out / "tour.log").read_text()
    # The month on the slip comes from the English catalogue (the source says "diciembre").
    month = dt.datetime.fromisoformat(summary["booking"]["start"]).month
    slip = " ".join(page.extract_text() for page in PdfReader(out / "slip.pdf").pages)
    assert ENGLISH_MONTHS[month - 1] in slip, slip


def test_a_kiosk_install_brings_no_service_and_a_service_install_no_qt(
    wheel: Path, tmp_path: Path
) -> None:
    kiosk = fresh_install(wheel, "kiosk", tmp_path)
    # Every kiosk module imports (kiosk.demo and kiosk.tour import the embedded service only
    # when they start it), with no FastAPI, SQLAlchemy or PostgreSQL driver installed.
    # Only the counter app's QR reading needs its extra (zxing-cpp, pypdfium2).
    top, count = import_all(kiosk, "kiosk", tmp_path, "kiosk.staff.decode", "kiosk.staff.camera")
    assert top.is_relative_to(kiosk.parents[1])
    assert count > 40
    for name in ("fastapi", "sqlalchemy", "psycopg", "uvicorn", "alembic"):
        assert not has_module(kiosk, name, tmp_path), name
    assert has_module(kiosk, "PySide6.QtWidgets", tmp_path)
    assert has_module(kiosk, "PySide6.QtTextToSpeech", tmp_path)  # spoken guidance (Addons)
    # The tour needs the embedded service: a kiosk-only install says what to add, no traceback.
    refused = run(kiosk.with_name("kiosk"), "tour", cwd=tmp_path, expect=2)
    assert "turnero-kiosk[demo]" in refused.stderr
    assert "Traceback" not in refused.stderr

    service = fresh_install(wheel, "service", tmp_path)
    # turnos.migrations.env runs only inside alembic.
    top, count = import_all(service, "turnos", tmp_path, "turnos.migrations.env")
    assert top.is_relative_to(service.parents[1])
    assert count > 20
    for name in ("PySide6", "reportlab", "qasync", "escpos", "psycopg"):
        assert not has_module(service, name, tmp_path), name
    run(service.with_name("turnos"), "--help", cwd=tmp_path)
