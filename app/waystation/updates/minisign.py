"""The minisign file formats (https://jedisct1.github.io/minisign/), so that bundles signed here
verify with ``minisign -V`` and keys and signatures made by the ``minisign`` tool work here.

Ed25519 and BLAKE2b come from ``cryptography`` and ``hashlib``; scrypt (for password-protected
secret keys) from ``hashlib`` with libsodium's parameter choice, because minisign stores libsodium's
``opslimit``/``memlimit`` rather than scrypt's N, r and p.

Public key:  ``"Ed" | key id (8) | public key (32)``, base64, under an untrusted comment line.
Secret key:  ``"Ed" | kdf "Sc" (or 0 0) | "B2" | salt (32) | opslimit (8, LE) | memlimit (8, LE) |
             (key id (8) | secret key (64) | BLAKE2b-256 checksum (32)) XOR scrypt stream``.
Signature:   untrusted comment; ``"ED" | key id | Ed25519(BLAKE2b-512(message))`` (``"Ed"`` is the
             legacy form, over the message itself); ``trusted comment: …``; the global signature,
             Ed25519 over the signature and the trusted comment's text.
The key id is shown as minisign shows it: the 8 bytes as a little-endian number, in hex.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
import struct
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SIG_ALG = b"Ed"
PREHASHED_ALG = b"ED"
KDF_ALG = b"Sc"
NO_KDF = b"\0\0"
CHK_ALG = b"B2"
UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
DEFAULT_SIGNATURE_COMMENT = "signature from minisign secret key"

# libsodium's crypto_pwhash_scryptsalsa208sha256_*_SENSITIVE: what ``minisign -G`` uses, and the
# most a key file may ask for here (more would let a hostile file take minutes and gigabytes).
OPSLIMIT_SENSITIVE = 33_554_432
MEMLIMIT_SENSITIVE = 1_073_741_824

_PUBLIC_LEN = 2 + 8 + 32
_SECRET_LEN = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32
_SIGNATURE_LEN = 2 + 8 + 64
MAX_KEY_FILE_BYTES = 4096


class MinisignError(ValueError):
    """A file that is not in the minisign format, or a check that failed."""


class BadSignature(MinisignError):
    """The signature or the trusted comment does not match (changed, or another key)."""


class WrongKeyPassword(MinisignError):
    """The password does not decrypt the secret key."""


def key_id_text(key_id: bytes) -> str:
    return f"{int.from_bytes(key_id, 'little'):016X}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, length: int, what: str) -> bytes:
    """Strict base64: the canonical encoding only (no spare bits set, no stray characters)."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise MinisignError(f"{what}: not base64") from None
    if len(raw) != length or _b64(raw) != text:
        raise MinisignError(f"{what}: wrong length or encoding")
    return raw


def _lines(text: str, count: int, what: str) -> list[str]:
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) < count:
        raise MinisignError(f"{what}: expected {count} lines")
    return lines


def _comment(line: str, prefix: str, what: str) -> str:
    if not line.startswith(prefix):
        raise MinisignError(f"{what}: the line must start with {prefix.strip()!r}")
    return line[len(prefix) :]


# -- public keys ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    key: bytes  # the raw Ed25519 public key
    comment: str = ""

    @property
    def id_text(self) -> str:
        return key_id_text(self.key_id)

    def base64(self) -> str:
        return _b64(SIG_ALG + self.key_id + self.key)

    def file_text(self) -> str:
        comment = self.comment or f"minisign public key {self.id_text}"
        return f"{UNTRUSTED}{comment}\n{self.base64()}\n"


