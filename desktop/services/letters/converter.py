"""One LibreOffice kept running for the session, so that a preview, print or PDF after the first
takes a fraction of a second instead of a LibreOffice start (benchmarks: letter_pdf).

unoserver's server (unoserver_main.py), run by a Python that can `import uno`, converts over
XML-RPC on 127.0.0.1, with its own temporary LibreOffice profile so it never meets the user's
open LibreOffice. Started on the first conversion, started again when it has died; when it
cannot be had, convert() says so with None and pdf.py converts the old way, one LibreOffice run
per letter. Stopped at exit, with every process it started.
"""
import atexit
import http.client
import importlib.util
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xmlrpc.client
from pathlib import Path

log = logging.getLogger(__name__)

START_TIMEOUT_S = 60  # a first LibreOffice start on a slow office PC, antivirus and all
MAX_FAILED_STARTS = 2  # then this session converts the old way
MAIN = Path(__file__).with_name("unoserver_main.py")

_lock = threading.Lock()  # conversions come from worker threads; one at a time
_server = None
_failed_starts = 0
_uno_pythons: dict[str, str | None] = {}


def _imports_uno(python: str) -> bool:
    try:
        check = "import sys, uno; sys.exit(sys.version_info < (3, 8))"  # unoserver's least
        return subprocess.run([python, "-c", check], capture_output=True, timeout=30,
                              stdin=subprocess.DEVNULL, **_hidden()).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def find_uno_python(soffice: str) -> str | None:
    """A Python that can `import uno` for this LibreOffice: the one LibreOffice's own builds
    carry next to soffice (Windows, macOS, the Linux builds from libreoffice.org), else the
    system's where a distribution packages uno for it (Debian's python3-uno)."""
    if soffice not in _uno_pythons:
        program = Path(os.path.realpath(soffice)).parent
        candidates = [program / "python.exe", program / "python",
                      program.parent / "Resources" / "python"]
        if sys.platform.startswith("linux"):  # macOS's /usr/bin/python3 may ask for Xcode
            candidates.append(Path("/usr/bin/python3"))
        _uno_pythons[soffice] = next((str(c) for c in candidates
                                      if c.is_file() and _imports_uno(str(c))), None)
    return _uno_pythons[soffice]


def _unoserver_folder() -> str | None:
    """The folder that holds the unoserver package (pure Python), for the uno Python's path."""
    spec = importlib.util.find_spec("unoserver")
    if spec is None or not spec.submodule_search_locations:
        return None
    return str(Path(list(spec.submodule_search_locations)[0]).parent)


def _hidden() -> dict:
    """No console window for a child on Windows."""
    return {"creationflags": subprocess.CREATE_NO_WINDOW} if sys.platform == "win32" else {}


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class _Transport(xmlrpc.client.Transport):
    def __init__(self, timeout: float):
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = self.timeout
        return connection


