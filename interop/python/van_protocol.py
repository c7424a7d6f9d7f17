"""An independent implementation of the VAN referral protocol's message security, written from
docs/protocol.md only: RFC 8785 canonical JSON, SHA-256 payload hashes, detached Ed25519
signatures, and the receiver's verdict on a message.

Standard library plus PyNaCl (Debian: python3-nacl). No code is shared with the Java SDK.
"""

import base64
import decimal
import hashlib
import json
import re

import nacl.exceptions
import nacl.signing


class CanonicalError(ValueError):
    """The value cannot be canonicalised (lone surrogate, non-finite number, duplicate member)."""


# ---------------------------------------------------------------------------- strict parsing


def _no_duplicates(pairs):
    seen = {}
    for name, value in pairs:
        if name in seen:
            raise CanonicalError("duplicate member name")
        seen[name] = value
    return seen


def _reject_constant(name):
    raise CanonicalError("not a JSON number: " + name)


def parse(text):
    """Parses strict JSON: one value, duplicate member names refused."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        raise CanonicalError("not JSON: " + str(e)) from e


# ---------------------------------------------------------------------------- RFC 8785


def _number(value):
    """Writes a number as ECMAScript's Number.prototype.toString writes the nearest double."""
    if isinstance(value, int) and abs(value) <= 2**53:
        return str(value)
    try:
        d = float(value)
    except OverflowError as e:
        raise CanonicalError("number out of the double range") from e
    if d != d or d in (float("inf"), float("-inf")):
        raise CanonicalError("number is not finite")
    if d == 0:
        return "0"
    sign = "-" if d < 0 else ""
    # repr gives the shortest digits that read back to the same double.
    _, digit_tuple, exponent = decimal.Decimal(repr(abs(d))).as_tuple()
    digits = "".join(map(str, digit_tuple))
    stripped = digits.rstrip("0")
    exponent += len(digits) - len(stripped)
    digits = stripped
    k = len(digits)
    n = k + exponent  # value = 0.digits * 10**n
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        out = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("-" if e < 0 else "+") + str(abs(e))
    return sign + out


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _string(s):
    out = ['"']
    for c in s:
        o = ord(c)
        if 0xD800 <= o <= 0xDFFF:
            raise CanonicalError("lone surrogate in a string")
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif o < 0x20:
            out.append("\\u%04x" % o)
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _utf16_key(name):
    return name.encode("utf-16-be", "surrogatepass")


def _write(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, (int, float)):
        out.append(_number(value))
    elif isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, list):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _write(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        for i, name in enumerate(sorted(value, key=_utf16_key)):
            if i:
                out.append(",")
            out.append(_string(name))
            out.append(":")
            _write(value[name], out)
        out.append("}")
    else:
        raise CanonicalError("not a JSON value: " + type(value).__name__)


def canonical_text(value):
    """The RFC 8785 canonical text of a parsed JSON value."""
    out = []
    _write(value, out)
    return "".join(out)


def canonical_bytes(value):
    return canonical_text(value).encode("utf-8")


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------- messages


def signed_content(message):
    """The part of a message the signature covers: all but signature and transmissionId."""
    return {k: v for k, v in message.items() if k not in ("signature", "transmissionId")}


def payload_hash(payload):
    return sha256_hex(canonical_bytes(payload))


def b64url(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


_B64URL = re.compile(r"^[A-Za-z0-9_-]*={0,2}$")
_KEY_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def _b64url_decode(text):
    if not _B64URL.match(text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))


class Key:
    """A registered public key: id, owning organisation, raw 32 bytes, revoked or not."""

    def __init__(self, key_id, organisation, public_key, revoked=False):
        self.key_id = key_id
        self.organisation = organisation
        self.verify_key = nacl.signing.VerifyKey(public_key)
        self.revoked = revoked


def verdict(message, registry):
    """The receiver's verdict on a parsed message, checks in the order of docs/protocol.md:
    valid, missing, malformed, unknown_key, key_of_another_organisation, revoked_key, invalid,
    or payload_hash_mismatch."""
    sig = message.get("signature")
    key_id = sig.get("keyId", "") if isinstance(sig, dict) else ""
    value = sig.get("value", "") if isinstance(sig, dict) else ""
    if not key_id or not value:
        return "missing"
    try:
        if not _KEY_ID.match(key_id):
            raise ValueError("bad key id")
        signature = _b64url_decode(value)
    except ValueError:
        return "malformed"
    if len(signature) != 64:
        return "malformed"
    key = registry.get(key_id)
    if key is None:
        return "unknown_key"
    if key.organisation != message.get("sender", {}).get("organisation"):
        return "key_of_another_organisation"
    if key.revoked:
        return "revoked_key"
    try:
        key.verify_key.verify(canonical_bytes(signed_content(message)), signature)
    except nacl.exceptions.BadSignatureError:
        return "invalid"
    if payload_hash(message.get("payload")) != message.get("payloadSha256"):
        return "payload_hash_mismatch"
    return "valid"


def sign(message, signing_key, key_id):
    """Sets payloadSha256 and a detached Ed25519 signature on a message (a dict), in place."""
    message.pop("signature", None)
    message["payloadSha256"] = payload_hash(message["payload"])
    value = signing_key.sign(canonical_bytes(signed_content(message))).signature
    message["signature"] = {"alg": "Ed25519", "keyId": key_id, "value": b64url(value)}
    return message
