# Sourced by the scripts that run the Windows program under Wine (wine-smoke.sh,
# measure-wine-fonts.sh). Needs wine and Debian's MinGW compiler.

wine_scripts=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Quiet, and no offer to install Wine's .NET and browser engine: the guide needs neither.
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

# Makes a fresh Wine settings folder (a "prefix") at $1, and waits until Wine is done with it.
make_wine_prefix() {
    WINEPREFIX=$1 wine wineboot --init >/dev/null 2>&1
    WINEPREFIX=$1 wineserver -w
}

# Puts the program $1 into the folder $2 as needle-guide.exe, beside a stand-in for the DLL
# Wine 8 lacks and every Windows 10 and 11 PC has (bcryptprimitives.c), for the test only.
place_program() {
    cp "$1" "$2/needle-guide.exe"
    x86_64-w64-mingw32-gcc -shared -O2 -o "$2/bcryptprimitives.dll" \
        "$wine_scripts/bcryptprimitives.c" -ladvapi32
}
