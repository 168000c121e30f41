"""Official forms: the fillable PDFs (AcroForms) a person brings from an office, filled from the
vault. No Qt here.

- source.py    reading a form file safely: size limit, "is it a PDF", its password, XFA refused
- fields.py    walking the AcroForm field tree (with limits) into ``FormField`` values
- labels.py    the printed label near each field (PDFium's text positions), section headings
- reading.py   ``read_form``: all of the above and the structural fingerprint
- paths.py     the profile values a mapping may name (``person.family_name_latin``, ...)
- conditions.py, dates.py, mapping.py   the ``waystation-form-map/1`` file
- propose.py   a mapping proposed from a table of known labels (known_labels.py)
- values.py    what each field receives from the profile; findings for the check report
- appearance.py, flatten.py, cleaning.py, fill.py   writing the filled PDF
- report.py    the check report; library.py   sets of mappings for a help desk

Nothing here runs a form's JavaScript: scripts are only read as text (to learn a date format) and
are removed from the filled file.
"""
