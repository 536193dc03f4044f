"""Stored files for the emulator: ids, download paths, built-in sample media and image sizes."""

from __future__ import annotations

import hashlib
import itertools
import struct
import zlib
from dataclasses import dataclass
from typing import Any

_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "audio/ogg": "oga",
    "application/pdf": "pdf",
    "text/plain": "txt",
}


@dataclass(frozen=True)
class StoredFile:
    """One uploaded file: the bytes plus the identifiers Telegram would hand out."""

    file_id: str
    file_unique_id: str
    data: bytes
    mime_type: str
    file_path: str
    file_name: str | None = None

    @property
    def size(self) -> int:
        """Return the size in bytes."""
        return len(self.data)


class FileStore:
    """Files by file_id and by download path, both O(1)."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}
        self._counter = itertools.count(1)

    def add(
        self, data: bytes, *, kind: str, mime_type: str, file_name: str | None = None
    ) -> StoredFile:
        """Store bytes and return the file with a fresh file_id and a content-based unique id."""
        number = next(self._counter)
        digest = hashlib.sha256(data).hexdigest()
        extension = _EXTENSIONS.get(mime_type, "bin")
        stored = StoredFile(
            file_id=f"EMU{kind[:3].upper()}{number:06d}-{digest[:16]}",
            file_unique_id=f"U{digest[:15]}",
            data=data,
            mime_type=mime_type,
            file_path=f"{kind}/file_{number}.{extension}",
            file_name=file_name,
        )
        self._by_id[stored.file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def get(self, file_id: str) -> StoredFile | None:
        """Return the file with this file_id, if any."""
        return self._by_id.get(file_id)

    def by_path(self, file_path: str) -> StoredFile | None:
        """Return the file served at this download path, if any."""
        return self._by_path.get(file_path)


def image_size(data: bytes) -> tuple[int, int]:
    """Read width and height from a PNG or JPEG header; (512, 512) when unknown."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:2] == b"\xff\xd8":
        return _jpeg_size(data) or (512, 512)
    return 512, 512


def image_mime_type(data: bytes) -> str:
    """Tell PNG from JPEG (Telegram re-encodes photos; anything else counts as JPEG)."""
    return "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "image/jpeg"


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        (segment_length,) = struct.unpack(">H", data[index + 2 : index + 4])
        # Start-of-frame markers carry the dimensions; C4, C8 and CC are other tables.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return int(width), int(height)
        index += 2 + segment_length
    return None


def sample_png(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (46, 139, 87)) -> bytes:
    """Build a small solid-colour PNG, the default picture a scripted user sends."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", checksum)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def _ogg_crc(data: bytes) -> int:
    # Ogg uses the unreflected CRC-32 with polynomial 0x04C11DB7 and zero initial value.
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def _ogg_page(packet: bytes, *, sequence: int, header_type: int, granule: int) -> bytes:
    lacing = bytes([255] * (len(packet) // 255) + [len(packet) % 255])
    header = (
        b"OggS"
        + struct.pack("<BBqIIIB", 0, header_type, granule, 0x50434F41, sequence, 0, len(lacing))
        + lacing
    )
    page = header + packet
    return page[:22] + struct.pack("<I", _ogg_crc(page)) + page[26:]


def sample_voice() -> bytes:
    """Build a valid, silent Ogg Opus stream: the default voice note of a scripted user."""
    opus_head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, 312, 48000, 0, 0)
    vendor = b"tgemulator"
    opus_tags = b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)
    # One Opus packet of a 20 ms silent frame (TOC byte 0xF8: CELT fullband, one frame).
    silence = b"\xf8\xff\xfe"
    return (
        _ogg_page(opus_head, sequence=0, header_type=2, granule=0)
        + _ogg_page(opus_tags, sequence=1, header_type=0, granule=0)
        + _ogg_page(silence, sequence=2, header_type=4, granule=960 + 312)
    )


def photo_sizes(stored: StoredFile) -> list[dict[str, Any]]:
    """Return the Message.photo list for a stored picture."""
    width, height = image_size(stored.data)
    return [
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": width,
            "height": height,
            "file_size": stored.size,
        }
    ]


def sticker_object(stored: StoredFile, emoji: str) -> dict[str, Any]:
    """Return the Sticker object of a static sticker."""
    width, height = image_size(stored.data)
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "type": "regular",
        "width": width,
        "height": height,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
        "file_size": stored.size,
    }


def voice_object(stored: StoredFile, duration: int) -> dict[str, Any]:
    """Return the Voice object of a voice note."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "duration": duration,
        "mime_type": stored.mime_type,
        "file_size": stored.size,
    }


def document_object(stored: StoredFile) -> dict[str, Any]:
    """Return the Document object of a file."""
    data: dict[str, Any] = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "mime_type": stored.mime_type,
        "file_size": stored.size,
    }
    if stored.file_name:
        data["file_name"] = stored.file_name
    return data


def media_fields(
    kind: str, stored: StoredFile, *, emoji: str = "👍", duration: int = 1
) -> dict[str, Any]:
    """Return the Message fields describing a file sent as photo, sticker, voice or document."""
    if kind == "photo":
        return {"photo": photo_sizes(stored)}
    if kind == "sticker":
        return {"sticker": sticker_object(stored, emoji)}
    if kind == "voice":
        return {"voice": voice_object(stored, duration)}
    return {"document": document_object(stored)}
