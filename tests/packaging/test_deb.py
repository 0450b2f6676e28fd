"""The Debian package as a technician installs it (installer/build-deb): its files, control
data and maintainer scripts, lintian, the frozen bundle run from an extracted copy (far from
the source tree and the virtual environment), and the roll-back after an upgrade that does
not start, in a scratch root without systemd.

The package is built once per session with fast compression, unless KIOSK_DEB names one
already built (scripts/test's "package" stage builds it first and hands it over).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import stat
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk.printing.paper import Paper
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip
from tests.service.helpers import Api
from turnos.embedded import EmbeddedService, start_embedded

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"
PACKAGE, VERSION = "turnero-kiosk", "0.1.0"
OPT = f"opt/turnero-kiosk/{VERSION}"
RESOURCES = f"{OPT}/_internal/kiosk/resources"
SCRIPTS = ("preinst", "postinst", "prerm", "postrm")


def run(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 300, cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def bundle_env(home: Path) -> dict[str, str]:
    """What a kiosk's environment has: no virtual environment, no source tree on the path."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home),
    }
    return env


@pytest.fixture(scope="session")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KIOSK_DEB")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("deb")
    done = run(
        INSTALLER / "build-deb",
        env={**os.environ, "BUILD_DEB_COMPRESSION": "fast", "BUILD_DEB_OUT": str(out)},
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (found,) = out.glob("*.deb")
    return found


@pytest.fixture(scope="session")
def members(deb: Path) -> dict[str, tarfile.TarInfo]:
    """The data archive's entries by path (without the leading ./)."""
    with subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE) as p:
        assert p.stdout is not None
        with tarfile.open(fileobj=p.stdout, mode="r|") as tar:
            found = {m.name.removeprefix("./").rstrip("/"): m for m in tar}
    return found


