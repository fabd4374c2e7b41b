"""Field types officers are likely to get wrong, each with a precise error.

Errors raised here are ``PydanticCustomError`` with a ``gc_*`` type; the loader
turns each type into a translated message (catalog keys ``schema.gc_*``) and a
stable diagnostic code, so the wording lives in the catalogs, not here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Any, TypeVar

import annotated_types
from pydantic import BeforeValidator, Field, PlainSerializer, Strict, WithJsonSchema
from pydantic_core import PydanticCustomError

from greencommunity import figures

# ASCII digits only, as the JSON Schema's patterns and "date" format: ２０２２ is a
# full-width slip (the loader says so), and 2022-1-5 is written 2022-01-05.
# A date as the files write it: 2022-10-30, ASCII digits only (as the JSON Schema's
# "date" format), year, month and day captured; the command line and workbooks too.
ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_LOOSE_DATE_RE = re.compile(
    r"^\s*([0-9]{4})\s*[-./年]\s*([0-9]{1,2})\s*[-./月]\s*([0-9]{1,2})\s*日?\s*$"
)
_MONTH_DAY_RE = re.compile(r"^([0-9]{2})-([0-9]{2})$")
ITEM_ID_PATTERN = r"^[1-9][0-9]*\.[1-9][0-9]*$"
_ITEM_ID_RE = re.compile(ITEM_ID_PATTERN)
COMMUNITY_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
_COMMUNITY_ID_RE = re.compile(COMMUNITY_ID_PATTERN)
PROJECT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
_PROJECT_ID_RE = re.compile(PROJECT_ID_PATTERN)
PROJECT_ID_MAX = 40


# Dates and item ids repeat across thousands of files: each spelling is checked
# once.  Bounded, like any cache of values read from files.
SEEN_MAX = 1 << 14
T = TypeVar("T")


def once_per_spelling(check: Callable[[Any], T], limit: int = SEEN_MAX) -> Callable[[Any], T]:
    """*check*, remembering its result for each text it accepted, for at most
    *limit* texts at a time; other values, and texts it refuses (it raises),
    are checked every time."""
    seen: dict[str, T] = {}

    def checked(value: Any) -> T:
        if value.__class__ is not str:
            return check(value)
        try:
            return seen[value]
        except KeyError:
            pass
        if len(seen) >= limit:
            seen.clear()
        seen[value] = result = check(value)
        return result

    return checked


def _check_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("gc_date_type", "date expected")
    text = value.strip()
    match = ISO_DATE.match(text)
    if match is None:
        loose = _LOOSE_DATE_RE.match(unicodedata.normalize("NFKC", text))
        if loose is not None:
            y, m, d = loose.groups()
            raise PydanticCustomError(
                "gc_date_format",
                "write dates as YYYY-MM-DD",
                {"suggestion": f"{y}-{int(m):02d}-{int(d):02d}"},
            )
        raise PydanticCustomError(
            "gc_date_format",
            "write dates as YYYY-MM-DD",
            {"suggestion": "2021-10-30"},
        )
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "gc_date_impossible",
            "no such day",
            {"year": year, "month": month, "day": day},
        ) from None


_parse_date = once_per_spelling(_check_date)
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]


def _parse_month_day(value: Any) -> str:
    if isinstance(value, str):
        match = _MONTH_DAY_RE.match(value.strip())
        if match is not None:
            month, day = (int(g) for g in match.groups())
            try:
                dt.date(2000, month, day)  # a leap year, so 02-29 is allowed
            except ValueError:
                pass
            else:
                return f"{month:02d}-{day:02d}"
    raise PydanticCustomError("gc_month_day", "write as MM-DD")


# A fixed offset from UTC, as town.yaml may name a zone: UTC+08:00, UTC-03:30.
_OFFSET_RE = re.compile(r"^UTC([+-])([0-9]{2}):([0-9]{2})$")


def zone(name: str) -> dt.tzinfo | None:
    """The time zone *name* names: an IANA name (Asia/Shanghai, Asia/Urumqi),
    or a fixed offset (UTC+05:00, for a machine without the zone database);
    None when it names none."""
    match = _OFFSET_RE.match(name)
    if match is not None:
        sign, hours, minutes = match.groups()
        if int(hours) > 14 or int(minutes) > 59:
            return None
        offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
        return dt.timezone(-offset if sign == "-" else offset, name)
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _check_zone(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else None
    if not text or zone(text) is None:
        raise PydanticCustomError("gc_time_zone", "time zone")
    return text


TimeZone = Annotated[
    str,
    BeforeValidator(_check_zone),
    WithJsonSchema({"type": "string", "minLength": 1}),
]


def day_in_year(year: int, month_day: str) -> dt.date:
    """The calendar entry *month_day* ("MM-DD") in *year*; 02-29 falls back to 02-28."""
    month, day = (int(part) for part in month_day.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


MonthDay = Annotated[
    str,
    BeforeValidator(_parse_month_day),
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}-\d{2}$"}),
]


# A share written as a percentage, 0 % to 100 %, in ASCII digits (a full-width
# ４５% is named as a slip): gc's test and the JSON Schema's pattern.
PERCENT_PATTERN = r"^\s*0*(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)\s*[%％]\s*$"
_PERCENT_RE = re.compile(PERCENT_PATTERN)


def _parse_share(value: Any) -> float:
    """Accept 0.45 or "45%"; reject 45 with a message that says how to write it."""
    if isinstance(value, bool):
        raise PydanticCustomError("gc_share", "share")
    if isinstance(value, str):
        text = value.strip().replace("％", "%")
        if text.endswith("%"):
            if not _PERCENT_RE.match(value):
                raise PydanticCustomError("gc_share", "share")
            try:
                percent = Fraction(text[:-1].strip())
            except (ValueError, ZeroDivisionError):
                raise PydanticCustomError("gc_share", "share") from None
            if not 0 <= percent <= 100:
                raise PydanticCustomError("gc_share", "share")
            # "33.3%" is 0.333 exactly as written, not 33.3 / 100 = 0.33299999999999996.
            return float(percent / 100)
        if NUMBER_TEXT.match(text) and 0 <= Fraction(text) <= 1:
            raise PydanticCustomError("gc_quoted_number", "quoted number", {"unquoted": text})
        raise PydanticCustomError("gc_share", "share")
    if isinstance(value, int | float):
        number = float(value)
        if math.isfinite(number) and 1 < number <= 100:
            raise PydanticCustomError(
                "gc_share_percent",
                "share given as percent",
                {"fraction": figures.number(figures.exact(number) / 100, 6)},
            )
        if math.isfinite(number) and 0 <= number <= 1:
            return number
    raise PydanticCustomError("gc_share", "share")


Share = Annotated[
    float,
    BeforeValidator(_parse_share),
    PlainSerializer(lambda v: v, return_type=float),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": PERCENT_PATTERN},
            ]
        }
    ),
]


def _check_item_id(value: Any) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        raise PydanticCustomError("gc_item_id_number", "quote item ids")
    if isinstance(value, str) and _ITEM_ID_RE.match(value.strip()):
        return value.strip()
    raise PydanticCustomError("gc_item_id", "item id")


_parse_item_id = once_per_spelling(_check_item_id)
ItemId = Annotated[
    str,
    BeforeValidator(_parse_item_id),
    WithJsonSchema({"type": "string", "pattern": ITEM_ID_PATTERN}),
]


COMMUNITY_ID_MAX = 64


def is_community_id(value: str) -> bool:
    """*value* may be a community's id (and so its file's name)."""
    return _COMMUNITY_ID_RE.match(value) is not None and len(value) <= COMMUNITY_ID_MAX


def _parse_community_id(value: Any) -> str:
    if isinstance(value, str) and is_community_id(value):
        return value
    raise PydanticCustomError("gc_community_id", "community id")


CommunityId = Annotated[
    str,
    BeforeValidator(_parse_community_id),
    WithJsonSchema(
        {"type": "string", "pattern": COMMUNITY_ID_PATTERN, "maxLength": COMMUNITY_ID_MAX}
    ),
]


def _parse_project_id(value: Any) -> str:
    if isinstance(value, str) and _PROJECT_ID_RE.match(value) and len(value) <= PROJECT_ID_MAX:
        return value
    raise PydanticCustomError("gc_project_id", "project id", {"max": PROJECT_ID_MAX})


ProjectId = Annotated[
    str,
    BeforeValidator(_parse_project_id),
    WithJsonSchema({"type": "string", "pattern": PROJECT_ID_PATTERN, "maxLength": PROJECT_ID_MAX}),
]

VETO_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"
_VETO_ID_RE = re.compile(VETO_ID_PATTERN)
VETO_ID_MAX = 40


def _parse_veto_id(value: Any) -> str:
    if isinstance(value, str) and _VETO_ID_RE.match(value) and len(value) <= VETO_ID_MAX:
        return value
    raise PydanticCustomError("gc_veto_id", "veto id", {"max": VETO_ID_MAX})


# A veto (一票否决) of criteria.yaml, as assessments name it: safety, V1.
VetoId = Annotated[
    str,
    BeforeValidator(_parse_veto_id),
    WithJsonSchema({"type": "string", "pattern": VETO_ID_PATTERN, "maxLength": VETO_ID_MAX}),
]

INDICATOR_ID_PATTERN = VETO_ID_PATTERN
INDICATOR_ID_MAX = VETO_ID_MAX


def _parse_indicator_id(value: Any) -> str:
    if isinstance(value, str) and _VETO_ID_RE.match(value) and len(value) <= INDICATOR_ID_MAX:
        return value
    raise PydanticCustomError("gc_indicator_id", "indicator id", {"max": INDICATOR_ID_MAX})


# An effect indicator of criteria.yaml, as annual evaluations name it:
# households_served, facilities_added.
IndicatorId = Annotated[
    str,
    BeforeValidator(_parse_indicator_id),
    WithJsonSchema(
        {"type": "string", "pattern": INDICATOR_ID_PATTERN, "maxLength": INDICATOR_ID_MAX}
    ),
]

# A number as YAML writes it: a text that reads so was written in quotes.
NUMBER_TEXT = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


# Numbers and flags are strict, as the published JSON Schema is: "17" and "true"
# in quotes are text, and true is not 1.  pydantic's lax mode would accept them,
# so an editor would mark red what the tool accepts; the loader words the error
# ("去掉引号").  A whole number written 2022.0 is still whole, as JSON Schema's
# "integer" says: ``WholeNumber`` turns it into 2022 before the strict check.
def _integral(value: Any) -> Any:
    if value.__class__ is float and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True)
class WholeNumber(annotated_types.GroupedMetadata):
    """``Annotated[int, WholeNumber(ge=0, le=100)]``: a strict whole number within
    bounds.  The bounds come before the conversion, inside one annotation, so that
    the JSON Schema keeps them as minimum and maximum; a validator on each field
    rather than on each model, whose "before" hook would make pydantic build the
    whole input as Python objects before validating it."""

    ge: int | None = None
    le: int | None = None

    def __iter__(self) -> Iterator[object]:
        yield Strict()
        if self.ge is not None:
            yield annotated_types.Ge(self.ge)
        if self.le is not None:
            yield annotated_types.Le(self.le)
        yield BeforeValidator(_integral)


Whole = Annotated[int, WholeNumber()]
Number = Annotated[float, Strict()]
Flag = Annotated[bool, Strict()]
# Scores and points: finite, non-negative numbers; half points are common.
Points = Annotated[Number, Field(ge=0, allow_inf_nan=False)]
Amount = Annotated[Number, Field(ge=0, allow_inf_nan=False)]
YEAR_MIN, YEAR_MAX = 2000, 2100
Year = Annotated[int, WholeNumber(ge=YEAR_MIN, le=YEAR_MAX)]
NonEmptyStr = Annotated[str, Field(min_length=1, max_length=2000)]

# A person of town.yaml's roles: an e-mail address as git records an author
# (user@host): no spaces, no angle brackets, one @.
EMAIL_PATTERN = r"^[^\s<>@]+@[^\s<>@]+$"
_EMAIL_RE = re.compile(EMAIL_PATTERN)
EMAIL_MAX = 254


def _parse_email(value: Any) -> str:
    if isinstance(value, str) and _EMAIL_RE.match(value) and len(value) <= EMAIL_MAX:
        return value
    raise PydanticCustomError("gc_email", "email")


Email = Annotated[
    str,
    BeforeValidator(_parse_email),
    WithJsonSchema({"type": "string", "pattern": EMAIL_PATTERN, "maxLength": EMAIL_MAX}),
]

# A public signing key in one of git's formats: an OpenSSH public key line
# ("ssh-ed25519 AAAA… comment", as ``ssh-keygen`` writes ``~/.ssh/id_ed25519.pub``)
# or an ASCII-armoured OpenPGP public key block.  Only the form is checked here:
# that the base64 of an SSH key holds the key type it announces, as every
# OpenSSH key blob begins.  Whether a signature verifies is git's business.
SSH_KEY_TYPES = (
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
)
SSH_KEY_PATTERN = (
    r"^("
    + "|".join(t.replace(".", r"\.") for t in SSH_KEY_TYPES)
    + r") [A-Za-z0-9+/]+={0,2}( [^\n]*)?$"
)
_SSH_KEY_RE = re.compile(SSH_KEY_PATTERN)
PGP_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
PGP_END = "-----END PGP PUBLIC KEY BLOCK-----"
# Written out rather than re.escape'd: JSON Schema's (ECMA) patterns refuse "\-".
_PGP_PATTERN = "^" + PGP_BEGIN + r"\n[\s\S]+\n" + PGP_END + r"\s*$"
_PGP_RE = re.compile(_PGP_PATTERN)
SIGNING_KEY_PATTERN = f"({SSH_KEY_PATTERN})|({_PGP_PATTERN})"
SIGNING_KEY_MAX = 20_000


def _ssh_blob_matches(kind: str, data: str) -> bool:
    import base64
    import binascii

    try:
        blob = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return False
    # A blob is length-prefixed strings, the first the key type, the rest the
    # key's parts: a key cut short or run into another does not parse whole.
    fields: list[bytes] = []
    position = 0
    while position < len(blob):
        size = int.from_bytes(blob[position : position + 4], "big")
        start = position + 4
        if start + size > len(blob):
            return False
        fields.append(blob[start : start + size])
        position = start + size
    return len(fields) >= 2 and fields[0] == kind.encode("ascii")


def _parse_signing_key(value: Any) -> str:
    if isinstance(value, str) and len(value) <= SIGNING_KEY_MAX:
        match = _SSH_KEY_RE.match(value)
        if match and _ssh_blob_matches(match.group(1), value.split(" ")[1]):
            return value
        if _PGP_RE.match(value):
            return value
    raise PydanticCustomError("gc_signing_key", "signing key")


def is_ssh_key(key: str) -> bool:
    """Whether *key* (a valid ``SigningKey``) is an OpenSSH key rather than OpenPGP."""
    return not key.startswith(PGP_BEGIN)


SigningKey = Annotated[
    str,
    BeforeValidator(_parse_signing_key),
    WithJsonSchema(
        {"type": "string", "pattern": SIGNING_KEY_PATTERN, "maxLength": SIGNING_KEY_MAX}
    ),
]