class _Server:
    def __init__(self, process: subprocess.Popen, port: int, folder: str, timeout: int):
        self.process, self.port, self.folder, self.timeout = process, port, folder, timeout

    def alive(self) -> bool:
        return self.process.poll() is None

    def _proxy(self, timeout: float):
        return xmlrpc.client.ServerProxy(f"http://127.0.0.1:{self.port}", allow_none=True,
                                         transport=_Transport(timeout))

    def wait_ready(self, limit: float) -> bool:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline and self.alive():
            try:
                with self._proxy(5) as proxy:
                    proxy.system.listMethods()
                return True
            except (OSError, xmlrpc.client.Error, http.client.HTTPException):
                time.sleep(0.05)
        return False

    def convert(self, docx: bytes) -> bytes:
        # unoserver's XML-RPC convert(inpath, indata, outpath, convert_to, filtername,
        # filter_options, update_index, infiltername, password). Called directly, not through
        # unoserver.client, whose handshake before each call waits 10 s a try for a dead server.
        # No index update: a letter has none, and soffice --convert-to does not update them.
        with self._proxy(self.timeout + 15) as proxy:
            result = proxy.convert(None, xmlrpc.client.Binary(docx), None, "pdf", None, [],
                                   False, None, None)
        return result.data

    def stop(self) -> None:
        """Asks it to end LibreOffice and go (its stdin closes), then ends what is left."""
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            pass
        if sys.platform == "win32":
            if self.alive():
                subprocess.run(["taskkill", "/F", "/T", "/PID", str(self.process.pid)],
                               capture_output=True, stdin=subprocess.DEVNULL, **_hidden())
        else:
            try:  # its own process group: the Python, soffice and soffice.bin
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def _start(soffice: str, timeout: int) -> "_Server | None":
    global _server, _failed_starts
    if _failed_starts >= MAX_FAILED_STARTS:
        return None
    python, folder = find_uno_python(soffice), _unoserver_folder()
    if python is None or folder is None or not MAIN.is_file():  # a frozen build: no sources
        return None
    profile = tempfile.mkdtemp(prefix="pelita-libreoffice-")
    port, uno_port = _free_ports(2)
    command = [python, str(MAIN), "--lib", folder, "--soffice", soffice, "--port", str(port),
               "--uno-port", str(uno_port), "--folder", profile,
               "--timeout", str(timeout), "--start-timeout", str(START_TIMEOUT_S)]
    if sys.platform == "win32":
        group = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP
                 | subprocess.CREATE_NO_WINDOW}
    else:
        group = {"start_new_session": True}
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, **group)
    except OSError as exc:
        log.warning("LibreOffice converter could not be started (%s): %s", python, exc)
        _failed_starts += 1
        shutil.rmtree(profile, ignore_errors=True)
        return None
    server = _Server(process, port, profile, timeout)
    if not server.wait_ready(START_TIMEOUT_S):
        log.warning("LibreOffice converter did not start within %s s", START_TIMEOUT_S)
        server.stop()
        _failed_starts += 1
        return None
    _server, _failed_starts = server, 0
    return server


def _died(server: _Server, grace: float = 1.0) -> bool:
    try:
        server.process.wait(grace)
        return True
    except subprocess.TimeoutExpired:
        return False


def convert(soffice: str, docx: bytes, timeout: int) -> bytes | None:
    """`docx` as PDF by the session's LibreOffice, started if it is not running, started again
    (once) if it dies on the way. None when it cannot be had or could not convert this
    document: then the caller converts the old way, which also says why a document fails.
    Raises TimeoutError when LibreOffice took more than `timeout` seconds over it."""
    with _lock:
        for _ in range(2):
            server = _server if _server is not None and _server.alive() else None
            if server is None:
                _discard()
                server = _start(soffice, timeout)
                if server is None:
                    return None
            try:
                return server.convert(docx)
            except TimeoutError:  # socket timeout: hung; unoserver's own timeout is a Fault
                _discard()
                raise
            except xmlrpc.client.Fault as fault:
                if "TimeoutError" in fault.faultString:  # it ends LibreOffice after one
                    _discard()
                    raise TimeoutError(fault.faultString) from None
                if not _died(server):
                    log.warning("LibreOffice converter refused a document: %s",
                                fault.faultString)
                    return None
            except (OSError, xmlrpc.client.Error, http.client.HTTPException) as exc:
                log.warning("LibreOffice converter failed, starting it again: %s", exc)
            _discard()
        return None


def _discard() -> None:
    global _server
    server, _server = _server, None
    if server is not None:
        server.stop()


def running_pid() -> int | None:
    """The process id of the running converter (its Python), if one runs."""
    server = _server
    return server.process.pid if server is not None and server.alive() else None


def shutdown() -> None:
    """Stops the converter and forgets failed starts; the next conversion starts it anew."""
    global _failed_starts
    got = _lock.acquire(timeout=5)  # at exit a worker may still be converting: stop anyway
    try:
        _discard()
        _failed_starts = 0
    finally:
        if got:
            _lock.release()


atexit.register(shutdown)
