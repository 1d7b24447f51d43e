"""Setting up the network the load writes to, and the checks: every acknowledged write
present, the invariants, the outbox drained, the email in flight at a kill sent."""

import os
import subprocess
import threading
import time

from .load import Api


# ------------------------------------------------------------------ setup and checks


def cli(binary, db, *args):
    out = subprocess.run([binary, *args, *db.args()], capture_output=True, text=True,
                         env={**os.environ, "INTERCOOP_BASE_URL": "http://127.0.0.1:9"})
    if out.returncode != 0:
        raise RuntimeError(f"intercoop {' '.join(args)}: {out.stderr.strip()}")
    return out.stdout.strip()


def setup(binary, db, server, args):
    """The administrator, organisations with representatives and their tokens, open
    campaigns and open polls."""
    cli(binary, db, "user", "create", "admin@crash.test", "--name", "Crash Admin", "--admin")
    admin = Api(server, cli(binary, db, "token", "create", "admin@crash.test"))
    server.start()

    def post(path, body, expect=201):
        status, payload, _ = admin.call("POST", path, body)
        if status != expect:
            raise RuntimeError(f"setup: POST {path}: {status} {payload}")
        return payload

    orgs = []
    for i in range(args.organisations):
        org = post("/api/v1/organisations", {"name": f"Crash Coop {i:02}", "kind": "user", "size": 10 + i})["id"]
        email = f"rep-{i:02}@crash.test"
        post("/api/v1/people", {"email": email, "name": f"Representative {i:02}",
                                 "organisation_id": org, "representative": True})
        orgs.append((org, cli(binary, db, "token", "create", email)))
    proposals = []
    for i in range(args.proposals):
        p = post("/api/v1/proposals", {"title": f"Crash proposal {i}", "requested_by": orgs[0][0]})["id"]
        post(f"/api/v1/proposals/{p}/campaign", {"amount_cents": 1_000_003 + i, "key": {"kind": "equal"}})
        proposals.append(p)
    polls = []
    for i in range(args.polls):
        poll = post("/api/v1/polls", {"title": f"Crash poll {i}", "method": "decision"})["id"]
        post(f"/api/v1/polls/{poll}/open", {}, expect=200)
        polls.append(poll)
    return admin, orgs, proposals, polls


