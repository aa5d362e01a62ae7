; Inno Setup 6 script: a per-user installer of the frozen build (no administrator rights).
;
;   iscc /DAppVersion=0.1.0 packaging\wawaran.iss
;
; from the repository's root, after `python tools/build_app.py` made dist\WawaranDesktop\ and
; build\app\icon\wawaran.ico (.github/workflows/windows.yml does both, then this). The
; installer is written to dist\installer\WawaranDesktop-<version>-setup.exe.
;
; What it does, and what it never does:
; - installs for the current user only (PrivilegesRequired=lowest): the programs go to
;   %LOCALAPPDATA%\Programs\Wawaran Desktop ({autopf} in non administrative mode), the
;   shortcut to the user's own Start menu ({autoprograms}); no UAC prompt;
; - an upgrade is the same installer of a newer version: the same AppId finds the earlier
;   installation, its folder and its uninstall log; the previous version's bundled files
;   (_internal) are removed first, so no module of the old version lingers beside the new;
; - the data (database, backups, settings: %APPDATA%\Diskominfo Kota Tangerang\Wawaran
;   Desktop) is written by the application, never by this installer, and neither install,
;   upgrade nor uninstall touches it. A newer version migrates it when it first opens it, after
;   copying the file to backups\ (the application's own numbered migrations);
; - unsigned: code signing needs a certificate on a hardware token (README, Delivery).
;
; Each directive below was checked against Inno Setup 6's documentation (jrsoftware.org/ishelp).

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z packaging\wawaran.iss
#endif
#ifndef AppFolder
  #define AppFolder "..\dist\WawaranDesktop"
#endif
#ifndef AppNumericVersion
  #define AppNumericVersion AppVersion
#endif
#ifndef IconFile
  #define IconFile "..\build\app\icon\wawaran.ico"
#endif
#define AppName "Wawaran Desktop"
#define AppExe "WawaranDesktop.exe"

[Setup]
; Never change the AppId: it is how an upgrade finds the installation it replaces.
AppId={{F8081013-9787-421D-B350-A4FDB354E773}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Diskominfo Kota Tangerang
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
; Per user, no administrator rights. /CURRENTUSER (the workflow's silent install) and
; /ALLUSERS (an administrator installing for every account) are accepted on the command line.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; The frozen build is 64-bit (x64) Python.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile={#IconFile}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
OutputDir=..\dist\installer
OutputBaseFilename=WawaranDesktop-{#AppVersion}-setup
; Running copies are closed (Restart Manager) before their files are replaced.
CloseApplications=yes

[Languages]
; Inno Setup ships no Indonesian translation among its official ones: the wizard is in
; English; the Start-menu entry and the application are in Indonesian.
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the bundled Python, Qt and modules whole.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#AppFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "SOP Penyebaran Informasi melalui Mobil Wawaran Keliling"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes what this installer put in {app} and nothing
; else; the user's data folder (above) stays, as it must.
