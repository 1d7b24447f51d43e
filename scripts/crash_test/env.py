"""The crash test's surroundings: the database (SQLite file or a fresh PostgreSQL
database), an SMTP sink that holds each message a moment, and the server it kills."""

import asyncio
import glob
import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid


def log(msg):
    print(f"[crash-test {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ the database


class Database:
    """Where the server's data lives, and read-only questions to it."""

    def __init__(self, args, work):
        self.work = work
        self.data_dir = os.path.join(work, "data")
        os.makedirs(self.data_dir, exist_ok=True)
        self.sync = args.sqlite_sync
        self.admin_url = args.database_url
        self.url = None
        self.psql = None
        if self.admin_url:
            self.psql = shutil.which("psql") or next(
                (p for p in sorted(glob_psql(), reverse=True)), None
            )
            if not self.psql:
                sys.exit("psql is needed to create the test database (apt-get install postgresql-client)")
            name = "intercoop_crash_" + uuid.uuid4().hex[:12]
            self._psql(self.admin_url, f"CREATE DATABASE {name}")
            parsed = urllib.parse.urlsplit(self.admin_url)
            self.url = urllib.parse.urlunsplit(parsed._replace(path="/" + name))
            self.name = name

    def _psql(self, url, sql):
        out = subprocess.run([self.psql, url, "-tAqc", sql], capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"psql: {out.stderr.strip()}")
        return out.stdout

    def args(self):
        a = ["--data-dir", self.data_dir, "--sqlite-sync", self.sync]
        if self.url:
            a += ["--database-url", self.url]
        return a

    def label(self):
        return "PostgreSQL" if self.url else f"SQLite (sync {self.sync})"

    def query(self, sql):
        """Rows of a SELECT, as lists of strings."""
        if self.url:
            out = self._psql(self.url, sql)
            return [line.split("|") for line in out.splitlines() if line.strip()]
        # Read-only: a connection that may write would, as the last one to close, fold
        # the write-ahead log into the file between a kill and the restart, doing the
        # restarted server's recovery for it.
        path = os.path.join(self.data_dir, "intercoop.db")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            return [[str(c) for c in row] for row in conn.execute(sql).fetchall()]
        finally:
            conn.close()

    def drop(self):
        if self.url:
            try:
                self._psql(self.admin_url, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
            except RuntimeError as e:
                log(f"could not drop {self.name}: {e}")


def glob_psql():
    return glob.glob("/usr/lib/postgresql/*/bin/psql")


# ------------------------------------------------------------------ the SMTP sink


class SmtpSink(threading.Thread):
    """An SMTP server that holds each message `delay` seconds before accepting it, so
    that a kill often finds one in flight. It records what it accepted (Message-ID,
    recipients, time) and the messages whose sender died before the answer."""

    def __init__(self, delay):
        super().__init__(daemon=True)
        self.delay = delay
        self.port = free_port()
        self.lock = threading.Lock()
        self.accepted = []  # (time, message_id, recipients)
        self.interrupted = []  # (time, message_id)
        self.ready = threading.Event()

    def run(self):
        asyncio.run(self._serve())

    async def _serve(self):
        server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
        self.ready.set()
        async with server:
            await server.serve_forever()

    async def _client(self, reader, writer):
        def send(line):
            writer.write((line + "\r\n").encode())

        try:
            send("220 crash-test sink")
            await writer.drain()
            rcpts = []
            while True:
                line = await reader.readline()
                if not line:
                    return
                cmd = line.decode(errors="replace").strip()
                verb = cmd[:4].upper()
                if verb in ("EHLO", "HELO"):
                    send("250-crash-test\r\n250 8BITMIME" if verb == "EHLO" else "250 crash-test")
                elif verb == "MAIL":
                    rcpts = []
                    send("250 OK")
                elif verb == "RCPT":
                    rcpts.append(cmd.split(":", 1)[1].strip().strip("<>"))
                    send("250 OK")
                elif verb == "DATA":
                    send("354 go on")
                    await writer.drain()
                    data = []
                    while True:
                        chunk = await reader.readline()
                        if not chunk:
                            return
                        if chunk in (b".\r\n", b".\n"):
                            break
                        data.append(chunk)
                    text = b"".join(data).decode(errors="replace")
                    m = re.search(r"^Message-ID:\s*(<[^>]+>)", text, re.I | re.M)
                    mid = m.group(1) if m else "?"
                    # Hold the answer; a sender that dies meanwhile never got it.
                    try:
                        eof = await asyncio.wait_for(reader.read(1), timeout=self.delay)
                    except asyncio.TimeoutError:
                        eof = None
                    except ConnectionError:
                        eof = b""
                    if eof == b"":
                        with self.lock:
                            self.interrupted.append((time.time(), mid))
                        return
                    with self.lock:
                        self.accepted.append((time.time(), mid, list(rcpts)))
                    send("250 accepted")
                elif verb == "QUIT":
                    send("221 bye")
                    await writer.drain()
                    return
                else:
                    send("250 OK")
                await writer.drain()
        except ConnectionError:
            return
        finally:
            writer.close()


# ------------------------------------------------------------------ the server


class Server:
    """`intercoop serve`, killed and restarted on the same port."""

    def __init__(self, binary, db, smtp_port, work):
        self.binary = binary
        self.db = db
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.smtp_port = smtp_port
        self.log = open(os.path.join(work, "server.log"), "ab")
        self.proc = None
        self.up = threading.Event()
        self.generation = 0
        self.restart_ms = []

    def start(self):
        started = time.monotonic()
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--bind", f"127.0.0.1:{self.port}", "--base-url", self.base]
            + self.db.args()
            + ["--smtp-url", f"smtp://127.0.0.1:{self.smtp_port}"],
            stdout=self.log,
            stderr=self.log,
            env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        )
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode} (see server.log)")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - started > 60:
                raise RuntimeError("the server did not become ready in 60 s")
            time.sleep(0.005)
        elapsed = (time.monotonic() - started) * 1000
        self.generation += 1
        self.up.set()
        return elapsed

    def kill(self):
        self.up.clear()
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.up.clear()
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