def verify(admin, db, sink, model, stats, proposals, polls, orgs):
    """Every acknowledged write is there, and the invariants hold. Returns the failures
    and the number of acknowledged writes lost."""
    failures = []
    lost_writes = 0
    org_ids = [o for o, _ in orgs]
    # Pledges and withdrawals; the split's invariants.
    for p in proposals:
        shares = admin.get(f"/api/v1/proposals/{p}/shares")
        lines = shares["shares"]
        ids = [l["organisation_id"] for l in lines]
        if len(ids) != len(set(ids)):
            failures.append(f"proposal {p}: an organisation pledged twice: {sorted(ids)}")
        amounts = [l["amount_cents"] for l in lines]
        if sum(amounts) != shares["covered_cents"]:
            failures.append(f"proposal {p}: shares sum to {sum(amounts)}, covered {shares['covered_cents']}")
        if shares["covered_cents"] + shares["shortfall_cents"] != shares["total_cents"]:
            failures.append(f"proposal {p}: covered + shortfall != total: {shares}")
        if amounts and max(amounts) - min(amounts) > 1:
            failures.append(f"proposal {p}: equal shares differ by more than a cent: {amounts}")
        for org in org_ids:
            if (p, org) in model.unknown:
                continue
            want = model.pledged.get((p, org), False)
            if want != (org in ids):
                lost_writes += 1
                failures.append(f"proposal {p}: organisation {org} {'lost its pledge' if want else 'pledged without acknowledgement of it'}")
    # Ballots: the last receipt of each organisation is counted; the tally is the last choices'.
    for poll in polls:
        tally = {"yes": 0, "no": 0, "abstain": 0}
        for org in org_ids:
            if (poll, org) in model.unknown:
                tally = None
                break
            if (poll, org) in model.ballots:
                choice, receipt = model.ballots[(poll, org)]
                tally[choice] += 1
                if not admin.get(f"/api/v1/polls/{poll}/receipts/{receipt}")["counted"]:
                    lost_writes += 1
                    failures.append(f"poll {poll}: the acknowledged ballot of {org} is not counted")
        if tally is not None:
            details = admin.get(f"/api/v1/polls/{poll}/result")["details"]
            got = {k: details.get(k) for k in tally}
            if got != tally:
                failures.append(f"poll {poll}: tally {got}, acknowledged {tally}")
    # Comments: each acknowledged one once; none twice.
    seen = {}
    for p in proposals:
        for c in admin.get(f"/api/v1/proposals/{p}")["comments"]:
            seen[c["body"]] = seen.get(c["body"], 0) + 1
    for body, n in seen.items():
        if n > 1:
            failures.append(f"a comment was made {n} times: {body}")
    lost = [b for b in model.comments if b not in seen]
    lost_writes += len(lost)
    if lost:
        failures.append(f"{len(lost)} acknowledged comments lost, e.g. {lost[0]}")
    # People: the invited and those the commands made.
    people = {p["email"] for p in admin.all_pages("/api/v1/people")}
    lost = sorted((model.invited | model.cli_people) - people)
    lost_writes += len(lost)
    if lost:
        failures.append(f"{len(lost)} acknowledged people lost, e.g. {lost[0]}")
    # The list summaries kept by the writes agree with the pledges.
    for cid, count, covered, active in db.query(
        "SELECT c.id, c.pledge_count, c.covered_cents, "
        "(SELECT COUNT(*) FROM pledges p WHERE p.campaign_id = c.id AND p.status = 'active') FROM campaigns c"
    ):
        if count != active:
            failures.append(f"campaign {cid}: pledge_count {count}, active pledges {active}")
    for p in proposals:
        shares = admin.get(f"/api/v1/proposals/{p}/shares")
        row = db.query(f"SELECT covered_cents FROM campaigns WHERE proposal_id = {p}")
        if row and int(row[0][0]) != shares["covered_cents"]:
            failures.append(f"proposal {p}: covered_cents {row[0][0]} stored, {shares['covered_cents']} computed")
    # Keys: none left "in progress" (earlier versions stored such claims).
    claims = db.query("SELECT COUNT(*) FROM idempotency_keys WHERE status_code = 0")[0][0]
    if claims != "0":
        failures.append(f"{claims} idempotency keys left in progress")
    # Mail: every invitation arrived.
    with sink.lock:
        got = {r for _, _, rcpts in sink.accepted for r in rcpts}
    missing = sorted(model.invited - got)
    if missing:
        failures.append(f"{len(missing)} invitations never arrived, e.g. {missing[0]}")
    return failures, lost_writes


def wait_for_mail(db, sink, model, stalled=60):
    """Waits until the outbox is drained and every invitation arrived, as long as it
    keeps draining (the worker sends one message at a time: a backlog takes a while).
    Returns the number of messages left (0: drained) when nothing went out for
    `stalled` seconds."""
    last_left, last_progress = None, time.monotonic()
    while True:
        left = int(db.query("SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')")[0][0])
        with sink.lock:
            got = {r for _, _, rcpts in sink.accepted for r in rcpts}
        if left == 0 and model.invited <= got:
            return 0
        if left != last_left:
            last_left, last_progress = left, time.monotonic()
        elif time.monotonic() - last_progress > stalled:
            return left
        time.sleep(0.2)


class InFlightMail(threading.Thread):
    """Measures, for the messages a kill left `sending`, the time from the restart to
    their sending. Unless `measured`, a check stops (superseded) when the server is
    killed again before they went out: the next kill's check follows them."""

    def __init__(self, db, ids, server, measured):
        super().__init__(daemon=True)
        self.db, self.ids, self.server, self.measured = db, ids, server, measured
        self.generation = server.generation
        self.ready_at = time.monotonic()
        self.delays = {}  # id -> seconds, or None when not sent within 120 s
        self.superseded = False

    def run(self):
        end = time.monotonic() + 120
        left = set(self.ids)
        while left and time.monotonic() < end:
            generation = self.server.generation
            rows = self.db.query(
                f"SELECT id, status FROM outbox WHERE id IN ({','.join(map(str, left))})"
            )
            for mid, status in rows:
                if status in ("sent", "failed"):
                    self.delays[int(mid)] = time.monotonic() - self.ready_at
                    left.discard(int(mid))
            if left and not self.measured and generation != self.generation:
                self.superseded = True
                return
            time.sleep(0.1)
        for mid in left:
            self.delays[mid] = None
