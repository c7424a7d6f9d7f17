"""Checks every vector in docs/vectors/ with the independent Python implementation.

Usage: python3 verify_vectors.py [VECTORS_DIR]   (default: ../../docs/vectors)
Prints one line per failure and a summary; exits 1 if any vector disagrees.
"""

import json
import os
import sys

import nacl.signing

import van_protocol as vp


def load(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        return json.load(f)


def registry(keys):
    reg = {}
    for k in keys["keys"]:
        seed = bytes.fromhex(k["seedHex"])
        public = bytes.fromhex(k["publicKeyHex"])
        derived = bytes(nacl.signing.SigningKey(seed).verify_key)
        if derived != public:
            raise SystemExit("key %s: the public key does not derive from the seed" % k["keyId"])
        reg[k["keyId"]] = vp.Key(k["keyId"], k["organisation"], public, k["revoked"])
    return reg


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    directory = argv[1] if len(argv) > 1 else os.path.join(here, "..", "..", "docs", "vectors")
    failures = []
    checked = 0

    for case in load(directory, "canonicalisation.json")["cases"]:
        checked += 1
        try:
            text = vp.canonical_text(vp.parse(case["input"]))
        except vp.CanonicalError:
            text = None
        if text != case["canonical"]:
            failures.append("canonicalisation %r: got %r, expected %r" % (case["name"], text, case["canonical"]))
        elif text is not None and vp.sha256_hex(text.encode("utf-8")) != case["sha256"]:
            failures.append("canonicalisation %r: sha256 differs" % case["name"])

    reg = registry(load(directory, "keys.json"))

    for case in load(directory, "signed-messages.json")["cases"]:
        checked += 1
        message = vp.parse(case["wire"])
        if message["type"] != case["type"]:
            failures.append("signed %r: type %r" % (case["name"], message["type"]))
        if vp.canonical_text(message["payload"]) != case["payloadCanonical"]:
            failures.append("signed %r: canonical payload differs" % case["name"])
        if vp.payload_hash(message["payload"]) != case["payloadSha256"]:
            failures.append("signed %r: payload hash differs" % case["name"])
        if vp.canonical_text(vp.signed_content(message)) != case["signedCanonical"]:
            failures.append("signed %r: signed content differs" % case["name"])
        got = vp.verdict(message, reg)
        if got != case["verdict"]:
            failures.append("signed %r: verdict %s, expected %s" % (case["name"], got, case["verdict"]))

    for case in load(directory, "tampered-messages.json")["cases"]:
        checked += 1
        got = vp.verdict(vp.parse(case["wire"]), reg)
        if got != case["verdict"]:
            failures.append("tampered %r: verdict %s, expected %s" % (case["name"], got, case["verdict"]))

    # Signing is deterministic (RFC 8032): re-signing a vector with its test key gives its bytes.
    seeds = {k["keyId"]: bytes.fromhex(k["seedHex"]) for k in load(directory, "keys.json")["keys"]}
    for case in load(directory, "signed-messages.json")["cases"]:
        message = vp.parse(case["wire"])
        key_id = message["signature"]["keyId"]
        expected = message["signature"]["value"]
        vp.sign(message, nacl.signing.SigningKey(seeds[key_id]), key_id)
        if message["signature"]["value"] != expected:
            failures.append("signed %r: Python's signature differs from the vector's" % case["name"])

    for f in failures:
        print("FAIL " + f)
    print("vectors: %d checked, %d failed" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
