""""Today" is WIB's date by the workspace clock, whatever zone the machine is set to.

Each case is a moment when the machine's own date differs from WIB's: half past midnight WIB
is still yesterday west of WIB (Etc/GMT+12), half past eleven at night WIB is already
tomorrow on Kiritimati (UTC+14).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import openpyxl
import pytest

from wawaran_desktop import cli
from wawaran_desktop.app import build_parser
from wawaran_desktop.services.campaigns import CampaignQuery
from wawaran_desktop.services.clock import WIB

# (machine zone, moment, WIB date, the machine's date at that moment)
CASES = [
    ("Etc/GMT+12", datetime(2026, 11, 27, 0, 30, tzinfo=WIB), date(2026, 11, 27), date(2026, 11, 26)),
    ("Pacific/Kiritimati", datetime(2026, 11, 26, 23, 30, tzinfo=WIB), date(2026, 11, 26), date(2026, 11, 27)),
]


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def moment(request, machine_zone, clock):
    zone, at, wib_day, machine_day = request.param
    machine_zone(zone)
    clock.set(at.astimezone(timezone.utc))
    assert clock.now().astimezone().date() == machine_day != wib_day  # the machine really disagrees
    return wib_day


def test_today_is_the_wib_date(ws, moment):
    assert ws.today() == moment


def test_a_campaign_created_now_is_listed_under_today(ws, actor, moment):
    created = ws.campaigns.create(actor.id, "Wawaran Tengah Malam")
    today = CampaignQuery(date_from=moment, date_to=moment)
    assert [c.id for c in ws.campaigns.list(today)] == [created.id]
    yesterday = date.fromordinal(moment.toordinal() - 1)
    assert ws.campaigns.list(CampaignQuery(date_from=yesterday, date_to=yesterday)) == []


def export_workbook(ws, clock, out, *options):
    data_dir, server = ws.data_dir, ws.database_url
    ws.close()  # the command line opens the folder (or the server's database) itself
    database = ["--database", server] if server else []
    args = build_parser().parse_args(["--data-dir", str(data_dir), *database, "export", "workbook", *options,
                                      "-o", str(out)])
    return cli.run(args, clock=clock.now)


def test_the_workbook_command_takes_today_from_wib(ws, actor, clock, moment, tmp_path, capsys):
    ws.campaigns.create(actor.id, "Wawaran Tengah Malam")
    out = tmp_path / "hari-ini.xlsx"
    assert export_workbook(ws, clock, out, "--from", moment.isoformat(), "--to", moment.isoformat()) == 0
    campaigns = openpyxl.load_workbook(out)["Kampanye"]
    assert campaigns.max_row >= 2 and "Wawaran Tengah Malam" in [c.value for c in campaigns[2]]
    tomorrow = date.fromordinal(moment.toordinal() + 1)
    assert export_workbook(ws, clock, tmp_path / "besok.xlsx", "--from", tomorrow.isoformat()) == 2
    assert f"hari ini {moment.isoformat()}" in capsys.readouterr().err
