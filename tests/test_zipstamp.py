"""zipstamp: a zip archive written again with one date and no trace of the machine."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest

from greencommunity.zipstamp import ZIP_EPOCH, restamp, zip_time

WHEN = dt.datetime(2022, 10, 30, 18, 30, 4, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _archive(entries: dict[str, bytes], date_time: tuple[int, ...]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=date_time)  # type: ignore[arg-type]
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


ENTRIES = {"[Content_Types].xml": b"<Types/>", "word/document.xml": "<w:t>数据</w:t>".encode()}


def test_two_archives_written_at_different_times_become_the_same_bytes() -> None:
    now = time.localtime()[:6]
    first = _archive(ENTRIES, now)
    second = _archive(ENTRIES, (2001, 2, 3, 4, 5, 6))
    assert first != second
    assert restamp(first, WHEN) == restamp(second, WHEN)


def test_entries_keep_their_order_and_contents_and_take_the_time_in_utc() -> None:
    made = zipfile.ZipFile(io.BytesIO(restamp(_archive(ENTRIES, (2001, 2, 3, 4, 5, 6)), WHEN)))
    assert [i.filename for i in made.infolist()] == list(ENTRIES)
    assert {name: made.read(name) for name in ENTRIES} == ENTRIES
    for info in made.infolist():
        assert info.date_time == (2022, 10, 30, 10, 30, 4)
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.create_system == 0


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.datetime(1970, 1, 1, tzinfo=dt.UTC), (1980, 1, 1, 0, 0, 0)),  # before zip's epoch
        (ZIP_EPOCH, (1980, 1, 1, 0, 0, 0)),
        (
            dt.datetime(2022, 1, 1, 3, tzinfo=dt.timezone(dt.timedelta(hours=8))),
            (2021, 12, 31, 19, 0, 0),
        ),
    ],
)
def test_zip_time(when: dt.datetime, expected: tuple[int, ...]) -> None:
    assert zip_time(when) == expected
