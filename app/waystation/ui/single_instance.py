"""One running app per person and settings folder: a second launch brings the first window
forward and ends, instead of opening a second window on the same vault.

The first app listens on a local socket (QLocalServer: a Unix socket, a named pipe on Windows);
a later start connects, says ``show``, waits for ``ok`` and ends. The socket's name says nothing
about the person or the app — ``s-`` and a hash of the user and the settings folder (so a
portable copy or a test with its own settings folder is an app of its own) — and on Linux it
lives in the private runtime folder (``$XDG_RUNTIME_DIR``, readable by the user alone, gone at
logout). A socket left behind by a crashed app is noticed (nobody answers) and replaced."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

REQUEST = b"show\n"
ANSWER = b"ok\n"
CONNECT_MS = 700
ANSWER_MS = 3000


def _runtime_folder() -> Path | None:
    if not sys.platform.startswith("linux"):
        return None
    value = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = Path(value) if value else None
    if folder is None or not folder.is_dir():
        return None
    try:
        info = folder.stat()
    except OSError:
        return None
    private = info.st_uid == os.getuid() and not info.st_mode & 0o077
    return folder if private else None


def server_name(settings_folder: Path) -> str:
    """The socket's name (or path, in the runtime folder) for this user and settings folder."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{settings_folder.resolve()}".encode()).hexdigest()[:24]
    name = f"s-{digest}"
    runtime = _runtime_folder()
    return str(runtime / name) if runtime is not None else name


class SingleInstance(QObject):
    """``hand_over()`` first; if it returns False this app is the one, and ``activation_requested``
    fires whenever a later start asks for the window."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    def hand_over(self) -> bool:
        """True when another app is running and has been asked to come forward."""
        lock = QLockFile(self._lock_path())
        locked = lock.tryLock(2 * ANSWER_MS)  # two starts at once: one after the other
        try:
            if self._ask_running_app():
                return True
            self._listen()
            return False
        finally:
            if locked:
                lock.unlock()

    def _lock_path(self) -> str:
        if os.sep in self.name:
            return self.name + ".lock"
        from PySide6.QtCore import QDir

        return str(Path(QDir.tempPath()) / f"{self.name}.lock")

    def _ask_running_app(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(REQUEST)
        socket.flush()
        answered = socket.waitForReadyRead(ANSWER_MS) and socket.readLine().data() == ANSWER
        socket.disconnectFromServer()
        return answered

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # left behind by an app that crashed
            if not server.listen(self.name):
                return  # no second-launch detection this time; the app works all the same
        server.newConnection.connect(self._accept)
        self.server = server

    def _accept(self) -> None:
        server = self.server
        while server is not None and server.hasPendingConnections():
            client = server.nextPendingConnection()
            self._clients.append(client)
            client.readyRead.connect(lambda client=client: self._read(client))
            client.disconnected.connect(lambda client=client: self._forget(client))

    def _read(self, client: QLocalSocket) -> None:
        if not client.canReadLine():
            if client.bytesAvailable() > len(REQUEST):
                client.abort()  # not one of ours
            return
        if client.readLine().data() == REQUEST:
            client.write(ANSWER)
            client.flush()
            self.activation_requested.emit()
        client.disconnectFromServer()

    def _forget(self, client: QLocalSocket) -> None:
        if client in self._clients:
            self._clients.remove(client)
        client.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
