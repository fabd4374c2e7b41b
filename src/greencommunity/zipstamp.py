"""Zip files (.docx, .xlsx) that are the same bytes whenever they are made.

python-docx and openpyxl date every entry of the zip they write with the
time of writing, in the machine's zone, and record the system they ran on.
``restamp`` writes the archive again, entry by entry in the same order and
with the same contents, each dated with the one time a build stands for
(``core/years.stamp``, in UTC as reproducible-builds.org recommends) and
with the same attributes on every machine.  Used by the workbook builder
(``xlsx.workbook_bytes``) and the Word documents (``documents/docx.py``).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

# The zip format cannot date anything before 1980 (MS-DOS time).
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """*when* as a zip entry's date and time: UTC, not before 1980."""
    moment = max(when.astimezone(dt.UTC), ZIP_EPOCH)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def restamp(data: bytes, when: dt.datetime) -> bytes:
    """The zip archive *data* with every entry dated *when*, deflated, and no
    trace of the machine (its zone, its system, file modes)."""
    stamp = zip_time(when)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0  # MS-DOS, as Office writes; ZipInfo guesses from the platform
            entry.external_attr = 0
            target.writestr(entry, source.read(info))
    return out.getvalue()
