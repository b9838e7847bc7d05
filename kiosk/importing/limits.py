"""How much of an export the importer will read: limits that refuse hostile files early.

Each bounds time or memory by what a file really holds (rows, columns, line and text
length, inflated size), so a small file cannot make the kiosk work for minutes or take
gigabytes before it is refused. Real exports are far inside every one of them.
"""

from __future__ import annotations

# Both formats
MAX_ROWS = 2_000_000  # rows, as a spreadsheet numbers them (header and blank rows count)
MAX_COLUMNS = 1_000  # cells in one row (an export with forty columns is a wide one)

# CSV
MAX_LINE_CHARS = 1 << 20  # characters in one record (a quoted cell may span lines)
MAX_FIELD_CHARS = 131_072  # characters in one field: the csv module's own default limit
CSV_CHUNK_CHARS = 1 << 16  # the reader decodes and splits the text this much at a time

# XLSX (a zip of XML parts), checked from the zip's directory before openpyxl opens it
MAX_ZIP_MEMBERS = 1_000  # a workbook has a dozen parts, a few hundred with many sheets
MAX_UNCOMPRESSED_BYTES = 1 << 30  # all parts, as the directory declares them
MAX_COMPRESSION_RATIO = 100  # inflated / stored, for parts larger than RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1 << 20  # smaller parts may compress any amount: they inflate to little
MAX_SHARED_STRINGS_BYTES = 256 << 20  # the string table, which openpyxl holds in memory
MAX_XML_TEXT_BYTES = 256 << 10  # one text in the strings or the sheet (Excel: 32,767 chars)
MAX_ROW_XML_BYTES = 4 << 20  # one row of a sheet as XML (1,000 cells of 4 KB)
MAX_ELEMENTS_OUTSIDE_ROWS = 1_000_000  # which openpyxl holds until the sheet ends
MAX_XLSX_ROWS = 1_048_576  # Excel's own sheet size: a row past it was not written by Excel
MAX_CELLS = 50_000_000  # cells read in all, empty ones included (openpyxl pads each row)
