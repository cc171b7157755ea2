"""The chains of the audit log and the read log, keyed, and their checkpoints outside the
database (the security issue: an audit that cannot be rewritten quietly).

- Each event's `hash` is an HMAC-SHA256, under a key kept outside the database
  (AUDIT_CHAIN_KEYS), of the previous event's hash and the event's own facts. Whoever can
  write the tables but does not hold the key cannot alter, insert or remove an event and
  recompute a chain that verifies. `key_id` names the key that sealed the event, so that the
  key can be replaced (the new one first in AUDIT_CHAIN_KEYS, the old ones after it).
- A chain alone cannot show that its last events were cut off, nor a chain recomputed by
  someone who holds the key. So the head of each chain (its last id, hash and length) is
  written every minute, sealed with the key, to a file outside the database
  (AUDIT_CHECKPOINT_FILE, on a volume the database's users cannot write): verification then
  finds the events a checkpoint saw and that are gone, or that are not what they were.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, transaction

GENESIS_HASH = "0" * 64


def _key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:12]


def keys() -> dict[str, bytes]:
    """Every key the chains were sealed with, by id; the first is the one that seals now."""
    return {_key_id(key.encode()): key.encode() for key in settings.AUDIT_CHAIN_KEYS}


def current_key() -> tuple[str, bytes]:
    key = settings.AUDIT_CHAIN_KEYS[0].encode()
    return _key_id(key), key


def seal(key: bytes, prev_hash: str, payload: dict) -> str:
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, f"{prev_hash}|{body}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Chain:
    """One chained table: its model and the advisory lock that serialises its appends."""

    name: str
    model_label: str
    lock_key: int

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_label)

    def lock(self) -> None:
        """Serialise appends (an advisory lock on PostgreSQL; SQLite runs IMMEDIATE transactions),
        so that two writers never chain onto the same predecessor."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [self.lock_key])

    def head(self) -> str:
        return self.model.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS_HASH

    def append(self, event):
        """Seal `event` onto the chain and save it, in one transaction under the chain's lock."""
        with transaction.atomic():
            self.lock()
            self.link(event, self.head())
            event.save()
        return event

    def link(self, event, prev_hash: str) -> str:
        event.prev_hash = prev_hash
        event.key_id, key = current_key()
        event.hash = seal(key, prev_hash, event.payload())
        return event.hash

    def verify(self) -> tuple[int, object, str]:
        """Walk the chain in order: (events checked, first broken event or None, why:
        "link" it does not follow its predecessor, "content" its facts or seal are not what
        its key sealed, "key" sealed by a key not held)."""
        known = keys()
        expected_prev, checked = GENESIS_HASH, 0
        for event in self.model.objects.order_by("id").iterator(chunk_size=2000):
            if event.prev_hash != expected_prev:
                return checked, event, "link"
            key = known.get(event.key_id)
            if key is None:
                return checked, event, "key"
            if not hmac.compare_digest(seal(key, event.prev_hash, event.payload()), event.hash):
                return checked, event, "content"
            expected_prev = event.hash
            checked += 1
        return checked, None, ""


AUDIT = Chain("audit", "audit.AuditEvent", 7_301_2023)
READS = Chain("reads", "audit.ReadEvent", 7_301_2024)
CHAINS = (AUDIT, READS)


# --- Checkpoints outside the database ----------------------------------------------------------


def _checkpoint_mac(key: bytes, entry: dict) -> str:
    return seal(key, "checkpoint", {name: value for name, value in entry.items() if name != "mac"})


def _read_checkpoints() -> list[dict]:
    path = settings.AUDIT_CHECKPOINT_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def checkpoint_write() -> list[dict]:
    """Append the head of each chain that moved since its last checkpoint; returns them."""
    latest = {}
    for entry in _read_checkpoints():
        latest[entry.get("chain")] = entry
    written = []
    key_id, key = current_key()
    for chain in CHAINS:
        last = chain.model.objects.order_by("-id").values("id", "hash").first()
        if last is None or (chain.name in latest and latest[chain.name]["id"] == last["id"]):
            continue
        entry = {
            "chain": chain.name,
            "id": last["id"],
            "hash": last["hash"],
            "count": chain.model.objects.filter(id__lte=last["id"]).count(),
            "at": datetime.now(UTC).isoformat(),
            "key_id": key_id,
        }
        entry["mac"] = _checkpoint_mac(key, entry)
        written.append(entry)
    if written:
        path = settings.AUDIT_CHECKPOINT_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            for entry in written:
                handle.write(json.dumps(entry, sort_keys=True) + "\n")
            handle.flush()
    return written


@dataclass(frozen=True)
class CheckpointProblem:
    chain: str
    checkpoint: dict
    why: str  # "seal": the line was not written by the key; "missing": the event it saw is gone;
    # "rewritten": the event is there with another hash; "removed": events before it are gone


def checkpoints_verify() -> tuple[int, list[CheckpointProblem]]:
    """Compare each checkpoint with the chains: (checkpoints read, problems found)."""
    known = keys()
    problems, entries = [], _read_checkpoints()
    last_of_chain = {}
    for entry in entries:
        chain = next((chain for chain in CHAINS if chain.name == entry.get("chain")), None)
        key = known.get(entry.get("key_id", ""))
        if chain is None or key is None or not hmac.compare_digest(_checkpoint_mac(key, entry), entry.get("mac", "")):
            problems.append(CheckpointProblem(entry.get("chain", "?"), entry, "seal"))
            continue
        found = chain.model.objects.filter(id=entry["id"]).values_list("hash", flat=True).first()
        if found is None:
            problems.append(CheckpointProblem(chain.name, entry, "missing"))
        elif found != entry["hash"]:
            problems.append(CheckpointProblem(chain.name, entry, "rewritten"))
        last_of_chain[chain.name] = (chain, entry)
    for chain, entry in last_of_chain.values():
        if chain.model.objects.filter(id__lte=entry["id"]).count() < entry["count"]:
            problems.append(CheckpointProblem(chain.name, entry, "removed"))
    return len(entries), problems
