; Inno Setup 6 script: Pelita's setup file for Windows, from PyInstaller's dist\pelita\.
; Built by installer\build-windows.ps1 (which passes AppVersion and, with a certificate, Sign):
;   iscc /DAppVersion=0.1.0 installer\pelita.iss
;
; Per user: no administrator rights, installed into the user's own programs folder
; (%LOCALAPPDATA%\Programs\Pelita). The user's data and connection profile live elsewhere
; (%LOCALAPPDATA%\pelita: pelita.db, connection.json; passwords in Windows' credential store),
; so uninstalling, which removes only what setup installed, keeps them; a later install finds
; them again. A newer setup run over an older one upgrades in place: the same AppId, the same
; folder, the old bundle cleared first so nothing of the old version's libraries stays behind.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\pelita.iss
#endif

[Setup]
; Never change the AppId: it is how a new version finds the old one to upgrade.
AppId={{6F0C2D4E-8B1A-4E57-9C3D-2A7B5E91F0C4}
AppName=Pelita
AppVersion={#AppVersion}
AppVerName=Pelita {#AppVersion}
AppPublisher=Dinas Sosial
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={userpf}\Pelita
DefaultGroupName=Pelita
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=auto
Compression=lzma2/max
SolidCompression=yes
; Pelita still running is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\pelita.exe
SetupIconFile=..\resources\pelita.ico
UninstallDisplayName=Pelita
OutputDir=..\dist
OutputBaseFilename=pelita-setup-{#AppVersion}
#ifdef Sign
; The command is given by build-windows.ps1 (/Ssigntool=...): setup and uninstaller signed.
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
; The wizard opens in Windows' own language when it is one of these, else asks (Indonesian
; first in the list).
Name: "id"; MessagesFile: "Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
id.DesktopShortcut=Buat pintasan di &desktop
id.Shortcuts=Pintasan:
id.RunAfter=Jalankan Pelita
id.DataKept=Data Pelita Anda (database di komputer ini dan profil koneksi) tetap disimpan di %1. Hapus folder itu sendiri bila memang tidak diperlukan lagi.
en.DesktopShortcut=Create a &desktop shortcut
en.Shortcuts=Shortcuts:
en.RunAfter=Start Pelita
en.DataKept=Your Pelita data (this PC's database and the connection profile) stays in %1. Delete that folder yourself if it is no longer needed.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:Shortcuts}"; Flags: unchecked

[InstallDelete]
; An upgrade: the previous bundle's libraries go before the new ones are copied.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\pelita\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Pelita"; Filename: "{app}\pelita.exe"; WorkingDir: "{userdocs}"
Name: "{userdesktop}\Pelita"; Filename: "{app}\pelita.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\pelita.exe"; Description: "{cm:RunAfter}"; WorkingDir: "{userdocs}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Data: String;
begin
  { Only what setup installed is removed; say where the user's own data stays. }
  Data := ExpandConstant('{localappdata}\pelita');
  if (CurUninstallStep = usPostUninstall) and DirExists(Data) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [Data]), mbInformation, MB_OK);
end;
