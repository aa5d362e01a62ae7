"""The Windows installer script (packaging/wawaran.iss) cannot be compiled here (Inno Setup is a
Windows program; .github/workflows/windows.yml compiles and runs it). These checks hold it to
what the README promises: per user, the same AppId forever, the user's data never touched, and
the names the spec gives the build."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "packaging" / "wawaran.iss").read_text(encoding="utf-8")
SPEC = (ROOT / "packaging" / "wawaran.spec").read_text(encoding="utf-8")


def sections(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            found[current] = []
        else:
            found.setdefault(current, []).append(line)
    return found


def setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections(ISS)["Setup"])


def test_it_installs_for_the_current_user_without_administrator_rights():
    directives = setup()
    assert directives["PrivilegesRequired"] == "lowest"
    assert directives["DefaultDirName"].startswith("{autopf}")  # the user's programs folder in this mode
    assert "commandline" in directives["PrivilegesRequiredOverridesAllowed"]  # /CURRENTUSER is honoured
    assert all(line.startswith('Name: "{autoprograms}') for line in sections(ISS)["Icons"])


def test_upgrades_find_the_installation_by_an_appid_that_never_changes():
    assert setup()["AppId"] == "{{F8081013-9787-421D-B350-A4FDB354E773}"


def test_the_users_data_is_never_deleted():
    parts = sections(ISS)
    assert "UninstallDelete" not in parts
    assert parts["InstallDelete"] == ['Type: filesandordirs; Name: "{app}\\_internal"']
    for constant in ("{userappdata}", "{localappdata}", "{autoappdata}", "{commonappdata}", "Diskominfo Kota Tangerang\\"):
        assert constant not in "\n".join(line for body in parts.values() for line in body), constant


def test_it_installs_the_folder_and_program_the_spec_builds():
    assert 'name="WawaranDesktop",' in SPEC and 'program("WawaranDesktop", False' in SPEC
    assert '#define AppExe "WawaranDesktop.exe"' in ISS
    assert '#define AppFolder "..\\dist\\WawaranDesktop"' in ISS


def test_the_windows_workflow_builds_and_installs_what_these_files_name():
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    for path in re.findall(r"(?:packaging|tools)[\\/][\w.]+", workflow):
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    assert setup()["OutputBaseFilename"] == "WawaranDesktop-{#AppVersion}-setup"
    assert "WawaranDesktop-$env:APP_VERSION-setup.exe" in workflow
    assert setup()["OutputDir"] == "..\\dist\\installer" and "dist\\installer\\" in workflow
    # installed where {autopf} points in non administrative mode, started signed in as the README says
    assert '"$env:LOCALAPPDATA\\Programs\\Wawaran Desktop"' in workflow and setup()["AppName"] == "{#AppName}"
    assert "--user rina --startup-probe" in workflow and 'WAWARAN_PASSWORD = "latihan-wawaran"' in workflow
    assert "'/VERYSILENT'" in workflow and "'/CURRENTUSER'" in workflow
