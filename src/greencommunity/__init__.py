"""greencommunity: data validation, progress and submission documents for the
green-community creation programme (绿色社区创建行动)."""

__version__ = "0.1.0"
