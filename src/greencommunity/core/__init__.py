"""Pure computations over the loaded models: no files, no printing, no wording.

``scoring`` scores a sheet against the pass rule, which ``passrule`` compiles
once per criteria into integer units and a table of checks (``checks``, one
class per kind of rule); ``status`` decides a community's standing in a year;
``progress`` counts the town against its
target; ``deadlines``, ``funding``, ``projects`` and ``submissions`` answer the
calendar's and the plan's questions; ``diffing`` and ``history`` compare
datasets across git revisions.
"""