@pytest.fixture(scope="session")
def control(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("control") / "DEBIAN"
    done = run("dpkg-deb", "--control", deb, folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="session")
def installed(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package unpacked into a scratch root, `current` set as the postinst sets it."""
    root = tmp_path_factory.mktemp("root")
    done = run("dpkg-deb", "-x", deb, root)
    assert done.returncode == 0, done.stderr
    (root / "opt/turnero-kiosk/current").symlink_to(VERSION)
    return root


def kiosk(installed: Path) -> Path:
    return installed / "opt/turnero-kiosk/current/kiosk"


# -- what is in the package ------------------------------------------------------------------


def test_the_file_name_and_the_control_fields(deb: Path) -> None:
    arch = run("dpkg", "--print-architecture").stdout.strip()
    assert deb.name == f"{PACKAGE}_{VERSION}_{arch}.deb"
    fields = {
        name: run("dpkg-deb", "--field", deb, name).stdout.strip()
        for name in ("Package", "Version", "Architecture", "Depends", "Installed-Size")
    }
    assert fields["Package"] == PACKAGE
    assert fields["Version"] == VERSION
    depends = {d.strip().split(" ")[0] for d in fields["Depends"].replace("|", ",").split(",")}
    for needed in ("cage", "cups-client", "adduser", "systemd-timesyncd", "libegl1",
                   "libxkbcommon0", "libfontconfig1", "libwayland-client0"):  # fmt: skip
        assert needed in depends, needed
    assert int(fields["Installed-Size"]) > 50_000


def test_the_layout(members: dict[str, tarfile.TarInfo]) -> None:
    for path in (
        f"{OPT}/kiosk",
        f"{RESOURCES}/fonts/DejaVuSans.ttf",
        f"{RESOURCES}/fonts/DejaVuSans-Bold.ttf",
        f"{RESOURCES}/translations/kiosk_es.qm",
        f"{RESOURCES}/translations/kiosk_en.qm",
        f"{RESOURCES}/kiosk.example.toml",
        f"{OPT}/_internal/turnos/migrations/env.py",
        "etc/turnero-kiosk/kiosk.toml",
        "lib/systemd/system/kiosk.service",
        "usr/share/applications/turnero-staff.desktop",
        "usr/lib/turnero-kiosk/kiosk-rollback",
        f"usr/share/doc/{PACKAGE}/copyright",
        f"usr/share/lintian/overrides/{PACKAGE}",
    ):
        assert path in members, path
    link = members["usr/bin/kiosk"]
    assert link.issym()
    assert link.linkname == "/opt/turnero-kiosk/current/kiosk"
    # `current` and kiosk.d are the maintainer scripts' and provisioning's, never the package's
    assert "opt/turnero-kiosk/current" not in members
    assert [p for p in members if p.startswith("etc/turnero-kiosk/kiosk.d")] == []
    etc = {p for p in members if p.startswith("etc/")}
    assert etc == {"etc/turnero-kiosk", "etc/turnero-kiosk/kiosk.toml"}
    # only the Qt the kiosk uses: no QML, Quick, WebEngine, 3D, virtual keyboard, GTK theme
    unwanted = ("Qt6Quick", "Qt6Qml", "WebEngine", "Qt63D", "VirtualKeyboard", "libqgtk3")
    assert [p for p in members if any(u in p for u in unwanted)] == []
    assert not [p for p in members if p.endswith(".ts")]
    qt_translations = [p for p in members if "/PySide6/Qt/translations/" in p]
    assert qt_translations
    assert all(p.endswith(("_es.qm", "_en.qm")) for p in qt_translations)


def test_modes_and_owners(members: dict[str, tarfile.TarInfo]) -> None:
    for path, member in members.items():
        assert (member.uname, member.gname) == ("root", "root"), path
        if member.issym():
            continue
        assert not member.mode & (stat.S_IWGRP | stat.S_IWOTH), path
        if member.isdir():
            assert member.mode == 0o755, path
    for executable in (f"{OPT}/kiosk", "usr/lib/turnero-kiosk/kiosk-rollback"):
        assert members[executable].mode == 0o755, executable
    for plain in ("etc/turnero-kiosk/kiosk.toml", "lib/systemd/system/kiosk.service"):
        assert members[plain].mode == 0o644, plain


def test_the_conffile_and_the_maintainer_scripts(control: Path) -> None:
    assert (control / "conffiles").read_text().split() == ["/etc/turnero-kiosk/kiosk.toml"]
    for name in SCRIPTS:
        script = control / name
        assert script.stat().st_mode & 0o777 == 0o755, name
        text = script.read_text()
        assert text.startswith("#!/bin/sh\n"), name
        assert "@VERSION@" not in text, name
        done = run("sh", "-n", script)
        assert done.returncode == 0, f"{name}: {done.stderr}"
    postinst = (control / "postinst").read_text()
    assert f'VERSION="{VERSION}"' in postinst
    for needed in ("kiosk.d", "ctrl-alt-del.target", "video", "input", "render", "lp"):
        assert needed in postinst


def test_the_shipped_files_are_the_sources(installed: Path) -> None:
    pairs = {
        "usr/lib/turnero-kiosk/kiosk-rollback": INSTALLER / "debian/kiosk-rollback",
        "lib/systemd/system/kiosk.service": INSTALLER / "systemd/kiosk.service",
        "usr/share/applications/turnero-staff.desktop": INSTALLER / "desktop/turnero-staff.desktop",
        "etc/turnero-kiosk/kiosk.toml": REPO / "kiosk/resources/kiosk.example.toml",
    }
    for shipped, source in pairs.items():
        assert (installed / shipped).read_bytes() == source.read_bytes(), shipped


def unit_settings(text: str) -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in text.splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def test_the_locked_session_unit() -> None:
    unit = unit_settings((INSTALLER / "systemd/kiosk.service").read_text())
    (exec_start,) = unit["ExecStart"]
    command = exec_start.split()
    assert command[0] == "/usr/bin/cage"
    # cage allows switching VTs only with -s: without it Ctrl+Alt+Fn stays on the kiosk
    assert "-s" not in command[: command.index("--")]
    assert command[command.index("--") + 1 :] == [
        "/usr/bin/kiosk", "--config", "/etc/turnero-kiosk/kiosk.toml"
    ]  # fmt: skip
    expected = {
        "User": "kiosk",
        "TTYPath": "/dev/tty1",
        "PAMName": "login",
        "Type": "notify",
        "NotifyAccess": "all",
        "WatchdogSec": "30",
        "Restart": "always",
        "Conflicts": "getty@tty1.service",
    }
    for key, value in expected.items():
        assert unit[key] == [value], key
    if shutil.which("systemd-analyze"):
        done = run("systemd-analyze", "verify", INSTALLER / "systemd/kiosk.service")
        # cage is not installed on a build machine; anything else would be a real problem
        problems = [
            line for line in done.stderr.splitlines() if "/usr/bin/cage" not in line and line
        ]
        assert problems == [], done.stderr


def test_the_counter_app_desktop_entry() -> None:
    path = INSTALLER / "desktop/turnero-staff.desktop"
    assert "Exec=kiosk staff\n" in path.read_text()
    if shutil.which("desktop-file-validate"):
        done = run("desktop-file-validate", path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert not done.stdout.strip(), done.stdout


@pytest.mark.skipif(not shutil.which("lintian"), reason="lintian is in scripts/setup's list")
def test_lintian_finds_no_errors_or_warnings(deb: Path) -> None:
    done = run("lintian", "--tag-display-limit", "0", deb, timeout=600)
    tags = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert tags == [], done.stdout
    assert done.returncode == 0, done.stdout + done.stderr


# -- the bundle, run from the unpacked package -------------------------------------------------


def test_version_from_the_bundle(installed: Path, tmp_path: Path) -> None:
    done = run(kiosk(installed), "--version", env=bundle_env(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"kiosk {VERSION}"


def test_the_tour_from_the_bundle(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "tour"
    done = run(
        kiosk(installed), "tour", "--lang", "en", "--out", out,
        env=bundle_env(tmp_path), cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary, summary
    shots = sorted(p.name for p in out.glob("*.png"))
    assert "01-welcome.png" in shots
    assert len(shots) >= 10, shots
    assert (out / "slip.pdf").read_bytes().startswith(b"%PDF")
    # the translations and fonts came from the bundle, not from the source tree
    assert "booking completed" in done.stdout


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    svc = start_embedded(tmp_path_factory.mktemp("deb-verify"), demo=True)
    try:
        yield svc
    finally:
        svc.stop()


def test_staff_verify_from_the_bundle(
    installed: Path, service: EmbeddedService, tmp_path: Path
) -> None:
    api = Api(service.url, service.credentials, service.outbox)
    citizen = api.verified_citizen()
    booked: dict[str, Any] = api.booked(citizen, api.find_slot(agency=241)["id"])
    keys = tmp_path / "keys.json"
    keys.write_text(requests.get(service.url + "/v1/keys", timeout=10).text)
    env = bundle_env(tmp_path)
    done = run(
        kiosk(installed), "staff", "verify", booked["token"], "--keys", keys, "--json",
        env=env, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    answer = json.loads(done.stdout)
    assert answer["result"] == "valid"
    assert answer["claims"]["turn_code"] == booked["booking"]["code"]
    # from the slip's PDF: pypdfium2 and zxing-cpp in the bundle (which leaves NumPy out)
    slip = tmp_path / "slip.pdf"
    slip.write_bytes(
        render_slip(dataclasses.replace(sample_slip(), token=booked["token"]), Paper.ROLL_80)
    )
    done = run(kiosk(installed), "staff", "verify", slip, "--keys", keys, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    forged = booked["token"][:-1] + ("A" if booked["token"][-1] != "A" else "B")
    done = run(kiosk(installed), "staff", "verify", forged, "--keys", keys, env=env, cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr


# -- roll-back after an upgrade, in a scratch root (no systemd, no dpkg) -----------------------


def fake_version(base: Path, name: str, body: str) -> None:
    folder = base / name
    folder.mkdir(parents=True)
    program = folder / "kiosk"
    program.write_text(f"#!/bin/sh\n{body}\n")
    program.chmod(0o755)
    (folder / "marker").write_text(name)


def preinst(tmp_path: Path, new_version: str) -> Path:
    script = tmp_path / "preinst"
    text = (INSTALLER / "debian/preinst").read_text().replace("@VERSION@", new_version)
    script.write_text(text)
    script.chmod(0o755)
    return script


def rollback(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    check = root / "opt/turnero-kiosk/current/kiosk"
    return run(
        INSTALLER / "debian/kiosk-rollback", "--root", root, *args, "--", check, "--version",
        env={"PATH": "/usr/bin:/bin"}, timeout=60,
    )  # fmt: skip


def upgrade(tmp_path: Path, new_body: str) -> tuple[Path, Path]:
    """1.0 running, then what dpkg does for 2.0: preinst keeps 1.0, the files swap."""
    root = tmp_path / "root"
    base = root / "opt/turnero-kiosk"
    fake_version(base, "1.0", 'echo "kiosk 1.0"')
    (base / "current").symlink_to("1.0")
    done = run(preinst(tmp_path, "2.0"), "upgrade", "1.0", env={"DPKG_ROOT": str(root)})
    assert done.returncode == 0, done.stderr
    assert os.readlink(base / "previous") == "kept/1.0"
    # the kept copy shares the files (hard links), so dpkg removing 1.0 leaves it whole
    assert (base / "kept/1.0/kiosk").stat().st_ino == (base / "1.0/kiosk").stat().st_ino
    shutil.rmtree(base / "1.0")
    fake_version(base, "2.0", new_body)
    return root, base


def test_an_upgrade_that_fails_goes_back(tmp_path: Path) -> None:
    root, base = upgrade(tmp_path, 'echo "boom" >&2; exit 1')
    done = rollback(root, "--switch-to", "2.0")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "kiosk 2.0 failed its check (status 1); went back to 1.0" in done.stderr
    assert os.readlink(base / "current") == "kept/1.0"
    assert (base / "current/marker").read_text() == "1.0"
    assert run(base / "current/kiosk").stdout == "kiosk 1.0\n"


def test_an_upgrade_that_hangs_goes_back(tmp_path: Path) -> None:
    root, base = upgrade(tmp_path, "sleep 30")
    done = rollback(root, "--timeout", "1", "--switch-to", "2.0")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "status 124" in done.stderr  # timeout's
    assert os.readlink(base / "current") == "kept/1.0"


def test_an_upgrade_that_starts_is_kept(tmp_path: Path) -> None:
    root, base = upgrade(tmp_path, 'echo "kiosk 2.0"')
    done = rollback(root, "--switch-to", "2.0")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kiosk 2.0 starts; keeping it" in done.stdout
    assert os.readlink(base / "current") == "2.0"
    # and the next upgrade keeps 2.0 in place of 1.0
    done = run(preinst(tmp_path, "3.0"), "upgrade", "2.0", env={"DPKG_ROOT": str(root)})
    assert done.returncode == 0, done.stderr
    assert os.readlink(base / "previous") == "kept/2.0"
    assert sorted(p.name for p in (base / "kept").iterdir()) == ["2.0"]


def test_a_failure_with_nothing_to_go_back_to(tmp_path: Path) -> None:
    root = tmp_path / "root"
    base = root / "opt/turnero-kiosk"
    fake_version(base, "1.0", "exit 3")
    done = preinst(tmp_path, "1.0")
    assert run(done, "install", env={"DPKG_ROOT": str(root)}).returncode == 0
    result = rollback(root, "--switch-to", "1.0")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "no previous version" in result.stderr
    assert os.readlink(base / "current") == "1.0"
    assert run(INSTALLER / "debian/kiosk-rollback", "--root", root).returncode == 3
