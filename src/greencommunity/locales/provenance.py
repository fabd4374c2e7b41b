"""Texts of provenance: what an output file was computed from (``provenance.py``)."""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "provenance.line": "数据版本：{revision}；评分表指纹：{fingerprint}；gc {version}；{as_of}",
    "provenance.not_in_git": "不在 git 中",
    "provenance.no_commit": "尚无提交，含未提交的修改",
    "provenance.dirty": "{commit}，含未提交的修改",
    "provenance.as_of": "数据截至 {day}",
    "provenance.built_today": "数据截至生成之日 {day}",
    "provenance.bad_epoch": "环境变量 SOURCE_DATE_EPOCH 的值“{value}”不是时间：应为自 1970-01-01 00:00:00 UTC 起的整秒数（如 1667088000）。请改正或删除它。",
}

EN: dict[str, str | Plural] = {
    "provenance.line": "Data revision: {revision}; criteria fingerprint: {fingerprint}; gc {version}; {as_of}",
    "provenance.not_in_git": "not in git",
    "provenance.no_commit": "no commit yet, with uncommitted changes",
    "provenance.dirty": "{commit}, with uncommitted changes",
    "provenance.as_of": "data as of {day}",
    "provenance.built_today": "data as of the day it was made, {day}",
    "provenance.bad_epoch": "SOURCE_DATE_EPOCH is '{value}', which is not a time: it must be a whole number of seconds since 1970-01-01 00:00:00 UTC (such as 1667088000). Correct or unset it.",
}
