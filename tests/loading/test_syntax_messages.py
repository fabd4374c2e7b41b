"""GC102 in the officer's words: each complaint of the YAML parsers a data file
can provoke is said as a catalog message, never in the parser's English."""

from __future__ import annotations

import pytest

from greencommunity.i18n import tr, using
from greencommunity.loading.parser import _PROBLEMS, parse
from greencommunity.loading.text import LoadError

# text, the catalog key of the problem, line, column
CASES = {
    "unclosed list": ("a: [1, 2\nb: 3\n", "yaml.flow_unclosed", 2, 2),
    "unclosed mapping": ("a: {x: 1\nb: 3\n", "yaml.flow_unclosed", 2, 2),
    "list entry after a key": ("a: 1\n- b\n", "yaml.indentation", 2, 1),
    "tag": ("a: !foo bar baz\nb: !<x\n", "yaml.tag_syntax", 2, 7),
    "empty tag": ("a: !!\n", "yaml.tag_syntax", 1, 6),
    "directive": ("%FOO bar\n---\na: 1\n", "yaml.directive", 1, 5),
    "directive twice": ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "yaml.directive", 2, 1),
    "bad version": ("%YAML x\n---\na: 1\n", "yaml.directive", 1, 7),
    "indentation digit 0": ("a: |0\n  x\n", "yaml.block_scalar", 1, 5),
    "missing colon": ("a: 1\nb\nc: 2\n", "yaml.missing_colon", 2, 1),
    "document marker": ("a: 1\n---x\n", "yaml.missing_colon", 2, 1),
    "character that cannot start": ("a: @x\n", "yaml.bad_character", 1, 4),
    "uneven indentation": ("a:\n  b: 1\n c: 2\n", "yaml.indentation", 3, 2),
    "unclosed quote": ('a: "x\n', "yaml.unexpected_end", 1, 4),
    "backslash in double quotes": ('a: "C:\\Users"\n', "yaml.escape", 1, 7),
    "bad unicode escape": ('a: "\\uZZZZ"\n', "yaml.escape", 1, 5),
    "two colons": ("a: b: c\n", "yaml.mapping_not_allowed", 1, 5),
    "nothing after a comma": ("a: [1, ]\nb: {,}\n", "yaml.missing_value", 2, 5),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_parser_complaint_is_a_catalog_message(name: str, language: str) -> None:
    text, key, line, column = CASES[name]
    with using(language), pytest.raises(LoadError) as raised:
        parse(text)
    with using(language):
        expected = tr("load.syntax", detail=tr(key))
    assert (raised.value.code.id, raised.value.line, raised.value.column) == ("GC102", line, column)
    assert raised.value.message == expected


# libyaml's complaints (its scanner's and parser's messages) that a data file
# can provoke; the reader's (encodings) and the emitter's are not syntax.
LIBYAML = [
    "block sequence entries are not allowed in this context",
    "could not find expected ':'",
    "could not find expected directive name",
    "did not find URI escaped octet",
    "did not find expected '!'",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected '-' indicator",
    "did not find expected <document start>",
    "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break",
    "did not find expected digit or '.' character",
    "did not find expected hexdecimal number",
    "did not find expected key",
    "did not find expected node content",
    "did not find expected tag URI",
    "did not find expected version number",
    "did not find expected whitespace",
    "did not find expected whitespace or line break",
    "did not find the expected '>'",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an indentation indicator equal to 0",
    "found character that cannot start any token",
    "found duplicate %TAG directive",
    "found duplicate %YAML directive",
    "found duplicate anchor; first occurrence",
    "found extremely long version number",
    "found incompatible YAML document",
    "found invalid Unicode character escape code",
    "found undefined alias",
    "found undefined tag handle",
    "found unexpected ':'",
    "found unexpected end of stream",
    "found unknown directive name",
    "found unknown escape character",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
]


@pytest.mark.parametrize("complaint", LIBYAML)
def test_every_libyaml_complaint_has_a_message(complaint: str) -> None:
    keys = [key for needle, key in _PROBLEMS if needle in complaint]
    assert keys, complaint
    assert tr(keys[0])
