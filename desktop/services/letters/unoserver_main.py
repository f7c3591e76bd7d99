"""The session's LibreOffice converter, as run by a Python that can `import uno` (Debian's
/usr/bin/python3 with python3-uno, or the python next to soffice in LibreOffice's own builds),
never by Pelita's interpreter: converter.py starts it as a script.

unoserver's XML-RPC server (its `convert` call, conversion timeout and temporary files) over a
LibreOffice listening on a UNO socket. Started here rather than through unoserver's main(),
whose start waits a fixed 7 seconds: this one serves as soon as LibreOffice accepts. It ends
with LibreOffice, and ends LibreOffice when Pelita goes (its stdin, a pipe from Pelita, closes).
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path


def _arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lib", required=True, help="the folder holding unoserver")
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--port", required=True)
    parser.add_argument("--uno-port", required=True)
    parser.add_argument("--folder", required=True,
                        help="a temporary folder for LibreOffice's profile, removed at the end")
    parser.add_argument("--timeout", type=int, required=True, help="seconds per conversion")
    parser.add_argument("--start-timeout", type=float, default=60)
    return parser.parse_args()


def _listening(port: str, office: subprocess.Popen, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and office.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", int(port)), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def _end(office: subprocess.Popen) -> None:
    if sys.platform == "win32":  # soffice.exe only launches soffice.bin: end both
        subprocess.run(["taskkill", "/T", "/PID", str(office.pid)], capture_output=True)
    else:
        office.terminate()
    try:
        office.wait(10)
    except subprocess.TimeoutExpired:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(office.pid)],
                           capture_output=True)
        office.kill()
        office.wait()


def main() -> int:
    args = _arguments()
    sys.path.append(args.lib)  # after this Python's own folders: only unoserver comes from it
    from unoserver import server

    profile = (Path(args.folder) / "profile").as_uri()
    uno = server.UnoServer(port=args.port, uno_port=args.uno_port,
                           user_installation=profile, conversion_timeout=args.timeout)
    connection = f"socket,host=127.0.0.1,port={args.uno_port},tcpNoDelay=1;urp;"
    office = subprocess.Popen([args.soffice, "--headless", "--invisible", "--nocrashreport",
                               "--nodefault", "--nologo", "--nofirststartwizard", "--norestore",
                               f"-env:UserInstallation={profile}",
                               f"--accept={connection}StarOffice.ComponentContext"],
                              stdin=subprocess.DEVNULL)
    uno.libreoffice_process = office
    done = threading.Event()
    if _listening(args.uno_port, office, args.start_timeout):
        def serve():
            try:
                uno.serve()  # returns only when it could not reach LibreOffice
            finally:
                done.set()

        def watch_parent():
            sys.stdin.buffer.read()  # EOF: Pelita has gone, or asks us to stop
            done.set()

        threading.Thread(target=serve, daemon=True).start()
        threading.Thread(target=watch_parent, daemon=True).start()
        threading.Thread(target=lambda: (office.wait(), done.set()), daemon=True).start()
        done.wait()
    if office.poll() is None:
        _end(office)
    shutil.rmtree(args.folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.stdout.flush()
    os._exit(main())  # not sys.exit: the UNO bridge's threads could hold the exit up
