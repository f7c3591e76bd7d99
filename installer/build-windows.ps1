# Pelita's setup file for Windows: dist\pelita-setup-VERSION.exe. Run on Windows 10/11 (x64)
# from the project's root in PowerShell, with Python 3.11+ and Inno Setup 6 installed:
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# With the office's code-signing certificate, set before running (signtool from the Windows SDK):
#   $env:PELITA_SIGN_CERT = "C:\path\to\certificate.pfx"; $env:PELITA_SIGN_PASSWORD = "..."
#   (optional) $env:PELITA_TIMESTAMP_URL = "http://timestamp.digicert.com" (the CA's own)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

# 1. A virtualenv of its own with Pelita and PyInstaller (the [bundle] extra).
if (-not (Test-Path ".venv-windows\Scripts\python.exe")) { py -3 -m venv .venv-windows }
$python = ".venv-windows\Scripts\python.exe"
& $python -m pip install --quiet --upgrade pip
& $python -m pip install --quiet -e ".[bundle]"
if ($LASTEXITCODE) { throw "pip install failed" }

# 2. The one-folder bundle: dist\pelita\pelita.exe (no console) and pelita-cli.exe.
& $python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\pelita.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
& dist\pelita\pelita-cli.exe templates check --no-paper
if ($LASTEXITCODE) { throw "the bundle's template check failed" }

# 3. Inno Setup's Indonesian texts are an unofficial translation, not installed with it: the
#    copy from Inno Setup 6.7.1's sources, checked against its SHA-256.
$isl = "installer\Indonesian.isl"
$islHash = "EDA27CA7D4B0BD666D7ED0CC91A856842A0101D7CFF12417998CFD1E12C92FBA"
if (-not (Test-Path $isl)) {
    Invoke-WebRequest -OutFile $isl -Uri ("https://raw.githubusercontent.com/jrsoftware/issrc/" +
        "cfdf48923178df4b4f040e038b423aa555a61ffc/Files/Languages/Unofficial/Indonesian.isl")
}
if ((Get-FileHash $isl -Algorithm SHA256).Hash -ne $islHash) { throw "$isl is not Inno Setup 6.7.1's" }

# 4. Signing: the programs before they go into the setup file, then setup and uninstaller.
$version = & $python -c "import desktop; print(desktop.__version__)"
$iscc = @("/DAppVersion=$version")
if ($env:PELITA_SIGN_CERT) {
    $stamp = if ($env:PELITA_TIMESTAMP_URL) { $env:PELITA_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    $sign = @("sign", "/fd", "sha256", "/tr", $stamp, "/td", "sha256", "/f", $env:PELITA_SIGN_CERT)
    if ($env:PELITA_SIGN_PASSWORD) { $sign += @("/p", $env:PELITA_SIGN_PASSWORD) }
    & signtool @sign dist\pelita\pelita.exe dist\pelita\pelita-cli.exe
    if ($LASTEXITCODE) { throw "signtool failed" }
    # Inno Setup calls it for setup and uninstaller: $f is the file, $q a quote.
    $command = "signtool " + (($sign | ForEach-Object { if ($_ -match " ") { "`$q$_`$q" } else { $_ } }) -join " ") + " `$f"
    $iscc += @("/DSign", "/Ssigntool=$command")
}

# 5. The setup file.
$compiler = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (-not (Test-Path $compiler)) { $compiler = "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe" }
& $compiler @iscc installer\pelita.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "Setup file: dist\pelita-setup-$version.exe"
