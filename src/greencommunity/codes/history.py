"""GC5xx: who changed what in git (``gc audit``): GC501–GC505 a change the
roles of town.yaml do not allow, GC510–GC513 why the history cannot be read."""

from __future__ import annotations

from greencommunity.codes import declare
from greencommunity.diagnostics import Severity

ROLE_NOT_ALLOWED = declare(
    "GC501",
    Severity.ERROR,
    """角色无权修改
    提交修改了其人角色不能修改的内容。town（镇）可改计划、自评、报送、社区概况、整改答复和
    town.yaml；district（区）可改区级考评（结论、评分、整改要求）和 roles；city（市）可改市级
    抽样考评。签了名的提交算签名人的，否则算提交邮箱对应的人；依据是该提交之前的 roles。
    撤销这次修改（git revert），由有权的人重新提交。
    --
    A change the person's role does not cover
    A commit changed what its person's role may not change. town may change plans,
    self-evaluations, submissions, community profiles, rectification answers and
    town.yaml; district the district reviews (verdicts, scores, rectification
    requests) and roles; city the city sample reviews. A signed commit is its
    verified signer's, else the person whose e-mail it gives, by the roles in
    force before it. Revert it (git revert) and let the right person commit it.
    """,
)
COMMUNITY_NOT_ALLOWED = declare(
    "GC502",
    Severity.ERROR,
    """无权修改该社区
    roles 中为此人列出了可修改的社区（communities），提交却修改了其他社区的文件。撤销这次
    修改，或由区级人员在 roles 中为其加上该社区。
    --
    A community the person may not edit
    The person's entry in roles lists the communities they may edit, and the commit
    changed another community's file. Revert the change, or have a district person
    add the community to their entry.
    """,
)
NOT_IN_ROLES = declare(
    "GC503",
    Severity.ERROR,
    """提交人不在 roles 中
    town.yaml 有 roles 以后，每个修改数据的提交都要能对应到 roles 中的人：签名的公钥或提交的
    邮箱（git config user.email）须在其中。邮箱写错或换了电脑常会这样。用 roles 中登记的邮箱
    重新提交（git commit --amend --reset-author），或请区级人员把此人加入 roles。
    --
    The committer is not in roles
    Once town.yaml has roles, every commit that changes the data must be someone of
    roles: by the key that signed it or the e-mail it gives (git config
    user.email). A mistyped address or a new computer often causes it. Commit
    again with the registered address (git commit --amend --reset-author), or
    have a district person add them to roles.
    """,
)
UNSIGNED = declare(
    "GC504",
    Severity.ERROR,
    """考评修改没有有效签名
    使用 --require-signed 时，修改区级或市级考评（或 roles）的提交必须用 roles 中登记的公钥
    签名，且 git 能验证：未签名、用未登记的公钥签名都算不通过，因为提交的姓名和邮箱谁都可以
    随意填写。按 README“谁可以改考评结论”设置签名后重新提交（git commit --amend -S）。
    --
    A review change without a valid signature
    With --require-signed, a commit changing a district or city review (or roles)
    must be signed with a key registered in roles, and git must verify it: an
    unsigned commit, or one signed with an unregistered key, fails, because
    anyone can write any name and e-mail into a commit. Set up signing as the
    README says and commit again (git commit --amend -S).
    """,
)
BAD_SIGNATURE = declare(
    "GC505",
    Severity.ERROR,
    """签名与提交不符
    提交带有签名，但 git 验证失败：签名之后提交内容被改过，或签名已损坏。这样的提交不能算任何
    人的。找出原提交，重新签名提交。
    --
    The signature does not match the commit
    The commit carries a signature that git finds bad: the commit was altered
    after it was signed, or the signature is damaged. It counts as nobody's. Find
    the original change and commit it again, signed.
    """,
)
NOT_IN_GIT = declare(
    "GC510",
    Severity.ERROR,
    """数据目录不在 git 中
    gc audit 只能从 git 历史中读出谁改了什么：数据目录必须在一个 git 仓库里，且装有 git。
    在数据仓库中运行，或用 --data 指向它。
    --
    The data folder is not in git
    gc audit reads who changed what from the git history: the data folder must be
    in a git repository, and git installed. Run it in the data repository, or
    point --data at it.
    """,
)
BAD_RANGE = declare(
    "GC511",
    Severity.ERROR,
    """版本范围不存在
    范围写成 起点..终点（如 main..HEAD，或提交编号），或只写一个版本（查看到它为止的全部
    历史）。两端都必须是仓库里存在的分支、标签或提交；用 git log --oneline 查看。
    --
    The revision range does not exist
    A range is written base..head (main..HEAD, or commit ids), or one revision
    (the whole history up to it). Both ends must be branches, tags or commits of
    the repository; git log --oneline lists them.
    """,
)
SHALLOW = declare(
    "GC512",
    Severity.ERROR,
    """浅克隆缺少需要的提交
    仓库是浅克隆（git clone --depth 或 CI 的默认检出），要核对的范围的起点或其间的提交不在
    本地。取回完整历史：git fetch --unshallow；在 GitHub Actions 中给 actions/checkout 加
    fetch-depth: 0。
    --
    A shallow clone lacks the commits needed
    The repository is a shallow clone (git clone --depth, or CI's default
    checkout) and the range's base, or the commits between, are not here. Fetch
    the history: git fetch --unshallow; in GitHub Actions give actions/checkout
    fetch-depth: 0.
    """,
)
UNLOADABLE = declare(
    "GC513",
    Severity.ERROR,
    """某个提交中的数据文件无法读取
    范围内某个提交的社区文件或 town.yaml 无法读取（YAML 语法或格式错误），无法逐项比较。
    下面列出该文件在那个提交中的问题。从该提交之后开始核对（gc audit 该提交..HEAD）。
    --
    A data file of a commit does not load
    A community file or town.yaml of a commit in the range does not load (a YAML
    or format error), so its fields cannot be compared. Its problems in that
    commit are listed. Audit from after that commit (gc audit that-commit..HEAD).
    """,
)
