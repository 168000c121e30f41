; Inno Setup script for Waystation on Windows (not built on the project's Linux CI: a maintainer
; runs it on Windows). Steps, from a checkout with Python 3.11 and Inno Setup 6 installed:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[dev]
;   .venv\Scripts\python -m installer.icons build\installer-stage\icons
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\waystation.spec
;   iscc /DAppVersion=0.1.0 installer\windows\waystation.iss
; Result: dist\Waystation-0.1.0-setup.exe. It installs per user (no administrator rights needed,
; which matters on library and shelter computers) unless the person chooses all users.
; Portable copy instead: copy dist\waystation to the stick and put an empty file named
; ".portable" beside waystation.exe (or run: waystation.exe --portable-setup E:\).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1B7B55-3F0E-4D3B-9A51-2E7D5B0C9A11}
AppName=Waystation
AppVersion={#AppVersion}
AppPublisher=The Waystation developers
DefaultDirName={autopf}\Waystation
DefaultGroupName=Waystation
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=Waystation-{#AppVersion}-setup
SetupIconFile=..\..\build\installer-stage\icons\waystation.ico
UninstallDisplayIcon={app}\waystation.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"

[Files]
; the one-folder bundle, exactly as PyInstaller made it; never a .portable marker
Source: "..\..\dist\waystation\*"; DestDir: "{app}"; Excludes: ".portable,data\*"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Waystation"; Filename: "{app}\waystation.exe"
Name: "{autodesktop}\Waystation"; Filename: "{app}\waystation.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\waystation.exe"; Description: "{cm:LaunchProgram,Waystation}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes the program only. Vaults are the person's own files and stay where they
; were saved; the settings folder (%APPDATA%\Waystation) holds nothing personal and is removed.
[UninstallDelete]
Type: filesandordirs; Name: "{userappdata}\Waystation"
