// Shim for libcsv (Debian libcsv-dev). Nothing else lives in this target.
#ifndef SAFETYMONITOR_CLIBCSV_SHIM_H
#define SAFETYMONITOR_CLIBCSV_SHIM_H
#include <csv.h>
#endif
