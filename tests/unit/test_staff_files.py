"""The counter's files: the kept keys (kiosk.staff.keystore) and the offline check-in queue
(kiosk.staff.checkin_queue)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.backend.errors import ServiceUnavailable
from kiosk.domain.token import KeySet, KeySetError, PublicKey, kid_for
from kiosk.staff.checkin_queue import CheckinQueue, Queued
from kiosk.staff.keystore import KeyStore


def _jwks(*keys: Ed25519PrivateKey) -> dict[str, object]:
    return KeySet(PublicKey(kid_for(k.public_key()), k.public_key()) for k in keys).to_jwks()


def test_keys_are_kept_across_restarts_and_a_bad_set_keeps_the_old(tmp_path: Path) -> None:
    path = tmp_path / "staff" / "keys.json"
    first, second = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    store = KeyStore(path, lambda: 1000.0)
    assert len(store.keys) == 0
    assert store.fetched_at is None
    store.replace(_jwks(first, second))
    again = KeyStore(path, lambda: 2000.0)  # the counter restarted, offline
    assert {k.kid for k in again.keys} == {
        kid_for(first.public_key()),
        kid_for(second.public_key()),
    }
    assert again.fetched_at == 1000.0
    with pytest.raises(KeySetError):
        again.replace({"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "AAAA", "kid": "AAAA"}]})
    assert len(again.keys) == 2
    assert len(KeyStore(path, lambda: 0.0).keys) == 2  # the file was not touched either
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".keys-")]


@pytest.mark.expected_log_warnings(r"kept verification keys unreadable")
def test_an_unreadable_keys_file_starts_empty_and_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text("{half a fi")
    store = KeyStore(path, lambda: 5.0)
    assert len(store.keys) == 0
    store.replace(_jwks(Ed25519PrivateKey.generate()))
    assert json.loads(path.read_text())["fetched_at"] == 5.0


def test_a_slip_is_queued_once_and_sent_oldest_first(tmp_path: Path) -> None:
    queue = CheckinQueue(tmp_path / "queue")
    assert queue.add(b"\x01" * 8, "TRN1:A", 200)
    assert queue.add(b"\x02" * 8, "TRN1:B", 100)
    assert not queue.add(b"\x01" * 8, "TRN1:A", 300)  # scanned again: the first scan stands
    got = queue.get(b"\x01" * 8)
    assert got is not None
    assert got.scanned_at == 200
    names = [p.name for p in (tmp_path / "queue").iterdir() if p.suffix == ".json"]
    assert all(b"\x01".hex() * 8 not in n for n in names)  # booking ids stay out of names
    sent: list[tuple[str, int]] = []
    done = queue.flush(lambda q: sent.append((q.token, q.scanned_at)) or "checked_in")
    assert sent == [("TRN1:B", 100), ("TRN1:A", 200)]
    assert [s.result for s in done] == ["checked_in", "checked_in"]
    assert len(queue) == 0
    assert queue.flush(lambda q: pytest.fail("nothing left to send")) == []


def test_the_service_still_away_keeps_the_rest_and_a_refusal_is_final(tmp_path: Path) -> None:
    queue = CheckinQueue(tmp_path)
    for n, at in ((1, 10), (2, 20), (3, 30)):
        queue.add(bytes([n]) * 8, f"TRN1:{n}", at)

    def send(q: Queued) -> str:
        if q.scanned_at == 10:
            return "cancelled"  # the service said no: final, not kept
        raise ServiceUnavailable("POST /checkins: connection failed")

    assert [s.result for s in queue.flush(send)] == ["cancelled"]
    assert [q.scanned_at for q in queue.pending()] == [20, 30]


def test_two_senders_at_once_send_each_check_in_once(tmp_path: Path) -> None:
    queue = CheckinQueue(tmp_path)
    for n in range(20):
        queue.add(bytes([n]) * 8, f"TRN1:{n}", n)
    other = CheckinQueue(tmp_path)  # a second counter window on the same PC
    sent: list[str] = []
    lock = threading.Lock()

    def send(q: Queued) -> str:
        with lock:
            sent.append(q.token)
        return "checked_in"

    threads = [threading.Thread(target=q.flush, args=(send,)) for q in (queue, other, queue)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(sent) == sorted(f"TRN1:{n}" for n in range(20))
