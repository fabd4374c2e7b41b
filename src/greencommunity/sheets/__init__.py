"""Score sheets in Excel and WPS: the 自测评分表 exported as a workbook for a
community to fill in, and read back into its YAML file.

- ``layout``: where each thing is in the sheet, and the table both the export
  and the xlsx documents (``documents/xlsx.py``) write;
- ``fingerprint``: which criteria.yaml a sheet was made from;
- ``export``: the fillable workbook of a community and year;
- ``limits``: what an office file must pass before openpyxl opens it
  (size, zip bombs, macros, external links);
- ``reading``: a filled workbook → scores, notes and a date, every problem a
  Diagnostic at its cell;
- ``importing``: those values written into the community files through the
  round-trip module (``authoring/roundtrip.py``), all or nothing.

No typer and no printing here: ``cli/sheet_cmd.py`` wires, ``output/sheet.py``
words the results.
"""
