"""The load: clients that write (each request sent again with its key after a crash),
what their acknowledged answers say the database holds, and the administrators'
commands run beside the server."""

import http.client
import json
import os
import random
import subprocess
import threading
import time
import uuid

STUCK_AFTER = 30.0  # seconds a keyed retry may stay "in progress" once the server is up


# ------------------------------------------------------------------ the clients


class Broken(Exception):
    """The connection broke: the server died (or is not up yet)."""


class Api:
    def __init__(self, server, token):
        self.server = server
        self.token = token

    def call(self, method, path, body=None, key=None, timeout=30):
        headers = {"Authorization": f"Bearer {self.token}"}
        data = None
        if body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        if key:
            headers["Idempotency-Key"] = key
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=timeout)
            c.request(method, path, body=data, headers=headers)
            r = c.getresponse()
            raw = r.read()
            c.close()
        except (OSError, http.client.HTTPException) as e:
            raise Broken(str(e))
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = raw.decode(errors="replace")
        return r.status, payload, r.getheader("Idempotent-Replayed") == "true"

    def get(self, path):
        status, body, _ = self.call("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body}")
        return body

    def all_pages(self, path):
        items, page = [], 1
        while True:
            sep = "&" if "?" in path else "?"
            body = self.get(f"{path}{sep}per_page=200&page={page}")
            items += body["items"]
            if len(items) >= body["total"] or not body["items"]:
                return items
            page += 1


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.acked = {}  # kind -> count
        self.retries = 0  # requests sent again after a broken connection
        self.replayed = 0  # retries answered with the stored answer
        self.stuck = []  # keyed requests still "in progress" STUCK_AFTER s after a restart
        self.server_errors = []
        self.anomalies = []
        self.cli_ok = 0
        self.cli_failed = []

    def ack(self, kind):
        with self.lock:
            self.acked[kind] = self.acked.get(kind, 0) + 1

    def add(self, field, value):
        with self.lock:
            getattr(self, field).append(value)


def send(api, stats, method, path, body, key, stop):
    """Sends a request until it is answered, retrying with the same key after a crash.
    Returns (status, body, interrupted, replayed), or None when it got stuck or the test
    is over."""
    server = api.server
    interrupted = False
    generation = server.generation
    since = time.monotonic()
    while True:
        if not server.up.is_set():
            server.up.wait(120)
        if server.generation != generation:
            generation, since = server.generation, time.monotonic()
        try:
            status, payload, replayed = api.call(method, path, body, key)
        except Broken:
            # The server died under the request (the killer marks it down before the
            # kill), or the connection failed: retry with the same key once it is up.
            interrupted = True
            with stats.lock:
                stats.retries += 1
            if server.up.is_set():
                time.sleep(0.05)
            elif not server.up.wait(120):
                return None
            continue
        if status >= 500:
            stats.add("server_errors", f"{method} {path}: {status} {payload}")
            time.sleep(0.1)
            continue
        in_progress = status == 409 and isinstance(payload, dict) and str(payload.get("type", "")).endswith("in-progress")
        if in_progress:
            if time.monotonic() - since > STUCK_AFTER:
                stats.add("stuck", f"{method} {path} key {key}")
                return None
            time.sleep(0.1)
            continue
        if replayed and interrupted:
            with stats.lock:
                stats.replayed += 1
        return status, payload, interrupted, replayed