def parse_public_key(text: str) -> PublicKey:
    """A ``.pub`` file as minisign writes it (the comment line may be missing: ``-P`` form)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    if len(lines) == 1:
        comment, encoded = "", lines[0]
    elif len(lines) == 2:
        comment, encoded = _comment(lines[0], UNTRUSTED, "public key").strip(), lines[1]
    else:
        raise MinisignError("public key: expected a comment line and a key line")
    raw = _unb64(encoded, _PUBLIC_LEN, "public key")
    if raw[:2] != SIG_ALG:
        raise MinisignError("public key: not an Ed25519 minisign key")
    try:
        Ed25519PublicKey.from_public_bytes(raw[10:])
    except ValueError:
        raise MinisignError("public key: not a valid Ed25519 key") from None
    return PublicKey(key_id=raw[2:10], key=raw[10:], comment=comment)


# -- secret keys ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes  # the Ed25519 private key (32 bytes); minisign stores it with the public key

    @classmethod
    def generate(cls) -> SecretKey:
        private = Ed25519PrivateKey.generate()
        seed = private.private_bytes_raw()
        return cls(key_id=secrets.token_bytes(8), seed=seed)

    def _private(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    def public_key(self, comment: str = "") -> PublicKey:
        raw = self._private().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(key_id=self.key_id, key=raw, comment=comment)

    def sign_raw(self, data: bytes) -> bytes:
        return self._private().sign(data)


def _scrypt_params(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """libsodium's ``pickparams``: (N, r, p) for an opslimit and a memlimit."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
        n_log2 = 1
        while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
            n_log2 += 1
    else:
        max_n = memlimit // (r * 128)
        n_log2 = 1
        while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
            n_log2 += 1
        max_rp = min((opslimit // 4) // (1 << n_log2), 0x3FFFFFFF)
        p = max_rp // r
    return 1 << n_log2, r, p


def _stream(password: str, salt: bytes, opslimit: int, memlimit: int, length: int) -> bytes:
    if opslimit > OPSLIMIT_SENSITIVE or memlimit > MEMLIMIT_SENSITIVE:
        raise MinisignError("secret key: asks for more work than minisign ever uses")
    n, r, p = _scrypt_params(opslimit, memlimit)
    if p < 1:
        raise MinisignError("secret key: impossible key-derivation parameters")
    maxmem = 128 * r * (n + p + 2) + (1 << 20)
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=length)


def _checksum(key_id: bytes, secret64: bytes) -> bytes:
    return hashlib.blake2b(SIG_ALG + key_id + secret64, digest_size=32).digest()


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))


def secret_key_text(
    key: SecretKey,
    password: str | None,
    *,
    opslimit: int = OPSLIMIT_SENSITIVE,
    memlimit: int = MEMLIMIT_SENSITIVE,
) -> str:
    """The secret key file; ``password`` None writes it unencrypted (minisign ``-W``)."""
    secret64 = key.seed + key.public_key().key
    plain = key.key_id + secret64 + _checksum(key.key_id, secret64)
    salt = secrets.token_bytes(32)
    if password is None:
        kdf, body, comment = NO_KDF, plain, "minisign secret key"
        opslimit = memlimit = 0
    else:
        password = unicodedata.normalize("NFC", password)
        kdf, comment = KDF_ALG, "minisign encrypted secret key"
        body = _xor(plain, _stream(password, salt, opslimit, memlimit, len(plain)))
    raw = SIG_ALG + kdf + CHK_ALG + salt + struct.pack("<QQ", opslimit, memlimit) + body
    return f"{UNTRUSTED}{comment}\n{_b64(raw)}\n"


