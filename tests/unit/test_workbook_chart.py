"""The summary's second chart (issue 14): each step's average working time as a percentage of its
own standard, columns against a red line at 100%, so the 120-minute step no longer dwarfs the
5-minute ones. Read from the cells, from the chart's XML, and from LibreOffice's rendering."""

from __future__ import annotations

import subprocess
import zipfile
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from office import PDFTOPPM, pdf_text, to_pdf
from openpyxl import load_workbook
from report_campaign import run_timed_campaign

from wawaran_desktop import demo
from wawaran_desktop.documents.workbook import write_workbook
from wawaran_desktop.documents.workbook_summary import PERCENT_TITLE

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture
def book(ws, clock, actor, tmp_path):
    demo.generate(ws, 20, seed=2)
    run_timed_campaign(ws, clock, actor.id)
    return write_workbook(ws, tmp_path / "evaluasi.xlsx")


def percent_chart(path) -> ElementTree.Element:
    with zipfile.ZipFile(path) as z:
        charts = [ElementTree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("xl/charts/chart")]
    [chart] = [c for c in charts if PERCENT_TITLE in "".join(t.text or "" for t in c.iter(f"{A}t"))]
    return chart


def test_the_percentages_are_the_tables_averages_over_the_standards(book):
    sheet = load_workbook(book)["Ringkasan"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "Tahap")
    assert rows[header][12:14] == ("Rata-rata (% standar)", "Standar (100%)")
    steps = [r for r in rows[header + 1:] if r[0] and r[0][0].isdigit() and ". " in r[0]]
    assert len(steps) == 9
    dissemination = next(r for r in steps if r[0] == "7. Diseminasi")
    for name, standard, *_, average, _worst, _id, _m1, _m2, _m3, percent, hundred in steps:
        assert isinstance(average, timedelta)
        assert percent == pytest.approx(average / timedelta(minutes=standard)) and hundred == 1
    # on minutes the 120-minute step towered over the rest; as shares of their standards they compare
    minutes = [r[6] / timedelta(minutes=1) for r in steps]
    shares = [r[12] for r in steps]
    assert max(minutes) == dissemination[6] / timedelta(minutes=1)
    assert max(shares) / min(shares) < max(minutes) / min(minutes) / 4
    assert {sheet.cell(header + 2, col).number_format for col in (13, 14)} == {"0.0%"}


def test_the_chart_is_columns_of_percentages_and_a_line_at_100(book):
    rows = [r[0] for r in load_workbook(book)["Ringkasan"].iter_rows(values_only=True)]
    first = rows.index("Tahap") + 2  # the per-step table's first row (1-based)
    chart = percent_chart(book)
    plot = chart.find(f"{C}chart/{C}plotArea")
    [bar], [line] = plot.findall(f"{C}barChart"), plot.findall(f"{C}lineChart")
    [columns], [reference] = bar.findall(f"{C}ser"), line.findall(f"{C}ser")
    assert columns.find(f"{C}val/{C}numRef/{C}f").text.endswith(f"!$M${first}:$M${first + 8}")
    assert reference.find(f"{C}val/{C}numRef/{C}f").text.endswith(f"!$N${first}:$N${first + 8}")
    assert reference.find(f"{C}cat/{C}numRef/{C}f").text.endswith(f"!$A${first}:$A${first + 8}")
    assert reference.find(f".//{A}srgbClr").get("val") == "C00000"
    assert reference.find(f"{C}marker/{C}symbol").get("val") == "none"
    # one pair of axes: the line is drawn on the columns' percentage scale
    axes = {a.get("val") for a in bar.findall(f"{C}axId")}
    assert axes == {a.get("val") for a in line.findall(f"{C}axId")}
    [value_axis] = plot.findall(f"{C}valAx")
    assert value_axis.find(f"{C}numFmt").get("formatCode") == "0%"
    assert value_axis.find(f"{C}scaling/{C}min").get("val") == "0"
    assert not any("$J$" in f.text or "$K$" in f.text or "$L$" in f.text for f in chart.iter(f"{C}f"))


def red_pixels(pdf, tmp_path) -> int:
    """Pixels of page 1 close to the line's C00000, rendered by poppler as a plain PPM."""
    assert PDFTOPPM
    out = tmp_path / "ringkasan"
    subprocess.run([PDFTOPPM, "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)], check=True)
    data = (tmp_path / "ringkasan.ppm").read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    return sum(1 for i in range(0, int(width) * int(height) * 3, 3)
               if pixels[i] > 150 and pixels[i + 1] < 60 and pixels[i + 2] < 60)


def test_libreoffice_draws_the_chart_with_its_line(book, tmp_path):
    pdf = to_pdf(book, tmp_path)
    first = pdf_text(pdf).split("\f")[0]
    for text in (PERCENT_TITLE, "% dari standar", "Rata-rata (% standar)", "Standar (100%)", "100%"):
        assert text in first, text
    assert red_pixels(pdf, tmp_path) > 100  # the 100% line across the chart
