/* rulebook's version, for C and C++ alike. CMake reads the numbers from here (one place to change
 * them); `rulebook_version()` (rulebook.h) says which version a program runs against. */
#ifndef RULEBOOK_VERSION_H
#define RULEBOOK_VERSION_H

#define RULEBOOK_VERSION_MAJOR 0
#define RULEBOOK_VERSION_MINOR 2
#define RULEBOOK_VERSION_PATCH 0
#define RULEBOOK_VERSION_STRING "0.2.0"

/* One number that grows with each release: 0.2.0 is 200, 1.3.12 is 10312. */
#define RULEBOOK_VERSION (RULEBOOK_VERSION_MAJOR * 10000 + RULEBOOK_VERSION_MINOR * 100 + RULEBOOK_VERSION_PATCH)

#endif