class Model:
    """What the acknowledged answers say the database holds."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pledged = {}  # (proposal, org) -> bool
        self.ballots = {}  # (poll, org) -> (choice, receipt)
        self.comments = {}  # body -> proposal
        self.invited = set()
        self.cli_people = set()
        self.unknown = set()  # things a stuck request leaves unknown


class Worker(threading.Thread):
    """Writes for its own organisations (as each one's representative), one request at
    a time, so that the expected state of each is known exactly."""

    def __init__(self, n, orgs, proposals, polls, model, stats, stop, seed):
        super().__init__(daemon=True)
        self.n, self.orgs = n, orgs
        self.proposals, self.polls = proposals, polls
        self.model, self.stats, self.stop = model, stats, stop
        self.rng = random.Random(seed)
        self.count = 0

    def run(self):
        try:
            while not self.stop.is_set():
                self.step()
        except Exception as e:  # noqa: BLE001 - reported, fails the run
            self.stats.add("anomalies", f"worker {self.n} stopped: {e!r}")

    def step(self):
        org, self.api = self.rng.choice(self.orgs)
        kind = self.rng.choices(["pledge", "ballot", "comment"], weights=[4, 3, 2])[0]
        self.count += 1
        key = f"w{self.n}-{self.count}-{uuid.uuid4().hex[:8]}"
        if kind == "pledge":
            p = self.rng.choice(self.proposals)
            if (p, org) in self.model.unknown:
                return
            pledged = self.model.pledged.get((p, org), False)
            if not pledged:
                r = send(self.api, self.stats, "POST", f"/api/v1/proposals/{p}/pledges",
                         {"organisation_id": org}, key, self.stop)
                if r is None:
                    self._unknown((p, org))
                    return
                status, body, interrupted, _ = r
                if status == 201:
                    self._pledged(p, org, True, "pledge")
                else:
                    self.stats.add("anomalies", f"pledge {p}/{org}: {status} {body}")
            else:
                # DELETE is idempotent by itself: after a crash, 404 means it was done.
                r = send(self.api, self.stats, "DELETE",
                         f"/api/v1/proposals/{p}/pledges?organisation_id={org}", None, None, self.stop)
                if r is None:
                    self._unknown((p, org))
                    return
                status, body, interrupted, _ = r
                if status == 200 or (status == 404 and interrupted):
                    self._pledged(p, org, False, "withdrawal")
                else:
                    self.stats.add("anomalies", f"withdrawal {p}/{org}: {status} {body}")
        elif kind == "ballot":
            poll = self.rng.choice(self.polls)
            if (poll, org) in self.model.unknown:
                return
            choice = self.rng.choice(["yes", "no", "abstain"])
            r = send(self.api, self.stats, "POST", f"/api/v1/polls/{poll}/ballots",
                     {"choice": choice, "organisation_id": org}, key, self.stop)
            if r is None:
                self._unknown((poll, org))
                return
            status, body, _, _ = r
            if status == 201:
                with self.model.lock:
                    self.model.ballots[(poll, org)] = (choice, body["receipt"])
                self.stats.ack("ballot")
            else:
                self.stats.add("anomalies", f"ballot {poll}/{org}: {status} {body}")
        else:
            p = self.rng.choice(self.proposals)
            text = f"comment {key} by organisation {org}"
            r = send(self.api, self.stats, "POST", f"/api/v1/proposals/{p}/comments",
                     {"body": text, "organisation_id": org}, key, self.stop)
            if r is None:
                return
            status, body, _, _ = r
            if status == 201:
                with self.model.lock:
                    self.model.comments[text] = p
                self.stats.ack("comment")
            else:
                self.stats.add("anomalies", f"comment {p}/{org}: {status} {body}")

    def _pledged(self, p, org, value, kind):
        with self.model.lock:
            self.model.pledged[(p, org)] = value
        self.stats.ack(kind)

    def _unknown(self, what):
        with self.model.lock:
            self.model.unknown.add(what)


class Inviter(threading.Thread):
    """The administrator invites people (each invitation is an email sent at once)."""

    def __init__(self, api, model, stats, stop):
        super().__init__(daemon=True)
        self.api, self.model, self.stats, self.stop = api, model, stats, stop

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            email = f"invitee-{n}-{uuid.uuid4().hex[:6]}@crash.test"
            r = send(self.api, self.stats, "POST", "/api/v1/people",
                     {"email": email, "name": f"Invitee {n}"}, f"invite-{email}", self.stop)
            if r is not None:
                status, body, _, _ = r
                if status == 201:
                    with self.model.lock:
                        self.model.invited.add(email)
                    self.stats.ack("invitation")
                else:
                    self.stats.add("anomalies", f"invitation {email}: {status} {body}")
            # Two a second: about half what one worker sends to the sink (0.2 s each),
            # so the outbox keeps up between kills.
            time.sleep(0.5)


class Commands(threading.Thread):
    """Administrators' commands beside the live server (they write to the same database)."""

    def __init__(self, binary, db, model, stats, stop):
        super().__init__(daemon=True)
        self.binary, self.db, self.model, self.stats, self.stop = binary, db, model, stats, stop

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            if n % 2:
                email = f"cli-{n}@crash.test"
                args = ["user", "create", email, "--name", f"Command {n}"]
            else:
                email = None
                args = ["token", "create", "admin@crash.test"]
            out = subprocess.run([self.binary] + args + self.db.args(), capture_output=True, text=True,
                                 env={**os.environ, "INTERCOOP_BASE_URL": "http://127.0.0.1:9"})
            if out.returncode == 0:
                with self.stats.lock:
                    self.stats.cli_ok += 1
                if email:
                    with self.model.lock:
                        self.model.cli_people.add(email)
            else:
                self.stats.add("cli_failed", f"intercoop {' '.join(args)}: {out.stderr.strip()[-300:]}")
            time.sleep(0.3)
