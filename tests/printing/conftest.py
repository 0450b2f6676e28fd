"""Real collaborators for the printing tests: a private CUPS server and a TCP ESC/POS printer
(tests/helpers/escpos_loopback.py)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers.escpos_loopback import FakeEscposPrinter, escpos_printer  # noqa: F401

PDF_QUEUE = "SLIP_PDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(condition: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> None:
    """Poll a condition; the short pause only paces the polling, it synchronises nothing."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


@dataclass
class CupsServer:
    server: str  # host:port for CUPS_SERVER
    root: Path
    out_dir: Path
    env: dict[str, str] = field(default_factory=dict)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=30)

    def add_pdf_queue(self, name: str, output: Path) -> None:
        """A queue whose device is a file and whose driver outputs PDF at the job's PageSize.

        The file is made empty beforehand: since Debian's CUPS 2.4.2-3+deb12u10 the scheduler
        writes a `file:` device only into a file that exists ("could not open the output
        file" otherwise)."""
        output.touch()
        output.chmod(0o666)
        done = self.run("lpadmin", "-p", name, "-E", "-v", f"file://{output}", "-P", str(self.ppd))
        assert done.returncode == 0, done.stderr

    @property
    def ppd(self) -> Path:
        return self.root / "pdf-out.ppd"


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    """A private cupsd: own ServerRoot, spool and logs in a temp dir, on a free loopback port."""
    cupsd = shutil.which("cupsd") or (
        "/usr/sbin/cupsd" if Path("/usr/sbin/cupsd").exists() else None
    )
    if cupsd is None or shutil.which("lpadmin") is None or not PPD.exists():
        missing = "CUPS (cups, cups-client, printer-driver-cups-pdf) is not installed"
        if os.environ.get("CI"):  # scripts/setup installs it: in CI a skip would hide a gap
            pytest.fail(missing)
        pytest.skip(missing)
    # Not under pytest's tmp_path: its root is 0700, and CUPS filters run as user lp, which
    # must reach the PPD and the output folder.
    base = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
    base.chmod(0o755)
    dirs = {name: base / name for name in ("root", "state", "cache", "spool", "tmp", "log", "out")}
    for path in dirs.values():
        path.mkdir()
        path.chmod(0o755)
    dirs["tmp"].chmod(0o1777)
    dirs["out"].chmod(0o777)
    port = free_port()
    (dirs["root"] / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\nLogLevel info\nDefaultAuthType None\nBrowsing No\n"
        "WebInterface No\n<Location />\n  Order allow,deny\n  Allow from 127.0.0.1\n</Location>\n"
    )
    (dirs["root"] / "cups-files.conf").write_text(
        f"ServerRoot {dirs['root']}\nStateDir {dirs['state']}\nCacheDir {dirs['cache']}\n"
        f"RequestRoot {dirs['spool']}\nTempDir {dirs['tmp']}\nPrintcap {base / 'printcap'}\n"
        f"ErrorLog {dirs['log'] / 'error_log'}\nAccessLog {dirs['log'] / 'access_log'}\n"
        f"PageLog {dirs['log'] / 'page_log'}\nFileDevice Yes\nUser lp\nGroup lp\n"
    )
    for name in ("raw.types", "raw.convs"):
        if Path("/etc/cups", name).exists():
            shutil.copy(Path("/etc/cups", name), dirs["root"] / name)
    # The cups-pdf PPD accepts any custom page size; declaring PDF as its input makes CUPS
    # run only pdftopdf, so the file written is a PDF at the requested PageSize.
    ppd_text = PPD.read_text(encoding="latin-1")
    marker = "*TTRasterizer:"
    ppd_text = ppd_text.replace(marker, '*cupsFilter: "application/vnd.cups-pdf 0 -"\n' + marker, 1)
    (dirs["root"] / "pdf-out.ppd").write_text(ppd_text, encoding="latin-1")
    stderr_log = (dirs["log"] / "stderr").open("wb")
    proc = subprocess.Popen(
        [
            cupsd,
            "-f",
            "-c",
            str(dirs["root"] / "cupsd.conf"),
            "-s",
            str(dirs["root"] / "cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=stderr_log,
    )
    env = dict(os.environ, CUPS_SERVER=f"127.0.0.1:{port}", LC_ALL="C", LANG="C")
    server = CupsServer(f"127.0.0.1:{port}", dirs["root"], dirs["out"], env)

    def answers() -> bool:
        if proc.poll() is not None:
            err = (dirs["log"] / "stderr").read_text(errors="replace")
            pytest.fail(f"cupsd exited with {proc.returncode}: {err}")
        return server.run("lpstat", "-r").stdout.strip() == "scheduler is running"

    try:
        wait_for(answers, what="cupsd to answer")
        yield server
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        stderr_log.close()
        shutil.rmtree(base, ignore_errors=True)