@dataclass(frozen=True)
class LockedSecretKey:
    """A secret key file read but not yet decrypted."""

    encrypted: bool
    salt: bytes
    opslimit: int
    memlimit: int
    body: bytes

    def unlock(self, password: str | None) -> SecretKey:
        if not self.encrypted:
            return self._check(self.body, MinisignError("secret key: damaged (checksum)"))
        if password is None:
            raise WrongKeyPassword("secret key: a password is needed")
        normalised = unicodedata.normalize("NFC", password)
        # minisign uses the bytes as typed; Waystation writes keys with the NFC form.
        for candidate in [normalised] + ([password] if password != normalised else []):
            stream = _stream(candidate, self.salt, self.opslimit, self.memlimit, len(self.body))
            try:
                return self._check(_xor(self.body, stream), WrongKeyPassword("wrong password"))
            except WrongKeyPassword:
                continue
        raise WrongKeyPassword("wrong password")

    @staticmethod
    def _check(plain: bytes, failure: MinisignError) -> SecretKey:
        key_id, secret64, checksum = plain[:8], plain[8:72], plain[72:]
        if not secrets.compare_digest(_checksum(key_id, secret64), checksum):
            raise failure
        key = SecretKey(key_id=key_id, seed=secret64[:32])
        if key.public_key().key != secret64[32:]:
            raise MinisignError("secret key: damaged (public half does not match)")
        return key


def parse_secret_key(text: str) -> LockedSecretKey:
    lines = _lines(text, 2, "secret key")
    _comment(lines[0].strip(), UNTRUSTED, "secret key")
    raw = _unb64(lines[1].strip(), _SECRET_LEN, "secret key")
    if raw[:2] != SIG_ALG or raw[4:6] != CHK_ALG or raw[2:4] not in (KDF_ALG, NO_KDF):
        raise MinisignError("secret key: not an Ed25519 minisign secret key")
    opslimit, memlimit = struct.unpack("<QQ", raw[38:54])
    return LockedSecretKey(
        encrypted=raw[2:4] == KDF_ALG, salt=raw[6:38], opslimit=opslimit, memlimit=memlimit, body=raw[54:]
    )


# -- signatures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    algorithm: bytes  # PREHASHED_ALG or the legacy SIG_ALG
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = DEFAULT_SIGNATURE_COMMENT

    @property
    def id_text(self) -> str:
        return key_id_text(self.key_id)

    def file_text(self) -> str:
        return (
            f"{UNTRUSTED}{self.untrusted_comment}\n"
            f"{_b64(self.algorithm + self.key_id + self.signature)}\n"
            f"{TRUSTED}{self.trusted_comment}\n"
            f"{_b64(self.global_signature)}\n"
        )


def parse_signature(text: str) -> Signature:
    lines = _lines(text, 4, "signature")
    untrusted = _comment(lines[0], UNTRUSTED, "signature")
    raw = _unb64(lines[1], _SIGNATURE_LEN, "signature")
    if raw[:2] not in (PREHASHED_ALG, SIG_ALG):
        raise MinisignError("signature: unknown algorithm")
    trusted = _comment(lines[2], TRUSTED, "signature")
    global_signature = _unb64(lines[3], 64, "global signature")
    return Signature(raw[:2], raw[2:10], raw[10:], trusted, global_signature, untrusted)


def _message_digest(algorithm: bytes, message: bytes) -> bytes:
    return hashlib.blake2b(message, digest_size=64).digest() if algorithm == PREHASHED_ALG else message


def sign(message: bytes, key: SecretKey, trusted_comment: str) -> Signature:
    """A prehashed signature (minisign's default since 0.8), as ``minisign -S`` writes it."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise MinisignError("trusted comment: one line only")
    signature = key.sign_raw(_message_digest(PREHASHED_ALG, message))
    global_signature = key.sign_raw(signature + trusted_comment.encode("utf-8"))
    return Signature(PREHASHED_ALG, key.key_id, signature, trusted_comment, global_signature)


def verify(message: bytes, signature: Signature, key: PublicKey) -> None:
    """Raises :class:`BadSignature` unless ``key`` signed both the message and the trusted comment."""
    if signature.key_id != key.key_id:
        raise BadSignature("signed by another key")
    public = Ed25519PublicKey.from_public_bytes(key.key)
    try:
        public.verify(signature.signature, _message_digest(signature.algorithm, message))
        public.verify(
            signature.global_signature, signature.signature + signature.trusted_comment.encode("utf-8")
        )
    except InvalidSignature:
        raise BadSignature("the signature does not match") from None
