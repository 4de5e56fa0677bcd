/* A stand-in for Windows' bcryptprimitives.dll, for running the guide under Wine 8 only (scripts/
 * wine-smoke.sh); it is never shipped. Every Windows 10 and 11 PC has the real DLL. Rust's
 * standard library takes its random numbers from ProcessPrng there; Wine 8 lacks the DLL, so the
 * program cannot start. This one fills the buffer from advapi32's RtlGenRandom instead. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
