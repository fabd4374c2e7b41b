"""`gc audit` over real temporary git repositories, with real SSH signing keys.

The keys are made once per session with ``ssh-keygen``; git (2.34 or later)
signs with them (``gpg.format=ssh``) and gc audit has git verify them against
the keys of town.yaml's roles.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests import tools
from tests.git.conftest import GitData, make_repo

runner = CliRunner()


@dataclass(frozen=True)
class Key:
    name: str
    email: str
    private: Path

    @property
    def public(self) -> str:
        return self.private.with_suffix(".pub").read_text(encoding="utf-8").strip()


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Key]:
    """An officer of the town, a district reviewer, and a stranger whose key is in no roles:."""
    ssh_keygen = tools.program("ssh-keygen", "apt-get install openssh-client")
    folder = tmp_path_factory.mktemp("keys")
    made = {}
    for who, name in (("officer", "王镇"), ("reviewer", "李区"), ("stranger", "张外")):
        private = folder / who
        subprocess.run(
            [ssh_keygen, "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", str(private)],
            check=True,
            timeout=60,
        )
        made[who] = Key(name, f"{who}@example.invalid", private)
    return made


def _roles(keys: dict[str, Key]) -> str:
    return (
        "roles:\n"
        f"  - name: {keys['officer'].name}\n"
        f"    email: {keys['officer'].email}\n"
        "    role: town\n"
        "    keys:\n"
        f"      - {keys['officer'].public}\n"
        f"  - name: {keys['reviewer'].name}\n"
        f"    email: {keys['reviewer'].email}\n"
        "    role: district\n"
        "    keys:\n"
        f"      - {keys['reviewer'].public}\n"
    )


def commit_as(
    repo: GitData,
    message: str,
    author: Key,
    signer: Key | None = None,
    day: str = "2022-11-10",
    amend: bool = False,
) -> str:
    """Commit everything as *author*, signed with *signer*'s key (unsigned without)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author.name,
        "GIT_AUTHOR_EMAIL": author.email,
        "GIT_COMMITTER_NAME": author.name,
        "GIT_COMMITTER_EMAIL": author.email,
        "GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00",
        "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00",
    }
    signing = ["-c", "gpg.format=ssh"]
    if signer is not None:
        signing += ["-c", f"user.signingkey={signer.private}"]
    git = ["git", "-C", str(repo.top), *signing]
    subprocess.run([*git, "add", "-A"], check=True, env=env, timeout=60)
    sign = ["-S"] if signer is not None else ["--no-gpg-sign"]
    again = ["--amend", "--reset-author"] if amend else []
    subprocess.run(
        [*git, "commit", "-q", *again, *sign, "-m", message], check=True, env=env, timeout=60
    )
    return repo.head()


@pytest.fixture
def audited(tmp_path: Path, keys: dict[str, Key]) -> GitData:
    """The shipped data with the test's roles: instead of the illustrative ones,
    as the first commit (which is not checked: it has no parent)."""
    repo = make_repo(tmp_path)
    repo.edit("town.yaml", lambda t: t[: t.index("roles:\n")] + _roles(keys))
    commit_as(repo, "shipped data, with roles", keys["reviewer"], amend=True)
    return repo


# The line of 佳煌's 2022 district verdict (shipped as rectify).
VERDICT_LINE = 264


def verdict(repo: GitData, old: str, new: str) -> None:
    """佳煌's 2022 district review says *new* instead of *old*."""

    def change(text: str) -> str:
        lines = text.split("\n")
        assert lines[VERDICT_LINE - 1] == f"      verdict: {old}"
        lines[VERDICT_LINE - 1] = f"      verdict: {new}"
        return "\n".join(lines)

    repo.edit("communities/jiahuang.yaml", change)


