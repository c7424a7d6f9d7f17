"""The Python side of a closed-loop referral with a Java node, over files.

  python3 peer.py answer DIR   verify the referral_request(s) in DIR/to-python/ (signed by the key
                               in DIR/java-key.json), then write a signed accept and complete for
                               each into DIR/to-java/, and this peer's public key to
                               DIR/python-key.json
  python3 peer.py check DIR    verify every message in DIR/to-python/ (acks, outcome_ack ...) and
                               print their types

Exits 1, naming the file, if any message does not verify.
"""

import datetime
import json
import os
import sys
import uuid

import nacl.signing

import van_protocol as vp


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(value, ensure_ascii=False))


def inbox(directory):
    folder = os.path.join(directory, "to-python")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), "rb") as f:
                yield name, vp.parse(f.read())


def java_registry(directory):
    k = read_json(os.path.join(directory, "java-key.json"))
    return {k["keyId"]: vp.Key(k["keyId"], k["organisation"], bytes.fromhex(k["publicKeyHex"]))}


def verified(directory):
    reg = java_registry(directory)
    for name, message in inbox(directory):
        v = vp.verdict(message, reg)
        if v != "valid":
            raise SystemExit("%s: %s message does not verify: %s" % (name, message.get("type"), v))
        yield name, message


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def reply(request, kind, seq, base_version, payload):
    return {
        "schemaVersion": "1.0",
        "messageId": uuid.uuid4().hex,
        "transmissionId": uuid.uuid4().hex,
        "type": kind,
        "correlationId": request["correlationId"],
        "attemptId": request["attemptId"],
        "causationId": request["messageId"],
        "sender": request["receiver"],
        "receiver": request["sender"],
        "createdAt": now(),
        "senderSeq": seq,
        "baseVersion": base_version,
        "confidentiality": "restricted",
        **({"consentRef": request["consentRef"]} if "consentRef" in request else {}),
        "lang": "en",
        "payload": payload,
    }


def answer(directory):
    out = os.path.join(directory, "to-java")
    os.makedirs(out, exist_ok=True)
    key = nacl.signing.SigningKey.generate()
    written = 0
    for name, request in verified(directory):
        if request["type"] != "referral_request":
            raise SystemExit("%s: expected a referral_request, got %s" % (name, request["type"]))
        organisation = request["receiver"]["organisation"]
        key_id = organisation + ":python-1"
        # The receiver's copy is at baseVersion + 1 once the request is taken in; each move adds 1.
        base = request["baseVersion"] + 1
        accept = reply(request, "accept", 1, base, {"note": {"lang": "en", "text": "accepted by the Python peer"}})
        complete = reply(request, "complete", 2, base + 1, {"outcome": {"lang": "en", "text": "service delivered"}})
        for i, message in enumerate((accept, complete), start=1):
            vp.sign(message, key, key_id)
            written += 1
            write_json(os.path.join(out, "%03d-%s.json" % (written, message["type"])), message)
        write_json(
            os.path.join(directory, "python-key.json"),
            {"organisation": organisation, "keyId": key_id, "publicKeyHex": bytes(key.verify_key).hex()},
        )
    if written == 0:
        raise SystemExit("no referral_request in " + os.path.join(directory, "to-python"))
    print("python peer: answered with %d signed messages" % written)


def check(directory):
    types = [m["type"] for _, m in verified(directory)]
    if not types:
        raise SystemExit("no messages in " + os.path.join(directory, "to-python"))
    print("python peer: verified " + " ".join(types))


def main(argv):
    if len(argv) != 3 or argv[1] not in ("answer", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    (answer if argv[1] == "answer" else check)(argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