def _audit(repo: GitData, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--lang", "en", "audit", "--data", str(repo.data), *args])
    return result.exit_code, result.output


def _json(repo: GitData, *args: str) -> Any:
    code, out = _audit(repo, *args, "--format", "json")
    assert code in (0, 1), out
    return json.loads(out)


def test_an_officer_changing_a_district_verdict_is_caught(
    audited: GitData, keys: dict[str, Key]
) -> None:
    base = audited.head()
    verdict(audited, "rectify", "pass")
    commit = commit_as(audited, "佳煌 passes", keys["officer"])
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 1
    [line] = [line for line in out.splitlines() if line.startswith("data/")]
    assert line == (
        f"data/communities/jiahuang.yaml:{VERDICT_LINE}:16: error GC501 "
        f"Commit {commit[:8]}: 王镇 <officer@example.invalid> (role: town) may not change "
        "verdict of jiahuang 2022 District review (rectify → pass); only the district role may."
    )
    assert out.splitlines()[-1] == "Checked 1 commit, 1 change: 1 violation."


def test_the_district_reviewer_may_change_it(audited: GitData, keys: dict[str, Key]) -> None:
    base = audited.head()
    verdict(audited, "rectify", "pass")
    commit_as(audited, "佳煌 passes", keys["reviewer"])
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 0, out
    assert out.splitlines()[-1] == "Checked 1 commit, 1 change: no change outside its role."


def test_json_has_the_contract_keys(audited: GitData, keys: dict[str, Key]) -> None:
    base = audited.head()
    verdict(audited, "rectify", "pass")
    commit = commit_as(audited, "佳煌 passes", keys["officer"])
    found = _json(audited, f"{base}..HEAD")
    assert found == {
        "changes": [
            {
                "commit": commit,
                "author": "王镇",
                "email": "officer@example.invalid",
                "signer": None,
                "signed": False,
                "community": "jiahuang",
                "year": 2022,
                "stage": "district",
                "field": "verdict",
                "before": "rectify",
                "after": "pass",
                "allowed": False,
            }
        ],
        "violations": 1,
    }


@pytest.mark.slow
def test_require_signed(audited: GitData, keys: dict[str, Key]) -> None:
    """Unsigned, and signed by a key in no roles:, are caught; the reviewer's
    own signature passes."""
    base = audited.head()
    verdict(audited, "rectify", "pass")
    unsigned = commit_as(audited, "unsigned", keys["reviewer"])
    verdict(audited, "pass", "fail")
    foreign = commit_as(audited, "signed by a stranger", keys["reviewer"], keys["stranger"])
    verdict(audited, "fail", "rectify")
    good = commit_as(audited, "signed by the reviewer", keys["reviewer"], keys["reviewer"])
    # Without --require-signed, each is the reviewer's by the e-mail it gives.
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 0, out
    code, out = _audit(audited, f"{base}..HEAD", "--require-signed")
    assert code == 1
    caught = sorted(re.findall(r"GC504 Commit ([0-9a-f]{8})", out))
    assert caught == sorted([unsigned[:8], foreign[:8]])
    assert "(not signed)" in out
    assert "(signed with a key not in roles)" in out
    changes = _json(audited, f"{base}..HEAD", "--require-signed")["changes"]
    by_commit = {c["commit"]: c for c in changes}
    assert by_commit[good]["signed"] is True
    assert by_commit[good]["signer"] == "reviewer@example.invalid"
    assert by_commit[good]["allowed"] is True
    assert by_commit[foreign]["signed"] is False
    assert by_commit[foreign]["signer"] is None


def test_the_signer_counts_not_the_email(audited: GitData, keys: dict[str, Key]) -> None:
    """The author's e-mail names the reviewer, the officer's key signed: the
    officer's change, caught."""
    base = audited.head()
    verdict(audited, "rectify", "pass")
    commit = commit_as(audited, "as if the reviewer", keys["reviewer"], keys["officer"])
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 1
    assert (
        f"GC501 Commit {commit[:8]}: 王镇 <officer@example.invalid> (role: town) may not change"
        in out
    )
    [change] = _json(audited, f"{base}..HEAD")["changes"]
    assert (change["email"], change["signer"], change["signed"]) == (
        "reviewer@example.invalid",
        "officer@example.invalid",
        True,
    )


def test_roles_changes_need_a_district_person(audited: GitData, keys: dict[str, Key]) -> None:
    base = audited.head()
    audited.edit("town.yaml", lambda t: t.replace("    role: town\n", "    role: district\n", 1))
    commit = commit_as(audited, "promote myself", keys["officer"])
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 1
    assert (
        f"GC501 Commit {commit[:8]}: 王镇 <officer@example.invalid> (role: town) may not change "
        "officer@example.invalid.role of roles in town.yaml (town → district)" in out
    )


def test_an_unknown_author_and_a_town_change(audited: GitData, keys: dict[str, Key]) -> None:
    base = audited.head()
    audited.edit("communities/xiangjia.yaml", lambda t: t.replace('"2.4": 2\n', '"2.4": 3\n', 1))
    commit_as(audited, "巷佳 self score", keys["officer"])
    audited.edit("communities/xiangjia.yaml", lambda t: t.replace('"2.4": 3\n', '"2.4": 2\n', 1))
    stranger = commit_as(audited, "巷佳 again", keys["stranger"])
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 1
    assert re.findall(r"GC50\d Commit [0-9a-f]{8}", out) == [f"GC503 Commit {stranger[:8]}"]


def test_whole_history_lists_changes_before_roles_unchecked(
    audited: GitData, keys: dict[str, Key]
) -> None:
    found = _json(audited)
    assert found["violations"] == 0
    assert found["changes"]
    assert {c["allowed"] for c in found["changes"]} == {None}


def test_community_records(audited: GitData, keys: dict[str, Key]) -> None:
    verdict(audited, "rectify", "pass")
    commit = commit_as(audited, "佳煌 passes", keys["reviewer"], keys["reviewer"], day="2022-11-20")
    code, out = _audit(audited, "--community", "jiahuang", "--format", "json")
    assert code == 0, out
    rows = json.loads(out)["records"]
    district = next(r for r in rows if (r["year"], r["stage"]) == (2022, "district"))
    assert district == {
        "year": 2022,
        "stage": "district",
        "verdict": "pass",
        "name": "李区",
        "email": "reviewer@example.invalid",
        "date": "2022-11-20",
        "commit": commit,
        "signed": True,
    }
    code, out = _audit(audited, "--community", "jiahuang", "--format", "sarif")
    assert (code, out.strip()) == (2, "Error: --community writes only text, json.")


# ----------------------------------------------------------------- bad input


def test_a_range_that_does_not_exist(audited: GitData) -> None:
    code, out = _audit(audited, "v9..HEAD")
    assert code == 2
    assert out.startswith("Error: GC511 v9 is not")


def test_a_folder_not_in_git(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import SHIPPED_DATA

    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    result = runner.invoke(app, ["--lang", "en", "audit", "--data", str(tmp_path / "data")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: GC510 ")


def test_a_shallow_clone_without_the_base(
    audited: GitData, keys: dict[str, Key], tmp_path: Path
) -> None:
    base = audited.head()
    verdict(audited, "rectify", "pass")
    commit_as(audited, "one", keys["reviewer"])
    verdict(audited, "pass", "fail")
    commit_as(audited, "two", keys["reviewer"])
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{audited.top}", str(clone)],
        check=True,
        timeout=60,
    )
    result = runner.invoke(
        app, ["--lang", "en", "audit", f"{base}..HEAD", "--data", str(clone / "data")]
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: GC512 This is a shallow clone")
    assert "git fetch --unshallow" in result.output


def test_a_commit_whose_file_does_not_load(audited: GitData, keys: dict[str, Key]) -> None:
    base = audited.head()
    audited.edit(
        "communities/jiahuang.yaml", lambda t: t.replace("verdict: rectify", "verdict: [", 1)
    )
    commit = commit_as(audited, "broken", keys["reviewer"])
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 2
    assert out.startswith(
        f"Error: GC513 data/communities/jiahuang.yaml does not load in commit {commit[:8]}"
    )
    assert "GC102" in out


def test_a_person_limited_to_other_communities(audited: GitData, keys: dict[str, Key]) -> None:
    audited.edit(
        "town.yaml",
        lambda t: t.replace("    role: town\n", "    role: town\n    communities: [xiangjia]\n", 1),
    )
    commit_as(audited, "王镇 keeps 巷佳 only", keys["reviewer"])
    base = audited.head()
    audited.edit(
        "communities/jiahuang.yaml", lambda t: t.replace("  - id: p1\n", "  - id: p01\n", 1)
    )
    commit = commit_as(audited, "佳煌 plan", keys["officer"])
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 1
    assert f"GC502 Commit {commit[:8]}: 王镇 <officer@example.invalid> changed" in out
    assert "but roles lets them edit only xiangjia." in out


def test_a_signature_that_does_not_match(audited: GitData, keys: dict[str, Key]) -> None:
    """A signed commit whose message was altered afterwards: git finds the
    signature bad, and the change is nobody's."""
    base = audited.head()
    verdict(audited, "rectify", "pass")
    commit_as(audited, "佳煌 passes", keys["reviewer"], keys["reviewer"])
    body = audited.git("cat-file", "commit", "HEAD").replace("佳煌 passes", "佳煌 passes!")
    altered = subprocess.run(
        ["git", "-C", str(audited.top), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=body,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    audited.git("update-ref", "HEAD", altered)
    code, out = _audit(audited, f"{base}..HEAD")
    assert code == 1
    assert f"GC505 Commit {altered[:8]}: the signature does not match the commit" in out


def test_every_audit_code_has_a_case() -> None:
    from greencommunity.rules import registry

    source = Path(__file__).read_text(encoding="utf-8")
    for code in registry():
        if code.startswith("GC5"):
            assert f'"Error: {code} ' in source or f"{code} Commit" in source, code


def test_site_and_score_sheet_say_who_recorded(
    audited: GitData, keys: dict[str, Key], tmp_path: Path
) -> None:
    verdict(audited, "rectify", "pass")
    commit = commit_as(audited, "佳煌 passes", keys["reviewer"], keys["reviewer"], day="2022-11-20")
    line = f"区级初审由 李区 于 2022年11月20日 记录（提交 {commit[:8]}"
    site = tmp_path / "site"
    result = runner.invoke(app, ["site", "--data", str(audited.data), "-o", str(site)])
    assert result.exit_code == 0, result.output
    page = (site / "communities" / "jiahuang.html").read_text(encoding="utf-8")
    assert f"<li>{line}），已签名</li>" in page
    data = str(audited.data)
    report = [
        "report",
        "scoresheet",
        "jiahuang",
        "--year",
        "2022",
        "--data",
        data,
        "-f",
        "markdown",
    ]
    result = runner.invoke(app, report)
    assert result.exit_code == 0, result.output
    assert f"- {line}，已签名）。" in result.output
